// window.explorer: the page's JavaScript API over the wasm app (README, "JavaScript API";
// docs/embedding.md lists every member).
//   explorer.ready           Promise, resolved after the first frame drawn with the corpus loaded
//   explorer.state()         plain object: title, counts, view, selected, frames, ...
//   explorer.select(id)      select an entity by id (null clears); returns true if it exists
//   explorer.setView(name)   "overview" | "timeline" | "graph"
//   explorer.setAsOf(date)   move the "as of" cursor ("2014-07-28", "2014"; null turns it off)
//   explorer.entityScreenPos(id)  where an entity is drawn in the current view ({x, y} CSS px) or null
//   explorer.labels()        the labels drawn in the last frame: [{id, text, x, y, w, h, elided}] CSS px
//   explorer.layoutRects()   {canvas, plot, toolbar, details, legend, storyCard}: {x, y, w, h} or null
//   explorer.load(x)         load a corpus from a URL string or a corpus object; resolves {ok, errors}
//   explorer.on(type, fn) / off(type, fn)   events: select, view, asof, filters, story, load, change, ready
//   explorer.corpus() / entity(id)          the loaded corpus as an object (read-only), one entity
//   explorer.exportText(kind)   'json', 'entities-csv', 'relations-csv', 'corpus'; 'html': a Promise
// The page's scripts, one concern each: explorer-wasm.js (marshalling), explorer-events.js (events),
// this file (the API), explorer-history.js (deep links and history), explorer-embed.js (postMessage),
// a11y-mirror.js (screen readers), data-io.js (files), one-file.js and one-file-export.js (the one-file
// explorer), embed-dialog.js (Embed on your site), explorer-boot.js (start-up).
(function (parts) {
  'use strict';
  const { wasm, events } = parts;

  let resolveReady, rejectReady;
  const ready = new Promise((resolve, reject) => { resolveReady = resolve; rejectReady = reject; });
  // Resolved by the first corpus loaded: commands need it, not a drawn frame (which a hidden cross-origin
  // iframe may never draw).
  let resolveCorpus;
  const corpusReady = new Promise((resolve) => { resolveCorpus = resolve; });

  const idOrEmpty = (id) => (id == null ? '' : String(id));

  // Filters {kinds, types, rels, themes, from, to} as the link's filter fields ("kinds=person&range=...").
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

  // The loaded corpus's text, parsed only when first asked for (explorer.corpus(), explorer.entity()),
  // so a large corpus costs nothing more at start-up.
  let corpusText = null;
  let corpusCache = null;
  function parsedCorpus() {
    if (!corpusCache && corpusText != null) {
      const data = JSON.parse(typeof corpusText === 'string' ? corpusText : new TextDecoder().decode(corpusText));
      corpusCache = { data, byId: new Map((data.entities || []).map((e) => [e.id, e])) };
    }
    return corpusCache;
  }

  // Loads a corpus given as text or as UTF-8 bytes; emits 'load', then the changes it made.
  function loadText(text, name) {
    const load = (p, n) => wasm.text('load', p, n, name);
    const result = JSON.parse(typeof text === 'string' ? wasm.withCString(text, load) : wasm.withBytes(text, load));
    if (result.ok) { corpusText = text; corpusCache = null; resolveCorpus(); }
    events.emit('load', { ok: result.ok, counts: api.state().counts, errors: result.errors });
    events.take();
    return result;
  }

  async function fetchBytes(url) {
    const r = await fetch(url);
    if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
    return new Uint8Array(await r.arrayBuffer());
  }

  // Commands change the state: the events of what they changed are emitted before they return.
  function command(fn) {
    return function (...args) {
      const r = fn(...args);
      if (r && typeof r.then === 'function') return r.then((v) => { events.take(); return v; });
      events.take();
      return r;
    };
  }

  const api = {
    ready,
    state: () => wasm.json('state'),
    select: command((id) => wasm.flag('select', idOrEmpty(id))),
    setView: command((name) => wasm.flag('set_view', String(name))),
    // The "as of" cursor: an ISO/EDTF date ("2014-07-28", "2014") or null to turn it off.
    setAsOf: command((date) => wasm.flag('set_as_of', idOrEmpty(date))),
    // Where an entity is drawn in the current view, in CSS pixels of the canvas, or null.
    entityScreenPos: (id) => wasm.json('entity_screen', String(id)),
    // The labels the current view drew in the last frame: [{id, text, x, y, w, h, elided}] in CSS pixels
    // of the canvas (id: the entity's, or a timeline event's); [] in the overview.
    labels: () => wasm.json('labels'),
    // The rectangles of the last frame, {canvas, plot, toolbar, details, legend, storyCard}, each
    // {x, y, w, h} in CSS pixels of the canvas or null when not shown.
    layoutRects: () => wasm.json('layout_rects'),
    // Where the view draws and the story card sits, last frame, in CSS pixels of the canvas:
    // {plot: {x, y, w, h}, card: {x, y, w, h} or null, canvas: {w, h}} (read only).
    plotRect: () => wasm.json('plot_rect'),
    // Filters as {kinds, types, rels, themes: [names or ids], from, to: "YYYY-MM-DD"}; null or {} clears.
    // Returns the warnings about values that were not understood (those are ignored).
    setFilters: command((f) => wasm.json('set_filters', filtersQuery(f || {}))),
    // Shortest connections from the selection to an entity (null clears); see paths().
    setPath: command((id) => wasm.flag('set_path', idOrEmpty(id))),
    // The connections found: [{ids: [...], text: "A — partner in → B"}].
    paths: () => wasm.json('paths'),
    // What changed between two dates (each a day, month or year, in any order): {first, second,
    // changes: [{change: 'ended'|'began'|'renamed', id, name, date, to, toName, relation, text}],
    // relationsEnded, relationsBegan: [relation ids]}; {error} for a date it does not understand.
    compare: (a, b) => wasm.json('compare', String(a), String(b)),
    // Search as the app does: [{id, name, kind, tier}], best first.
    search: (query, limit = 20) => wasm.json('search', String(query), limit),
    // Opens the search box as '/' does, with a text when given (selected, so typing replaces it).
    openSearch: command((text = '') => { wasm.call('search_open', String(text == null ? '' : text)); }),
    // The page's own text field over the search box on touch screens (web/a11y-mirror.js): its text
    // and its keys ('Enter', 'ArrowUp', 'ArrowDown', 'Escape').
    searchInput: command((text) => { wasm.call('search_text', String(text)); }),
    searchKey: command((key) => { wasm.call('search_key', String(key)); }),
    // Two spreadsheets saved as CSV (docs/csv-import.md); {ok, errors} like load(). A bad import keeps
    // the corpus shown and lists the errors in the app.
    importCsv: command((entities, relations, entitiesName = 'entities.csv', relationsName = 'relations.csv') =>
      wasm.json('import_csv', String(entities), String(entitiesName), String(relations), String(relationsName))),
    // The ☰ button and the rows of its open menu that say where they are: {button, items: [{label, x, y, w, h}]}.
    menuRects: () => wasm.json('menu_rects'),
    // What the filters show now, with citations: 'json', 'entities-csv' or 'relations-csv' text; 'corpus'
    // the whole corpus loaded; 'html' a Promise of the one-file explorer (one-file-export.js adds it).
    exportText: (kind) => wasm.text('export', String(kind)),
    // Memory: {heapBytes} the wasm heap's size, {usedBytes} what malloc holds now.
    memory: () => ({ heapBytes: wasm.module().HEAP8.length, usedBytes: wasm.call('heap_used') }),
    // Carries out a file action as the app's buttons do: 'export-png', 'export-json',
    // 'export-entities-csv', 'export-relations-csv' (downloads) or 'open' (the file picker).
    request: command((what) => { wasm.call('request', String(what)); }),
    // Follows a guided story (ids in state().story / corpus().stories) at a 0-based step; null leaves it.
    story: command((id, step = 0) => wasm.flag('story', idOrEmpty(id), step)),
    // The relation links the details panel shows now: [{id, x, y}] (CSS pixels of the canvas).
    detailLinks: () => wasm.json('detail_links'),
    // The deep link of what is on screen ("#v=1&view=graph&sel=..."), and opening one (returns warnings).
    link: () => wasm.text('hash'),
    openLink: command((hash) => wasm.json('apply_hash', String(hash))),
    load: command(async (source) => {
      if (typeof source === 'string') {
        const name = source.split('/').pop() || source;
        return loadText(await fetchBytes(source), name);
      }
      return loadText(JSON.stringify(source), 'corpus object');
    }),
    // The corpus object last loaded successfully (shared: do not modify it), or null before.
    corpus: () => { const c = parsedCorpus(); return c ? c.data : null; },
    entity: (id) => { const c = parsedCorpus(); return (c && c.byId.get(id)) || null; },
    on: (type, fn) => { events.on(type, fn); return api; },
    off: (type, fn) => { events.off(type, fn); return api; },
  };
  window.explorer = api;
  ready.then(() => events.emit('ready', api.state()), () => {});

  parts.api = { api, loadText, fetchBytes, corpusReady, resolveReady, rejectReady };
})(window.__explorerParts = window.__explorerParts || {});
