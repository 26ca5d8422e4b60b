// Marshalling between the page and the wasm app (src/platform/bridge.cpp): strings and bytes go into the
// wasm heap for one call and are freed after it; replies come back as text, JSON or numbers. The other
// scripts of the page reach the app only through this. Part of window.explorer (see explorer-api.js).
(function (parts) {
  'use strict';
  let mod = null;

  function module() {
    if (!mod) throw new Error('explorer: not started yet; await explorer.ready first');
    return mod;
  }

  // Runs fn(pointer, byteLength) with the text as a NUL-terminated UTF-8 string in the heap.
  function withCString(text, fn) {
    const m = module();
    const n = m.lengthBytesUTF8(text) + 1;
    const ptr = m._malloc(n);
    try {
      m.stringToUTF8(text, ptr, n);
      return fn(ptr, n - 1);
    } finally {
      m._free(ptr);
    }
  }

  // The same for bytes (what fetch gives: copied straight into the heap, never decoded to a JS string).
  function withBytes(bytes, fn) {
    const m = module();
    const ptr = m._malloc(bytes.length + 1);
    try {
      m.HEAPU8.set(bytes, ptr);
      m.HEAPU8[ptr + bytes.length] = 0;
      return fn(ptr, bytes.length);
    } finally {
      m._free(ptr);
    }
  }

  // Calls the bridge's ex_NAME: strings are passed as C strings (freed after the call), numbers as they are.
  function call(name, ...args) {
    const m = module();
    const fn = m['_ex_' + name];
    if (typeof fn !== 'function') throw new Error(`explorer: the app has no ex_${name}`);
    const allocated = [];
    try {
      const cargs = args.map((a) => {
        if (typeof a !== 'string') return a;
        const n = m.lengthBytesUTF8(a) + 1;
        const ptr = m._malloc(n);
        allocated.push(ptr);
        m.stringToUTF8(a, ptr, n);
        return ptr;
      });
      return fn(...cargs);
    } finally {
      for (const ptr of allocated) m._free(ptr);
    }
  }
  const text = (name, ...args) => module().UTF8ToString(call(name, ...args));
  const json = (name, ...args) => JSON.parse(text(name, ...args));
  const flag = (name, ...args) => call(name, ...args) === 1;

  parts.wasm = {
    attach(m) { mod = m; },
    started: () => mod !== null,
    module,
    withCString,
    withBytes,
    call,
    text,
    json,
    flag,
  };
})(window.__explorerParts = window.__explorerParts || {});
