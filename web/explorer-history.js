// Deep links (docs/deep-links.md): the URL hash follows what is on screen, opening the page at a link
// restores it, and back and forward step through selections. A change the app reports as adding a
// history entry (a new selection, view, story step or path) pushes one; anything else replaces the
// current entry, at most a few times a second, so panning never floods the history.
(function (parts) {
  'use strict';
  const { api } = parts.api;
  let shown = null;      // the hash last written or opened; null until the explorer is ready
  let timer = 0;
  let newEntry = false;  // a change since the last write adds a history entry

  function write() {
    timer = 0;
    const push = newEntry;
    newEntry = false;
    const hash = api.link();
    if (hash === shown) return;
    const url = location.pathname + location.search + hash;
    try {
      if (push) history.pushState(null, '', url);
      else history.replaceState(null, '', url);
    } catch (e) { /* a sandboxed or file:// page may refuse: the link still works through link() */ }
    shown = hash;
  }

  parts.events.watchLink((addsEntry) => {
    if (shown === null) return;
    newEntry = newEntry || addsEntry;
    if (!timer) timer = setTimeout(write, 250);
  });

  // A one-file explorer carries the link of the view it was made from (web/one-file.js): its start.
  function savedLink() {
    const el = document.getElementById('explorer-link');
    try { return el ? String(JSON.parse(el.textContent)) : ''; } catch (e) { return ''; }
  }

  // The page's query (?embed=1&theme=dark&view=graph...) sets the start (over a saved link); the hash,
  // when there is one, wins field by field.
  function openFromLocation(atStart = true) {
    const text = [atStart ? savedLink() : '', location.search.slice(1), location.hash.slice(1)].filter((t) => t).join('&');
    if (!text) return;
    for (const w of api.openLink(text)) console.warn('explorer: link: ' + w);
  }

  api.ready.then(() => {
    shown = '';
    newEntry = false;
    write();
    window.addEventListener('popstate', () => {
      openFromLocation(false);
      shown = api.link();
      newEntry = false;
    });
  }, () => {});

  parts.history = { openFromLocation };
})(window.__explorerParts = window.__explorerParts || {});
