// The deferred wasm module (explorer.deferred.wasm): the code of importing, merging, exporting, comparing,
// searching, finding connections, the text outline,
// the story editor and the embed snippet, split off the app's wasm at build time (tools/deferred-code.txt,
// Emscripten's SPLIT_MODULE and binaryen's wasm-split) so that a first visit does not download it.
// It is fetched and compiled once the first view is drawn, when the browser is idle (or at once when the
// page's API asks for a cold feature); the app instantiates it the first time it calls into it. That call
// comes from inside the wasm and must be answered synchronously: from the compiled module, or, had it not
// arrived yet, from its bytes fetched by a synchronous request (a last resort that blocks the page until
// they are there). The one-file build carries the bytes in the page (id "explorer-wasm-deferred").
(function (parts) {
  'use strict';
  const FILE = 'explorer.deferred.wasm';
  let compiled = null;  // the WebAssembly.Module, once compiled
  let pending = null;   // the Promise of it, once asked for
  let instantiated = false;

  // The one-file build's copy (base64 in a data block), or null.
  function inlinedBytes() {
    const el = document.getElementById('explorer-wasm-deferred');
    if (!el) return null;
    const bin = atob(el.textContent.trim());
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return bytes;
  }

  // Fetches and compiles the module, once; resolves when it is ready to instantiate (never rejects: a
  // failure here leaves the synchronous path to report it, if the app ever needs the module).
  function prepare() {
    if (!pending) {
      pending = compiled ? Promise.resolve() : (async () => {
        const inline = inlinedBytes();
        let bytes = inline;
        if (!bytes) {
          const r = await fetch(FILE, { credentials: 'same-origin' });
          if (!r.ok) throw new Error(`${FILE}: HTTP ${r.status}`);
          bytes = new Uint8Array(await r.arrayBuffer());
        }
        if (!compiled) compiled = await WebAssembly.compile(bytes);
      })().catch(() => {});
    }
    return pending;
  }

  // Prepares it in idle time once the first view is up (the page calls this after its first frame).
  function prepareWhenIdle() {
    const go = () => { prepare(); };
    if (typeof requestIdleCallback === 'function') requestIdleCallback(go, { timeout: 2000 });
    else setTimeout(go, 200);
  }

  // A file's bytes by a blocking request, the last resort when code needs them at once (binary through a
  // text response: a synchronous request on the page's thread may not ask for an ArrayBuffer). Also the
  // corpus's citations' (explorer-citations.js).
  function blockingBytes(file) {
    const xhr = new XMLHttpRequest();
    xhr.open('GET', file, false);
    xhr.overrideMimeType('text/plain; charset=x-user-defined');
    xhr.send(null);
    if (xhr.status !== 200) throw new Error(`${file}: HTTP ${xhr.status}`);
    const text = xhr.responseText;
    const bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i) & 0xff;
    return bytes;
  }

  // The bytes, synchronously: the one-file copy, or a blocking request.
  function bytesNow() {
    return inlinedBytes() || blockingBytes(FILE);
  }

  // Module.loadSplitModule (Emscripten's SPLIT_MODULE): called by the app's first call into the deferred
  // code, with the imports it needs (the app's own exports); the module's instance fills the app's table.
  function loadSplitModule(_file, imports) {
    if (!compiled) compiled = new WebAssembly.Module(bytesNow());
    const instance = new WebAssembly.Instance(compiled, imports);
    instantiated = true;
    return [instance, compiled];
  }

  parts.deferred = {
    FILE,
    prepare,
    prepareWhenIdle,
    loadSplitModule,
    blockingBytes,
    loaded: () => instantiated,  // explorer.deferredLoaded() (tests, and whoever wants to know)
  };
})(window.__explorerParts = window.__explorerParts || {});
