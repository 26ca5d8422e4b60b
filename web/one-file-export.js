// Export > One-file explorer, and explorer.exportText('html'): a single HTML file holding the explorer,
// the whole corpus now loaded (the bundled one with whatever was merged into it, or one opened; not only
// what the filters show) and the view on screen (its deep link), which opens from disk or any web host.
// The site's own files are fetched from where the page came from; a one-file page (opened from disk,
// where nothing can be fetched) uses the copies it holds. web/one-file.js puts them together.
(function (parts) {
  'use strict';
  const { api } = parts.api;
  const { build, base64 } = parts.oneFile;

  function block(id) {
    const el = document.getElementById(id);
    return el ? el.textContent.trim() : null;
  }

  // The site's files as this one-file page holds them: index.html in its data block, each script and
  // style sheet in the element that names its file.
  function heldFiles() {
    const index = block('explorer-index');
    const bin = atob(index);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    const byName = new Map();
    for (const el of document.querySelectorAll('script[data-file], style[data-file]')) {
      byName.set(el.getAttribute('data-file'), el.textContent);
    }
    return {
      html: new TextDecoder().decode(bytes),
      read: (rel) => {
        if (!byName.has(rel)) throw new Error(`${rel}: not held in this page`);
        return byName.get(rel);
      },
      wasm: block('explorer-wasm'),
      deferred: block('explorer-wasm-deferred'),
      font: block('explorer-font'),
    };
  }

  // The site's files fetched from the page's own address (without query or hash).
  async function fetchedFiles() {
    const page = new URL(location.href);
    page.search = '';
    page.hash = '';
    const get = async (rel) => {
      const r = await fetch(new URL(rel, page));
      if (!r.ok) throw new Error(`${rel}: HTTP ${r.status}`);
      return r;
    };
    const [html, wasm, deferred, font] = await Promise.all([
      get(page.href).then((r) => r.text()),
      get('explorer.wasm').then((r) => r.arrayBuffer()),
      get('explorer.deferred.wasm').then((r) => r.arrayBuffer()),
      get('fonts/explorer-ui.ttf').then((r) => r.arrayBuffer(), () => null),  // the app runs without it
    ]);
    return {
      html,
      read: (rel) => get(rel).then((r) => r.text()),
      wasm: base64(new Uint8Array(wasm)),
      deferred: base64(new Uint8Array(deferred)),
      font: font && base64(new Uint8Array(font)),
    };
  }

  // Resolves the one-file explorer's HTML text.
  async function oneFileHtml() {
    await api.ready;
    await api.citationsReady();  // the file carries the whole corpus, citations and sources too
    const corpus = api.exportText('corpus');
    const link = api.link();
    const files = block('explorer-index') ? heldFiles() : await fetchedFiles();
    const { html } = await build({ ...files, corpus, link });
    return html;
  }

  // exportText('html') is the one kind that is built in the page, not the app, so it returns a Promise.
  const appExport = api.exportText;
  api.exportText = (kind) => (String(kind) === 'html' ? oneFileHtml() : appExport(kind));
})(window.__explorerParts = window.__explorerParts || {});
