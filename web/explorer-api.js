// window.explorer: the page's JavaScript API over the wasm app (see README, "JavaScript API").
//   explorer.ready           Promise, resolved after the first frame drawn with the corpus loaded
//   explorer.state()         plain object: title, counts, view, selected, frames, ...
//   explorer.select(id)      select an entity by id (null clears); returns true if it exists
//   explorer.setView(name)   "overview" | "timeline" | "graph"
//   explorer.setAsOf(date)   move the "as of" cursor ("2014-07-28", "2014"; null turns it off)
//   explorer.entityScreenPos(id)  where an entity is drawn in the current view ({x, y} CSS px) or null
//   explorer.load(x)         load a corpus from a URL string or a corpus object; resolves {ok, errors}
(function () {
  'use strict';
  const FONT_URL = 'fonts/NotoSans-Regular.ttf';
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

  function loadText(text, name) {
    requireModule();
    const reply = withCString(text, (p, n) => withCString(name, (np) => mod.UTF8ToString(mod._ex_load(p, n, np))));
    return JSON.parse(reply);
  }

  async function fetchText(url) {
    const r = await fetch(url);
    if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
    return r.text();
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
    async load(source) {
      if (typeof source === 'string') {
        const name = source.split('/').pop() || source;
        return loadText(await fetchText(source), name);
      }
      return loadText(JSON.stringify(source), 'corpus object');
    },
  };
  window.explorer = api;

  // ?data=<relative URL> opens another corpus; only same-origin URLs are fetched.
  function corpusUrl(params) {
    const data = params.get('data');
    if (!data) return CORPUS_URL;
    const u = new URL(data, location.href);
    if (u.origin !== location.origin) throw new Error(`?data= must be a same-origin URL, not ${u.origin}`);
    return u.href;
  }

  async function boot(m) {
    mod = m;
    const params = new URLSearchParams(location.search);
    const url = corpusUrl(params);
    const [font, corpus] = await Promise.all([
      fetch(FONT_URL).then((r) => (r.ok ? r.arrayBuffer() : null)),
      fetchText(url),
    ]);
    if (font) {
      const bytes = new Uint8Array(font);
      const ptr = mod._malloc(bytes.length);
      mod.HEAPU8.set(bytes, ptr);
      mod._ex_set_font(ptr, bytes.length);
      mod._free(ptr);
    }
    const result = loadText(corpus, url.split('/').pop());
    if (!result.ok) throw new Error('The corpus did not load: ' + result.errors.map((e) => e.text).join('; '));
    // ?view=timeline|graph|overview and ?select=<id> set the starting point.
    if (params.get('view')) api.setView(params.get('view'));
    if (params.get('select')) api.select(params.get('select'));
  }

  createExplorerModule({
    canvas: document.getElementById('canvas'),
    onExplorerFrame(frames, corpusLoaded) {
      if (corpusLoaded && !readyDone) {
        readyDone = true;
        document.getElementById('loading').hidden = true;
        resolveReady(api);
      }
    },
  }).then(boot).catch((e) => {
    document.getElementById('loading').textContent = 'The explorer could not start: ' + e.message;
    rejectReady(e);
  });
})();
