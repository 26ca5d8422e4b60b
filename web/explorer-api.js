// window.explorer: the page's JavaScript API over the wasm app (see README, "JavaScript API").
//   explorer.ready           Promise, resolved after the first frame drawn with the corpus loaded
//   explorer.state()         plain object: title, counts, view, selected, frames, ...
//   explorer.select(id)      select an entity by id (null clears); returns true if it exists
//   explorer.setView(name)   "overview" | "timeline" | "graph"
//   explorer.setAsOf(date)   move the "as of" cursor ("2014-07-28", "2014"; null turns it off)
//   explorer.entityScreenPos(id)  where an entity is drawn in the current view ({x, y} CSS px) or null
//   explorer.load(x)         load a corpus from a URL string or a corpus object; resolves {ok, errors}
//   explorer.on(type, fn) / off(type, fn)   events: select, view, asof, filters, story, load, change, ready
//   explorer.corpus() / entity(id)          the loaded corpus as an object (read-only), one entity
// Embedded in an iframe, events go to the parent and commands come from it by postMessage
// (docs/embedding.md).
(function () {
  'use strict';
  const FONT_URL = 'fonts/explorer-ui.ttf';  // built by tools/ui-font.py
  const CORPUS_URL = 'data/corpus.json';

  let mod = null;
  let readyDone = false;
  let resolveReady, rejectReady;
  const ready = new Promise((resolve, reject) => { resolveReady = resolve; rejectReady = reject; });

  // Passes a JS string to a C function taking (const char*) and frees it afterwards.
  function withCString(text, fn) {
    const n = mod.lengthBytesUTF8(text) + 1;
    const ptr = mod._malloc(n);
    try {
      mod.stringToUTF8(text, ptr, n);
      return fn(ptr, n - 1);
    } finally {
      mod._free(ptr);
    }
  }

  function requireModule() {
    if (!mod) throw new Error('explorer: not started yet; await explorer.ready first');
  }

  // Loads a corpus given as text or as UTF-8 bytes (what fetch gives: copied straight into the wasm heap,
  // with no decoding to a JS string and encoding back).
  function loadText(text, name) {
    requireModule();
    const load = (p, n) => withCString(name, (np) => mod.UTF8ToString(mod._ex_load(p, n, np)));
    const result = JSON.parse(typeof text === 'string' ? withCString(text, load) : withBytes(text, load));
    afterLoad(text, result);  // keeps the text, emits 'load' (see "Events" below)
    return result;
  }

  function withBytes(bytes, fn) {
    const ptr = mod._malloc(bytes.length + 1);
    try {
      mod.HEAPU8.set(bytes, ptr);
      mod.HEAPU8[ptr + bytes.length] = 0;
      return fn(ptr, bytes.length);
    } finally {
      mod._free(ptr);
    }
  }

  // A corpus's UTF-8 bytes.
  async function fetchBytes(url) {
    const r = await fetch(url);
    if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
    return new Uint8Array(await r.arrayBuffer());
  }

  const api = {
    ready,
    state() {
      requireModule();
      return JSON.parse(mod.UTF8ToString(mod._ex_state()));
    },
    select(id) {
      requireModule();
      return withCString(id == null ? '' : String(id), (p) => mod._ex_select(p) === 1);
    },
    setView(name) {
      requireModule();
      return withCString(String(name), (p) => mod._ex_set_view(p) === 1);
    },
    // The "as of" cursor: an ISO/EDTF date ("2014-07-28", "2014") or null to turn it off.
    setAsOf(date) {
      requireModule();
      return withCString(date == null ? '' : String(date), (p) => mod._ex_set_as_of(p) === 1);
    },
    // Where an entity is drawn in the current view, in CSS pixels of the canvas, or null.
    entityScreenPos(id) {
      requireModule();
      return withCString(String(id), (p) => JSON.parse(mod.UTF8ToString(mod._ex_entity_screen(p))));
    },
    // Filters as {kinds, types, rels, themes: [names or ids], from, to: "YYYY-MM-DD"}; null or {} clears.
    // Returns the warnings about values that were not understood (those are ignored).
    setFilters(f) {
      requireModule();
      return withCString(filtersQuery(f || {}), (p) => JSON.parse(mod.UTF8ToString(mod._ex_set_filters(p))));
    },
    // Shortest connections from the selection to an entity (null clears); see paths().
    setPath(id) {
      requireModule();
      return withCString(id == null ? '' : String(id), (p) => mod._ex_set_path(p) === 1);
    },
    // The connections found: [{ids: [...], text: "A — partner in → B"}].
    paths() {
      requireModule();
      return JSON.parse(mod.UTF8ToString(mod._ex_paths()));
    },
    // Search as the app does: [{id, name, kind, tier}], best first.
    search(query, limit = 20) {
      requireModule();
      return withCString(String(query), (p) => JSON.parse(mod.UTF8ToString(mod._ex_search(p, limit))));
    },
    // Imports two spreadsheets saved as CSV (docs/csv-import.md); resolves {ok, errors} like load().
    // A bad import keeps the corpus shown and lists the errors in the app.
    importCsv(entities, relations, entitiesName = 'entities.csv', relationsName = 'relations.csv') {
      requireModule();
      return withCString(String(entities), (e) => withCString(String(entitiesName), (en) =>
        withCString(String(relations), (r) => withCString(String(relationsName), (rn) =>
          JSON.parse(mod.UTF8ToString(mod._ex_import_csv(e, en, r, rn)))))));
    },
    // What the filters show now, with citations: 'json', 'entities-csv' or 'relations-csv' text.
    exportText(kind) {
      requireModule();
      return withCString(String(kind), (p) => mod.UTF8ToString(mod._ex_export(p)));
    },
    // Memory: {heapBytes} the wasm heap's size, {usedBytes} what malloc holds now.
    memory() {
      requireModule();
      return { heapBytes: mod.HEAP8.length, usedBytes: mod._ex_heap_used() };
    },
    // Carries out a file action as the app's buttons do: 'export-png', 'export-json',
    // 'export-entities-csv', 'export-relations-csv' (downloads) or 'open' (the file picker).
    request(what) {
      requireModule();
      withCString(String(what), (p) => mod._ex_request(p));
    },
    // Follows a guided story (ids in state().story / corpus().stories) at a 0-based step; null leaves it.
    story(id, step = 0) {
      requireModule();
      return withCString(id == null ? '' : String(id), (p) => mod._ex_story(p, step) === 1);
    },
    // The relation links the details panel shows now: [{id, x, y}] (CSS pixels of the canvas).
    detailLinks() {
      requireModule();
      return JSON.parse(mod.UTF8ToString(mod._ex_detail_links()));
    },
    // The deep link of what is on screen ("#v=1&view=graph&sel=..."), and opening one.
    link() {
      requireModule();
      return mod.UTF8ToString(mod._ex_hash());
    },
    openLink(hash) {
      requireModule();
      return withCString(String(hash), (p) => JSON.parse(mod.UTF8ToString(mod._ex_apply_hash(p))));
    },
    async load(source) {
      if (typeof source === 'string') {
        const name = source.split('/').pop() || source;
        return loadText(await fetchBytes(source), name);
      }
      return loadText(JSON.stringify(source), 'corpus object');
    },
  };
  window.explorer = api;

  // ---- Events ------------------------------------------------------------------------------------
  // explorer.on(type, fn) / off(type, fn), and the same as window CustomEvents "explorer:TYPE".
  //   select {id, name} or null · view {view} · asof {date} · filters {kinds, ...} ·
  //   story {story, storyStep, storySteps} · load {ok, counts, errors} · change (the new state) ·
  //   ready (the state, once)
  // The app reports what changed (core/events.h): after each drawn frame the bridge hands over the events
  // of that frame (a click in the canvas, a key), and after each API call the page takes those of the
  // call, so they are reported however they happened, at once, and only when something changed.
  const EVENT_TYPES = ['select', 'view', 'asof', 'filters', 'story', 'load', 'change', 'ready'];
  const listeners = new Map(EVENT_TYPES.map((t) => [t, new Set()]));
  const eventSinks = [];  // further receivers of every event (the parent page of an iframe)

  function listenersOf(type, method) {
    const set = listeners.get(type);
    if (!set) throw new Error(`explorer.${method}: unknown event type '${type}'; expected one of ${EVENT_TYPES.join(', ')}`);
    return set;
  }
  api.on = (type, fn) => { listenersOf(type, 'on').add(fn); return api; };
  api.off = (type, fn) => { listenersOf(type, 'off').delete(fn); return api; };

  function emit(type, detail) {
    for (const fn of [...listeners.get(type)]) {
      try { fn(detail); } catch (e) { console.error(`explorer: a '${type}' listener failed:`, e); }
    }
    window.dispatchEvent(new CustomEvent('explorer:' + type, { detail }));
    for (const sink of eventSinks) sink(type, detail);
  }

  // The loaded corpus's text, parsed only when first needed (names in events, the text outline), so a
  // large corpus costs nothing more at start-up.
  let corpusText = null;
  let corpusCache = null;
  function parsedCorpus() {
    if (!corpusCache && corpusText != null) {
      const data = JSON.parse(typeof corpusText === 'string' ? corpusText : new TextDecoder().decode(corpusText));
      corpusCache = { data, byId: new Map((data.entities || []).map((e) => [e.id, e])) };
    }
    return corpusCache;
  }
  // The corpus object last loaded successfully (shared: do not modify it), or null before.
  api.corpus = () => { const c = parsedCorpus(); return c ? c.data : null; };
  api.entity = (id) => { const c = parsedCorpus(); return (c && c.byId.get(id)) || null; };

  // Resolved by the first corpus loaded: commands need it, not a drawn frame (which a hidden
  // cross-origin iframe may never draw).
  let resolveCorpus;
  const corpusReady = new Promise((resolve) => { resolveCorpus = resolve; });

  function afterLoad(text, result) {
    if (result.ok) { corpusText = text; corpusCache = null; resolveCorpus(); }
    emit('load', { ok: result.ok, counts: api.state().counts, errors: result.errors });
    takeEvents();
  }

  // Events the app reported, emitted in order; a listener's own API calls add theirs after them.
  const pending = [];
  let emitting = false;
  let onLinkChange = null;  // (history) => void: the deep-link writer (below)
  function dispatchEvents(json) {
    if (!json) return;
    const r = JSON.parse(json);
    pending.push(...r.events);
    if (r.link && onLinkChange) onLinkChange(r.history);
    if (emitting) return;
    emitting = true;
    try {
      while (pending.length) {
        const e = pending.shift();
        emit(e.type, e.detail);
      }
    } finally {
      emitting = false;
    }
  }
  function takeEvents() { if (mod) dispatchEvents(mod.UTF8ToString(mod._ex_take_events())); }

  // API calls report their changes at once, not only after the next frame.
  const QUERIES = new Set(['state', 'entityScreenPos', 'corpus', 'entity', 'on', 'off', 'paths', 'search', 'link', 'detailLinks', 'exportText', 'memory']);
  for (const [name, fn] of Object.entries(api)) {
    if (typeof fn !== 'function' || QUERIES.has(name)) continue;
    api[name] = function (...args) {
      const r = fn.apply(api, args);
      if (r && typeof r.then === 'function') return r.then((v) => { takeEvents(); return v; });
      takeEvents();
      return r;
    };
  }
  ready.then(() => emit('ready', api.state()), () => {});

  // ---- Waking the paused main loop ---------------------------------------------------------------
  // The app pauses its main loop when it has nothing to draw (zero work while idle). Input, a resize
  // of the canvas's box, or the page becoming visible wakes it; the app's own event handlers then run
  // on the resumed loop.
  function wakeApp() { if (mod) mod._ex_wake(); }
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
  ready.then(() => {
    const query = window.matchMedia ? window.matchMedia('(prefers-reduced-motion: reduce)') : null;
    if (!query) return;
    const apply = () => mod._ex_set_reduced_motion(query.matches ? 1 : 0);
    apply();
    query.addEventListener('change', apply);
  }, () => {});

  // ---- Deep links: the URL hash follows what is on screen (docs/deep-links.md) ---------------------
  // A new selection, view or story step adds a history entry (so back and forward step through them);
  // anything else replaces the current one, at most a few times a second, so panning never floods it.
  function filtersQuery(f) {
    const list = (v) => (Array.isArray(v) ? v.join(',') : String(v));
    const q = new URLSearchParams();
    if (f.kinds && f.kinds.length) q.set('kinds', list(f.kinds));
    if (f.types && f.types.length) q.set('types', list(f.types));
    if (f.rels && f.rels.length) q.set('rels', list(f.rels));
    if (f.themes && f.themes.length) q.set('themes', list(f.themes));
    if (f.from || f.to) q.set('range', `${f.from || ''}~${f.to || ''}`);
    return q.toString();
  }
  let linkShown = null;     // the hash last written or opened
  let linkTimer = 0;
  let newEntry = false;     // a change since the last write adds a history entry
  function writeLink() {
    linkTimer = 0;
    const push = newEntry;
    newEntry = false;
    const hash = api.link();
    if (hash === linkShown) return;
    const url = location.pathname + location.search + hash;
    try {
      if (push) history.pushState(null, '', url);
      else history.replaceState(null, '', url);
    } catch (e) { /* a sandboxed or file:// page may refuse: the link still works through link() */ }
    linkShown = hash;
  }
  function scheduleLink(history) {
    if (linkShown === null) return;
    newEntry = newEntry || history;
    if (!linkTimer) linkTimer = setTimeout(writeLink, 250);
  }
  // The page's query (?embed=1&theme=dark&view=graph...) sets the start; the hash, when there is
  // one, wins field by field.
  function openFromLocation() {
    const text = [location.search.slice(1), location.hash.slice(1)].filter((t) => t).join('&');
    if (!text) return;
    const warnings = api.openLink(text);
    for (const w of warnings) console.warn('explorer: link: ' + w);
  }
  ready.then(() => {
    linkShown = '';
    newEntry = false;
    writeLink();
    onLinkChange = scheduleLink;
    window.addEventListener('popstate', () => {
      openFromLocation();
      linkShown = api.link();
      newEntry = false;
    });
  }, () => {});
  // Search results and found connections, read out through the page's live region when it has one.
  function announce(text) {
    if (typeof api.announce === 'function') api.announce(text);
  }

  // ---- Embedding: events to the parent page, commands from it (postMessage) ------------------------
  // Commands are accepted only from the origins listed in ?origins= (comma-separated exact origins,
  // "*" for any) or by default this page's own origin; events and replies go only to such an origin.
  const ALLOWED_ORIGINS = (() => {
    const list = (new URLSearchParams(location.search).get('origins') || '')
      .split(',').map((o) => o.trim().replace(/\/$/, '')).filter(Boolean);
    return list.length ? list : [location.origin];
  })();
  const ANY_ORIGIN = ALLOWED_ORIGINS.includes('*');
  const originAllowed = (o) => ANY_ORIGIN || ALLOWED_ORIGINS.includes(o);
  // Methods a host may not call by message: listeners and object access make no sense across windows.
  const NOT_COMMANDS = new Set(['on', 'off', 'corpus', 'entity']);

  // The parent's origin if it is allowed: as the browser reports it (ancestorOrigins, else the
  // referrer), or the one allowed origin; null (no events) until an allowed command names it.
  let parentOrigin = null;
  if (window.parent !== window) {
    let actual = location.ancestorOrigins && location.ancestorOrigins.length ? location.ancestorOrigins[0] : null;
    if (!actual && document.referrer) actual = new URL(document.referrer).origin;
    if (ANY_ORIGIN) parentOrigin = '*';
    else if (actual) parentOrigin = originAllowed(actual) ? actual : null;
    else if (ALLOWED_ORIGINS.length === 1) parentOrigin = ALLOWED_ORIGINS[0];
    eventSinks.push((type, detail) => {
      if (!parentOrigin) return;
      try {
        window.parent.postMessage({ source: 'nhs-explorer', type, detail }, parentOrigin);
      } catch (e) {
        console.warn(`explorer: could not post the '${type}' event to the parent page:`, e);
      }
    });
  }

  function commandNames() {
    return Object.keys(api).filter((k) => typeof api[k] === 'function' && !NOT_COMMANDS.has(k));
  }

  // A host page hands over the corpus itself (an object or its JSON text), never a URL to fetch.
  function loadFromHost(corpus) {
    if (typeof corpus === 'string') {
      if (!/^\s*\{/.test(corpus)) throw new Error('load: expected a corpus object or its JSON text, found a string not starting with "{" (a URL is not accepted by message)');
      return loadText(corpus, 'corpus from the host page');
    }
    if (corpus && typeof corpus === 'object') return api.load(corpus);
    throw new Error(`load: expected a corpus object or its JSON text, found ${corpus === null ? 'null' : typeof corpus}`);
  }

  async function runCommand(method, args) {
    if (typeof method !== 'string' || NOT_COMMANDS.has(method) || typeof api[method] !== 'function') {
      throw new Error(`unknown method ${JSON.stringify(method)}; expected one of ${commandNames().join(', ')}`);
    }
    if (args !== undefined && !Array.isArray(args)) throw new Error(`${method}: args must be an array, found ${typeof args}`);
    await Promise.race([corpusReady, ready]);  // ready rejects if the explorer could not start
    if (method === 'load') return loadFromHost((args || [])[0]);
    return api[method](...(args || []));
  }

  window.addEventListener('message', async (ev) => {
    const m = ev.data;
    if (!m || typeof m !== 'object' || m.target !== 'nhs-explorer') return;
    if (!originAllowed(ev.origin)) {
      console.warn(`explorer: ignored a command from ${ev.origin}: allowed origins are ${ALLOWED_ORIGINS.join(', ')} (see ?origins=)`);
      return;
    }
    if (ev.source === window.parent && !parentOrigin) parentOrigin = ev.origin;
    let reply;
    try {
      reply = { ok: true, result: await runCommand(m.method, m.args) };
    } catch (e) {
      reply = { ok: false, error: e && e.message ? e.message : String(e) };
    }
    if (!ev.source) return;
    const target = ev.origin === 'null' ? '*' : ev.origin;  // a sandboxed host, allowed by "*" or "null"
    try {
      ev.source.postMessage({ source: 'nhs-explorer', replyTo: m.id, ...reply }, target);
    } catch (e) {  // a result that cannot be cloned
      ev.source.postMessage({ source: 'nhs-explorer', replyTo: m.id, ok: false, error: String(e.message || e) }, target);
    }
  });

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

  async function bundledCorpus() {
    const text = inlined('explorer-corpus');
    return text != null ? text : fetchBytes(CORPUS_URL);
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
      return { name: url.split('/').pop(), text: await fetchBytes(url) };
    } catch (e) {
      return { error: e };
    }
  }

  // The font and the corpus are fetched while the wasm downloads and compiles, not after: on a slow
  // network that is a round trip or more saved before the first frame.
  const bootData = new URLSearchParams(location.search).get('data');
  const earlyFetches = Promise.all([
    fontBytes(),
    bootData ? requestedCorpus(bootData) : bundledCorpus().then((text) => ({ name: 'corpus.json', text })),
  ]);
  earlyFetches.catch(() => {});  // handled in boot(); not an unhandled rejection meanwhile

  async function boot(m) {
    mod = m;
    const [font, start] = await earlyFetches;
    if (font) withBytes(font, (p, n) => mod._ex_set_font(p, n));
    let result = start.error ? null : loadText(start.text, start.name);
    if (bootData && !(result && result.ok)) {
      // A refused or bad ?data= corpus: say so visibly and show the bundled corpus instead.
      const why = start.error ? start.error.message
        : `${bootData} is not a valid corpus: ` + result.errors.slice(0, 3).map((e) => e.text).join('; ');
      notice(`${why}. Showing the bundled corpus instead.`);
      result = loadText(await bundledCorpus(), 'corpus.json');
    }
    if (!result.ok) throw new Error('The corpus did not load: ' + result.errors.map((e) => e.text).join('; '));
    // The link's whole view (?view=, ?select= and every deep-link field of the query, then the hash),
    // before any host command is taken (those wait for the corpus only).
    openFromLocation();
  }

  createExplorerModule({
    canvas: document.getElementById('canvas'),
    wasmBinary: inlinedBytes('explorer-wasm') || undefined,
    onExplorerAnnounce: announce,
    // A file action asked for in the app's own buttons (web/data-io.js carries it out).
    onExplorerRequest: (what) => { if (typeof api.onRequest === 'function') api.onRequest(what); },  // the one-file build: no fetch of explorer.wasm
    onExplorerFrame(frames, corpusLoaded, events) {
      if (corpusLoaded && !readyDone) {
        readyDone = true;
        document.getElementById('loading').hidden = true;
        resolveReady(api);
      }
      dispatchEvents(events);  // clicks and keys in the app change state too
    },
  }).then(boot).catch((e) => {
    document.getElementById('loading').textContent = 'The explorer could not start: ' + e.message;
    rejectReady(e);
  });
})();
