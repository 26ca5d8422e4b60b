// The corpus fetch, begun from the page's head as soon as this small script arrives (async), not after
// the app's scripts have arrived and run: with the wasm and the font preloaded, waiting for the corpus
// was the last thing between the compiled app and its first frame. Only what is certain here: the
// bundled corpus, or a ?data= corpus on this site. explorer-boot.js takes it (window.__explorerEarly) and
// fetches everything else itself as before (another origin the site allows, a merge, the one-file build).
(function () {
  'use strict';
  if ('__explorerEarly' in window) return;  // explorer-boot.js ran first: it fetches for itself
  window.__explorerEarly = null;
  if (document.getElementById('explorer-corpus')) return;  // the one-file build: nothing is fetched
  const query = new URLSearchParams(location.search);
  const data = query.get('data');
  if (data && /^(1|true|yes)$/i.test(query.get('merge') || '')) return;
  // The bundled corpus's first part (its citations follow: explorer-citations.js), named as
  // explorer-boot.js names it (its errors say the same).
  let url = 'data/corpus-view.json';
  if (data) {
    let u;
    try { u = new URL(data, location.href); } catch { return; }
    if (u.origin !== location.origin || !/^https?:$/.test(u.protocol)) return;
    url = u.href;
  }
  const corpus = fetch(url).then((r) => {
    if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
    return r.arrayBuffer();
  }).then((b) => new Uint8Array(b));
  corpus.catch(() => {});  // explorer-boot.js handles a failure
  window.__explorerEarly = { url, corpus };
})();
