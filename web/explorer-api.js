// window.explorer: the page's JavaScript API over the wasm app (README, "JavaScript API";
// docs/embedding.md lists every member).
//   explorer.ready           Promise, resolved after the first frame drawn with the corpus loaded
//   explorer.state()         plain object: title, counts, view, selected, frames, ...
//   explorer.select(id)      select an entity by id (null clears); returns true if it exists
//   explorer.setView(name)   "overview" | "timeline" | "graph"
//   explorer.setAsOf(date)   move the "as of" cursor ("2014-07-28", "2014"; null turns it off)
//   explorer.setTimelineGrouping(g)  the timeline's lanes: 'body' (organised by body) or 'kind'
//   explorer.entityScreenPos(id)  where an entity is drawn in the current view ({x, y} CSS px) or null
//   explorer.labels()        the labels drawn in the last frame: [{id, text, x, y, w, h, elided}] CSS px
//   explorer.layoutRects()   {canvas, plot, toolbar, details, legend, storyCard, viewTools, storyEditor}: {x, y, w, h} or null
//   explorer.load(x)         load a corpus (URL string or object), or add a story file's stories; {ok, errors}
//   explorer.on(type, fn) / off(type, fn)   events: select, view, asof, filters, story, load, change, ready
//   explorer.corpus() / entity(id)          the loaded corpus as an object (read-only), one entity
//   explorer.citationsReady()  a Promise: the bundled corpus's citations and sources are here ('present')
//   explorer.exportText(kind)   'json', 'entities-csv', 'relations-csv', 'corpus'; 'html': a Promise
//   explorer.importTable(text, {merge, review, name}) / importCsv(entities, relations, {merge, review})
//                            the user's own sheet; resolves {ok, errors, warnings, counts, review, adopted}
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

  // Filters {kinds, types, rels, themes, origins, from, to} as the link's filter fields ("kinds=person&range=...").
  function filtersQuery(f) {
    const list = (v) => (Array.isArray(v) ? v.join(',') : String(v));
    const q = new URLSearchParams();
    if (f.kinds && f.kinds.length) q.set('kinds', list(f.kinds));
    if (f.types && f.types.length) q.set('types', list(f.types));
    if (f.rels && f.rels.length) q.set('rels', list(f.rels));
    if (f.themes && f.themes.length) q.set('themes', list(f.themes));
    if (f.origins && f.origins.length) q.set('origin', list(f.origins));  // 'own' (your data), 'map'
    if (f.from || f.to) q.set('range', `${f.from || ''}~${f.to || ''}`);
    return q.toString();
  }

  // The loaded corpus's text, parsed only when first asked for (explorer.corpus(), explorer.entity()),
  // so a large corpus costs nothing more at start-up.
  let corpusText = null;
  let corpusCache = null;
  let corpusVersion = -1;  // the app's corpus version corpusText is the text of
  let firstPart = false;   // corpusText is the first part of the bundled corpus (explorer-citations.js)
  function parsedCorpus() {
    const version = wasm.started() ? wasm.call('corpus_version') : corpusVersion;
    if (version !== corpusVersion && corpusText != null) {
      // Adopted in the app since (an import added to the map): the app's corpus, as a corpus file.
      corpusText = wasm.text('export', 'corpus');
      corpusCache = null;
      corpusVersion = version;
      firstPart = false;
    }
    const second = firstPart && parts.citations ? parts.citations.attached() : null;
    if (corpusCache && second && !corpusCache.whole) corpusCache = null;  // the citations came since
    if (!corpusCache && corpusText != null) {
      let data = JSON.parse(typeof corpusText === 'string' ? corpusText : new TextDecoder().decode(corpusText));
      if (second) data = withCitations(data, second);
      corpusCache = { data, whole: !firstPart || !!second, byId: new Map((data.entities || []).map((e) => [e.id, e])) };
    }
    return corpusCache;
  }

  // The bundled corpus's two parts as one corpus, as the app holds it once the second came.
  function withCitations(data, part) {
    const cited = new Map((part.cited || []).map((c) => [c.id, c]));
    const { splitFrom, ...whole } = data;
    whole.sources = part.sources || [];
    for (const key of ['entities', 'relations', 'events', 'stories']) {
      for (const item of whole[key] || []) {
        const c = cited.get(item.id);
        if (!c) continue;
        if (c.citations) item.citations = c.citations;
        (c.figures || []).forEach((f, i) => { if (f.citations && item.figures && item.figures[i]) item.figures[i].citations = f.citations; });
        (c.steps || []).forEach((st, i) => { if (st.citations && item.steps && item.steps[i]) item.steps[i].citations = st.citations; });
      }
    }
    return whole;
  }

  // Loads a corpus given as text or as UTF-8 bytes; emits 'load', then the changes it made. part: the
  // first part of the bundled corpus, whose citations and sources follow (explorer-citations.js).
  function loadText(text, name, part = false) {
    const load = (p, n) => wasm.text(part ? 'load_view' : 'load', p, n, name);
    const result = JSON.parse(typeof text === 'string' ? wasm.withCString(text, load) : wasm.withBytes(text, load));
    if (result.ok) {
      corpusText = text; corpusCache = null; corpusVersion = wasm.call('corpus_version'); firstPart = part;
      resolveCorpus();
    }
    events.emit('load', { ok: result.ok, counts: api.state().counts, errors: result.errors });
    events.take();
    return result;
  }

  // A story file: one story ({id, title, steps}) or {stories: [...]}, without entities. Its stories are
  // added to the corpus shown (a refused file changes nothing); emits 'load' like a corpus.
  const isStoryFile = (o) => !!o && typeof o === 'object' && !Array.isArray(o) && !('entities' in o) &&
    ('steps' in o || 'stories' in o);
  function addStories(text, name) {
    const result = wasm.withCString(text, (p, n) => JSON.parse(wasm.text('add_stories', p, n, name)));
    events.emit('load', { ok: result.ok, counts: api.state().counts, errors: result.errors, stories: true });
    events.take();
    return result;
  }

  async function fetchBytes(url) {
    const r = await fetch(url);
    if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
    return new Uint8Array(await r.arrayBuffer());
  }

  // How an import is taken: {review: true} opens the review screen (the user's choice adopts it),
  // {merge: true} adds it to the map, neither shows it on its own.
  const importMode = (o) => (o.review ? 'review' : o.merge ? 'merge' : 'own');
  // The user's own sheet as text or UTF-8 bytes (a fetch's: never decoded in JS, so the importer sees
  // bytes that are not UTF-8 and says where).
  function importTableText(text, o) {
    const run = (p, n) => wasm.json('import_table', p, n, String(o.name || 'pasted table'), importMode(o));
    return typeof text === 'string' ? wasm.withCString(text, run) : wasm.withBytes(text, run);
  }
  function mergeCorpusText(text, name) {
    const run = (p, n) => wasm.json('merge_corpus', p, n, String(name));
    return typeof text === 'string' ? wasm.withCString(text, run) : wasm.withBytes(text, run);
  }
  // Adds a corpus (text or bytes) to the map shown and emits 'load' as a load does.
  function mergeText(text, name) {
    const result = mergeCorpusText(text, name);
    events.emit('load', { ok: result.ok, counts: api.state().counts, errors: result.errors });
    return result;
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
    // The timeline's lanes: 'body' puts each body's documents and programmes on rows under its own row,
    // 'kind' (the default) has lanes by kind; false for anything else.
    setTimelineGrouping: command((grouping) => wasm.flag('set_timeline_grouping', String(grouping))),
    // Where an entity is drawn in the current view, in CSS pixels of the canvas, or null.
    entityScreenPos: (id) => wasm.json('entity_screen', String(id)),
    // The labels the current view drew in the last frame: [{id, text, x, y, w, h, elided}] in CSS pixels
    // of the canvas (id: the entity's, or a timeline event's); [] in the overview.
    labels: () => wasm.json('labels'),
    // The rectangles of the last frame, {canvas, plot, toolbar, details, legend, storyCard, viewTools}, each
    // {x, y, w, h} in CSS pixels of the canvas or null when not shown.
    layoutRects: () => wasm.json('layout_rects'),
    // The app's own controls drawn in the last frame, by name: [{name, x, y, w, h}] in CSS pixels of the
    // canvas ('menu', its rows 'menu:export', 'menu:paste', ..., 'compare:go', 'review:add', 'record', ...;
    // docs/embedding.md lists them all), to click them as a reader would.
    controls: () => wasm.json('controls'),
    // Where the view draws and the story card sits, last frame, in CSS pixels of the canvas:
    // {plot: {x, y, w, h}, card: {x, y, w, h} or null, canvas: {w, h}} (read only).
    plotRect: () => wasm.json('plot_rect'),
    // Filters as {kinds, types, rels, themes: [names or ids], origins: ['own' | 'map'], from, to: "YYYY-MM-DD"};
    // null or {} clears.
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
    // The user's own sheet (CSV, TSV or cells pasted from a spreadsheet; docs/csv-import.md), read with
    // the map to find names on: {review: true} opens the review screen, {merge: true} adds it to the
    // map, neither shows it on its own; name is used in messages. Returns {ok, errors, warnings, counts,
    // review, merge?, adopted, reviewing}. A refused import changes nothing.
    importTable: command((text, options) => importTableText(text, options || {})),
    // A list of entities and one of relations, the same way with options {merge, review, entitiesName,
    // relationsName}. Given names instead of options (importCsv(e, r, 'entities.csv', 'relations.csv')),
    // the strict two-file form: replaces the corpus; {ok, errors} like load().
    importCsv: command((entities, relations, a, b) => {
      if (a && typeof a === 'object') {
        return wasm.json('import_sheets', String(entities || ''), String(a.entitiesName || 'entities.csv'),
          String(relations || ''), String(a.relationsName || 'relations.csv'), importMode(a));
      }
      return wasm.json('import_csv', String(entities), String(a || 'entities.csv'), String(relations),
        String(b || 'relations.csv'));
    }),
    // Pastes text where the app's text cursor is (the Paste from spreadsheet box, the search box), as
    // Ctrl+V does; web/data-io.js sends the browser's paste here.
    pasteText: command((text) => { wasm.call('paste_text', String(text)); }),
    // What the filters show now, with citations: 'json', 'entities-csv' or 'relations-csv' text; 'corpus'
    // the whole corpus loaded; 'html' a Promise of the one-file explorer (one-file-export.js adds it);
    // 'story' the story being edited (else the one followed) as a story file ('' when neither).
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
    // A corpus from a URL or an object; with {merge: true} added to the map shown (its items marked as
    // the user's own) instead of replacing it. A story file (see isStoryFile) adds its stories instead.
    load: command(async (source, options) => {
      const merge = !!(options && options.merge);
      const name = typeof source === 'string' ? source.split('/').pop() || source : 'corpus object';
      const text = typeof source === 'string' ? await fetchBytes(source) : JSON.stringify(source);
      if (typeof source !== 'string' && isStoryFile(source)) return addStories(text, 'story object');
      if (typeof source === 'string' && text.length < (1 << 20)) {  // a story file is small: only then looked into here
        const decoded = new TextDecoder().decode(text);
        let parsed = null;
        try { parsed = JSON.parse(decoded); } catch (e) { /* the loader says where */ }
        if (isStoryFile(parsed)) return addStories(decoded, name);
      }
      // Added to the map with the map's citations: those of the bundled corpus are waited for first.
      if (merge && parts.citations) await parts.citations.attach();
      return merge ? mergeText(text, name) : loadText(text, name);
    }),
    // The corpus shown (shared: do not modify it), or null before one loaded: the text last loaded, or
    // after an import the app's corpus written as a corpus file (its stories left out).
    corpus: () => { const c = parsedCorpus(); return c ? c.data : null; },
    // The bundled corpus's citations and sources follow its first view: a Promise of state().citations
    // once they are settled, 'present' or 'missing' (fetched at once if they were not on their way).
    citationsReady: () => (parts.citations ? parts.citations.attach() : Promise.resolve('present')),
    entity: (id) => { const c = parsedCorpus(); return (c && c.byId.get(id)) || null; },
    on: (type, fn) => { events.on(type, fn); return api; },
    off: (type, fn) => { events.off(type, fn); return api; },
  };
  window.explorer = api;
  ready.then(() => events.emit('ready', api.state()), () => {});

  parts.api = { api, loadText, mergeText, fetchBytes, importTableText, mergeCorpusText, corpusReady, resolveReady, rejectReady };
})(window.__explorerParts = window.__explorerParts || {});
