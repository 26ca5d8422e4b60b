// Start-up: the font and the corpus (fetched, or inlined in the one-file build), the wasm app, the first
// view from the page's link; and what keeps the app awake (input, resizes, visibility) and in step with
// the page (prefers-reduced-motion). The last of the page's scripts: the others have registered by now.
(function (parts) {
  'use strict';
  // The start-up profile (bench/first_draw_profile.mjs): performance marks and measures "ex:…" here, and
  // the app's own from C++ (the corpus load's steps, each early frame's phases; platform/bridge.h).
  const mark = (name) => performance.mark('ex:' + name);
  const measure = (name, fn) => {
    const t = performance.now();
    try { return fn(); } finally { performance.measure('ex:' + name, { start: t, end: performance.now() }); }
  };
  mark('boot script');
  delete window.__explorerParts;  // the scripts' shared parts are theirs alone from here on
  const { wasm, events, deferred } = parts;
  const { api, loadText, fetchBytes, importTableText, mergeCorpusText, resolveReady, rejectReady } = parts.api;
  const FONT_URL = 'fonts/explorer-ui.ttf';  // built by tools/ui-font.py
  // The bundled corpus's first part: all the first view needs. Its citations and sources follow once
  // that view is drawn (explorer-citations.js); data/corpus.json is the whole corpus, for ?data= and downloads.
  const CORPUS_URL = 'data/corpus-view.json';
  let readyDone = false;

  // ?data=<URL> opens another corpus: only an http(s) URL of this page's own origin is fetched.
  // The site's owner may allow other origins in index.html:
  //   <meta name="explorer-data-origins" content="https://data.example.org https://other.example">
  // (a meta tag, not a URL parameter, so a shared link cannot widen it).
  function allowedDataOrigins() {
    const meta = document.querySelector('meta[name="explorer-data-origins"]');
    return new Set([location.origin, ...(meta ? meta.content.split(/\s+/).filter((o) => o) : [])]);
  }
  function corpusUrl(data) {
    const u = new URL(data, location.href);
    if (!/^https?:$/.test(u.protocol) || !allowedDataOrigins().has(u.origin)) {
      throw new Error(`?data= must be a URL on this site (${location.origin}) or an origin the site allows, not ${u.protocol === 'file:' ? u.href : u.origin}`);
    }
    return u.href;
  }

  // The one-file build (tools/inline-site.mjs) carries the wasm, font and corpus in the page itself,
  // in <script type="application/..." id="explorer-…"> blocks: then nothing is fetched.
  function inlined(id) {
    const el = document.getElementById(id);
    return el ? el.textContent : null;
  }
  function inlinedBytes(id) {
    const b64 = inlined(id);
    if (b64 == null) return null;
    const bin = atob(b64.trim());
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return bytes;
  }

  // A message over the canvas, as text (never HTML): what was refused and what is shown instead.
  function notice(text) {
    const el = document.getElementById('notice');
    if (!el) return;
    el.textContent = text;
    el.hidden = false;
  }

  // The corpus fetch explorer-fetch.js began from the page's head, taken once if it is for this URL.
  let early = window.__explorerEarly || null;
  window.__explorerEarly = null;  // (if that script runs after this one, it fetches nothing)
  const earlyWasm = early && early.wasm;  // the app compiled as it streamed in (explorer-fetch.js)
  function fetchCorpus(url) {
    const e = early;
    early = null;
    return e && e.url === url ? e.corpus : fetchBytes(url);
  }

  // {name, text, part}: part when it is the first part of two (the one-file build carries it whole).
  async function bundledCorpus() {
    const text = inlined('explorer-corpus');
    if (text != null) return { name: 'corpus.json', text, part: false };
    return { name: 'corpus-view.json', text: await fetchCorpus(CORPUS_URL), part: true };
  }

  async function fontBytes() {
    const bytes = inlinedBytes('explorer-font');
    if (bytes) return bytes;
    const r = await fetch(FONT_URL);
    return r.ok ? new Uint8Array(await r.arrayBuffer()) : null;
  }

  // The ?data= corpus's text, or the Error saying why it was refused or could not be fetched.
  async function requestedCorpus(data) {
    try {
      const url = corpusUrl(data);
      return { name: url.split('/').pop(), text: await fetchCorpus(url) };
    } catch (e) {
      return { error: e };
    }
  }

  // The font and the corpus are fetched while the wasm downloads and compiles, not after: on a slow
  // network that is a round trip or more saved before the first frame.
  // ?data=<URL>&merge=1 adds what is there (a corpus file, or a sheet: CSV, TSV) to the bundled corpus
  // instead of replacing it; its items are marked as the user's own.
  const query = new URLSearchParams(location.search);
  const bootData = query.get('data');
  const bootMerge = !!bootData && /^(1|true|yes)$/i.test(query.get('merge') || '');
  const earlyFetches = Promise.all([
    fontBytes(),
    bootData && !bootMerge ? requestedCorpus(bootData) : bundledCorpus(),
    bootMerge ? requestedCorpus(bootData) : null,
  ]);

  // A corpus file (by its name, or a text that opens with '{') or a sheet, added to the map.
  function mergeExtra(extra) {
    const bytes = extra.text;
    let i = 0;
    while (i < bytes.length && (bytes[i] === 0xEF || bytes[i] === 0xBB || bytes[i] === 0xBF || bytes[i] <= 0x20)) i++;
    const json = /\.json$/i.test(extra.name) || bytes[i] === 0x7B;
    return json ? mergeCorpusText(bytes, extra.name) : importTableText(bytes, { merge: true, name: extra.name });
  }
  earlyFetches.catch(() => {});  // handled in boot(); not an unhandled rejection meanwhile

  async function boot(m) {
    mark('module ready');
    wasm.attach(m);
    const [font, start, extra] = await earlyFetches;
    mark('fetches awaited');
    if (font) measure('set font', () => wasm.withBytes(font, (p, n) => wasm.call('set_font', p, n)));
    // A shared story (tour=) cites its items' citations, and a merge (?data=&merge=1) keeps the map's: the
    // app takes them as it opens the link or merges. They and the code that attaches them are fetched
    // first, before the corpus is shown (its first frame would rewrite the link), not by blocking requests.
    if (start.part && (bootMerge || /[?#&]tour=/.test(location.search + location.hash))) {
      await Promise.all([parts.citations.prefetch().catch(() => {}), deferred.prepare()]);
    }
    let result = start.error ? null : measure('load corpus', () => loadText(start.text, start.name, !!start.part));
    if (extra && result && result.ok) {
      // Refused or bad: said visibly; the bundled corpus stays, as it is.
      const merged = extra.error ? null : mergeExtra(extra);
      if (!merged || !merged.ok) {
        const why = extra.error ? extra.error.message
          : `${bootData} could not be added: ` + merged.errors.slice(0, 3).map((e) => e.text).join('; ');
        notice(`${why}. Showing the bundled corpus.`);
      }
    }
    if (bootData && !(result && result.ok)) {
      // A refused or bad ?data= corpus: say so visibly and show the bundled corpus instead.
      const why = start.error ? start.error.message
        : `${bootData} is not a valid corpus: ` + result.errors.slice(0, 3).map((e) => e.text).join('; ');
      notice(`${why}. Showing the bundled corpus instead.`);
      const bundled = await bundledCorpus();
      result = loadText(bundled.text, bundled.name, bundled.part);
    }
    if (!result.ok) throw new Error('The corpus did not load: ' + result.errors.map((e) => e.text).join('; '));
    // The link's whole view (?view=, ?select= and every deep-link field of the query, then the hash),
    // before any host command is taken (those wait for the corpus only).
    measure('open link', () => parts.history.openFromLocation());
  }

  // ---- Waking the paused main loop ---------------------------------------------------------------
  // The app pauses its main loop when it has nothing to draw (zero work while idle). Input, a resize
  // of the canvas's box, or the page becoming visible wakes it; the app's own event handlers then run
  // on the resumed loop.
  function wakeApp() { if (wasm.started()) wasm.call('wake'); }
  for (const type of ['pointerdown', 'pointermove', 'pointerup', 'wheel', 'keydown', 'keyup', 'touchstart',
    'touchmove', 'touchend', 'touchcancel', 'mousedown', 'mouseup', 'mousemove', 'focus', 'blur']) {
    window.addEventListener(type, wakeApp, { capture: true, passive: true });
  }
  document.addEventListener('visibilitychange', wakeApp);
  window.addEventListener('resize', wakeApp);
  if (typeof ResizeObserver === 'function') {
    new ResizeObserver(wakeApp).observe(document.getElementById('canvas'));
  }

  // ---- prefers-reduced-motion: layouts jump to their end instead of moving on screen ---------------
  api.ready.then(() => {
    const query = window.matchMedia ? window.matchMedia('(prefers-reduced-motion: reduce)') : null;
    if (!query) return;
    const apply = () => { wasm.call('set_reduced_motion', query.matches ? 1 : 0); events.take(); };
    apply();
    query.addEventListener('change', apply);
  }, () => {});

  // The module explorer-fetch.js compiled, instantiated with the glue's imports (Emscripten's
  // Module.instantiateWasm hook); without it the glue fetches and compiles explorer.wasm itself.
  function instantiateEarly(imports, receive) {
    earlyWasm.then((compiled) => WebAssembly.instantiate(compiled, imports).then((instance) => receive(instance, compiled)))
      .catch((e) => {
        document.getElementById('loading').textContent = 'The explorer could not start: ' + e.message;
        rejectReady(e);
      });
    return {};  // the exports arrive through receive()
  }

  createExplorerModule({
    canvas: document.getElementById('canvas'),
    instantiateWasm: earlyWasm ? instantiateEarly : undefined,
    wasmBinary: inlinedBytes('explorer-wasm') || undefined,  // the one-file build: no fetch of explorer.wasm
    loadSplitModule: deferred.loadSplitModule,  // the app's first call into its deferred code
    // The corpus's citations, when the app needs them before they came (explorer-citations.js).
    onExplorerCitationsNow: () => parts.citations.bytesNow(),
    // Search results and found connections, read out through the page's live region (a11y-mirror.js).
    onExplorerAnnounce: (text) => { if (typeof api.announce === 'function') api.announce(text); },
    // A file action asked for in the app's own buttons (data-io.js carries it out).
    onExplorerRequest: (what) => { if (typeof api.onRequest === 'function') api.onRequest(what); },
    onExplorerFrame(frames, corpusLoaded, frameEvents) {
      if (corpusLoaded && !readyDone) {
        readyDone = true;
        mark('ready');
        document.getElementById('loading').hidden = true;
        resolveReady(api);
        parts.citations.attachWhenIdle();  // the corpus's citations and sources (explorer-citations.js)
        deferred.prepareWhenIdle();  // the cold code's module, after the first view (explorer-deferred.js)
      }
      events.dispatch(frameEvents);  // clicks and keys in the app change state too
    },
  }).then(boot).catch((e) => {
    document.getElementById('loading').textContent = 'The explorer could not start: ' + e.message;
    rejectReady(e);
  });
})(window.__explorerParts);
