// Start-up work begun from the page's head as soon as this small script arrives (async), not after the
// app's scripts have arrived and run: the wasm compile, as its preloaded bytes stream in, and the corpus
// fetch (with the wasm and the font preloaded, waiting for the corpus was the last thing between the
// compiled app and its first frame). Only what is certain here: the bundled corpus's first part, or a
// ?data= corpus on this site. explorer-boot.js takes both (window.__explorerEarly) and does everything
// else itself as before (another origin the site allows, a merge, the one-file build).
(function () {
  'use strict';
  if ('__explorerEarly' in window) return;  // explorer-boot.js ran first: it fetches for itself
  const early = (window.__explorerEarly = { url: null, corpus: null, wasm: null });
  if (document.getElementById('explorer-corpus')) return;  // the one-file build: nothing is fetched
  // The app compiled as its bytes stream in, from here rather than once the page's scripts have run:
  // explorer-boot.js instantiates this module (Emscripten's Module.instantiateWasm).
  early.wasm = fetch('explorer.wasm', { credentials: 'same-origin' }).then((r) => {
    if (!r.ok) throw new Error(`explorer.wasm: HTTP ${r.status}`);
    // A host that serves wasm without its MIME type cannot stream: compile from the bytes then.
    return WebAssembly.compileStreaming(r.clone()).catch(() => r.arrayBuffer().then((b) => WebAssembly.compile(b)));
  });
  early.wasm.catch(() => {});  // explorer-boot.js handles a failure
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
  early.url = url;
  early.corpus = corpus;
})();
