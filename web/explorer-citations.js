// The bundled corpus's second part (issue 23, a lighter first visit): the site ships the corpus in two
// parts (tools/split-corpus.mjs). The first view needs only the first (data/corpus-view.json, fetched by
// explorer-fetch.js); this one, data/corpus-citations.json (every citation and the sources, half the
// corpus's bytes), is fetched once that view is drawn, when the browser is idle, and handed to the app,
// which checks it and adds it (core/corpus_loader.h, attachCitations). Until then the details say
// "Sources loading…". What needs them sooner waits: the page's own callers through ready(); the app,
// when it needs them at once (an export, the outline, a comparison, a merge: App::ensureCitations),
// through bytesNow(): what was fetched, else a blocking request (a last resort, as for the deferred wasm).
// A corpus that came whole (the one-file build, ?data=, a file opened) awaits nothing: nothing is fetched.
(function (parts) {
  'use strict';
  const FILE = 'data/corpus-citations.json';
  const NAME = 'corpus-citations.json';
  let bytes = null;    // the second part, once fetched
  let pending = null;  // the Promise of fetching and attaching it, once asked for
  let fetching = null;  // the Promise of its bytes

  // Fetches the bytes, once (a failure is fetched again when next asked for).
  function prefetch() {
    if (bytes) return Promise.resolve(bytes);
    if (!fetching) {
      fetching = parts.api.fetchBytes(FILE).then((b) => { bytes = b; return b; }).finally(() => { fetching = null; });
    }
    return fetching;
  }

  // The app's word: 'present', 'pending' (a first part awaiting this) or 'missing' (could not be had).
  function state() {
    const { wasm } = parts;
    if (!wasm.started()) return 'present';
    return ['present', 'pending', 'missing'][wasm.call('citations_state')] || 'present';
  }

  // Fetches the second part and has the app attach it, once; resolves with the app's state when that is
  // settled (never rejects: a failure is the app's to show, and it says so).
  function attach() {
    if (state() !== 'pending') return Promise.resolve(state());
    if (!pending) {
      pending = (async () => {
        let why = null;
        try {
          await prefetch();
        } catch (e) {
          why = e.message;
        }
        // Attaching them is code of the deferred wasm module: waited for here, not fetched by a blocking request.
        if (parts.deferred) await parts.deferred.prepare();
        // Meanwhile the app may have taken them at once (bytesNow), or shown another corpus.
        if (state() === 'pending') {
          const { wasm, events } = parts;
          if (why) wasm.call('citations_missing', NAME, `It could not be fetched: ${why}.`);
          else wasm.withBytes(bytes, (p, n) => wasm.text('attach_citations', p, n, NAME));
          events.take();
        }
        pending = null;
        return state();
      })();
    }
    return pending;
  }

  // After the first view is drawn (explorer-boot.js): in idle time, if the corpus shown awaits them.
  function attachWhenIdle() {
    if (state() !== 'pending') return;
    const go = () => { attach(); };
    if (typeof requestIdleCallback === 'function') requestIdleCallback(go, { timeout: 1000 });
    else setTimeout(go, 100);
  }

  // The bytes, synchronously (Module.onExplorerCitationsNow): those fetched, or a blocking request; null
  // when they cannot be had.
  function bytesNow() {
    if (bytes) return bytes;
    try {
      bytes = parts.deferred.blockingBytes(FILE);  // (explorer-deferred.js)
      return bytes;
    } catch {
      return null;
    }
  }

  // The second part as an object, when the app holds it (explorer.corpus() adds it to the first); parsed once.
  let parsed = null;
  function attached() {
    if (!bytes || state() !== 'present') return null;
    if (!parsed) parsed = JSON.parse(new TextDecoder().decode(bytes));
    return parsed;
  }

  parts.citations = { FILE, state, prefetch, attach, attachWhenIdle, bytesNow, attached };
})(window.__explorerParts = window.__explorerParts || {});
