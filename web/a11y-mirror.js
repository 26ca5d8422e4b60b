// The screen-reader mirror of the canvas: a skip link, an aria-live region that announces selections
// (and, through explorer.announce(text), anything else such as search results), and a text outline of
// the corpus: entities grouped by kind under headings, each with its dates, description, relations
// and citations, and a button that selects it in the explorer.
// What it reads comes from the app (src/core/outline.h, through the bridge): kind names, relation
// readings and dates in the app's own words and formats, chunk by chunk; the page keeps no tables of its
// own and never parses the corpus. Corpus text reaches the DOM only through textContent and
// createElement, never as HTML. The outline is built when it is first needed (focus, the skip link, or
// idle time after start-up for a small corpus), in chunks, so a corpus of 100k entities costs nothing at
// start-up. On touch screens it also lays a real text field over the search box, so the phone's keyboard
// opens.
(function (parts) {
  'use strict';
  const explorer = window.explorer;
  const { wasm } = parts;
  const live = document.getElementById('status');
  const outline = document.getElementById('outline');
  const body = document.getElementById('outline-body');
  const skip = document.getElementById('skip-to-outline');
  const back = document.getElementById('outline-back');

  const AUTO_BUILD_LIMIT = 5000;  // entities: a larger corpus is outlined only when asked for
  const CHUNK = 500;              // entities per slice of work between yields to the page
  // ---- Announcements ------------------------------------------------------------------------------
  let repeatTimer = 0;
  // Says text through the polite live region; the same text twice is announced twice.
  function announce(text) {
    clearTimeout(repeatTimer);
    const t = String(text == null ? '' : text);
    if (live.textContent !== t) { live.textContent = t; return; }
    live.textContent = '';
    repeatTimer = setTimeout(() => { live.textContent = t; }, 100);
  }
  explorer.announce = announce;

  // ---- Selection ----------------------------------------------------------------------------------
  const itemId = (id) => 'outline-item-' + id;
  let currentButton = null;
  explorer.on('select', (sel) => {
    if (currentButton) currentButton.removeAttribute('aria-current');
    currentButton = null;
    if (!sel) { announce('Selection cleared.'); return; }
    announce(`Selected: ${wasm.text('describe', sel.id) || sel.name}.`);
    const item = document.getElementById(itemId(sel.id));
    if (item) {
      currentButton = item.querySelector('button');
      currentButton.setAttribute('aria-current', 'true');
    }
  });

  // ---- The outline --------------------------------------------------------------------------------
  function el(tag, text, cls) {
    const n = document.createElement(tag);
    if (text != null) n.textContent = text;
    if (cls) n.className = cls;
    return n;
  }
  function webLink(url) {
    try {
      const u = new URL(url);
      return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
    } catch {
      return null;
    }
  }

  // Closed, the outline keeps its buttons and links out of the tab order, so Tab past the explorer
  // goes on to the page (an embed's host) instead of through the whole corpus; the skip link opens it,
  // and open, they are all in. Screen readers' browse mode reaches them either way.
  let stops = -1;  // the tabIndex the outline's controls have now: 0 open, -1 closed
  function tabStop(x) { x.tabIndex = stops; return x; }
  function setTabStops(open) {
    stops = open ? 0 : -1;
    for (const x of [back, ...body.querySelectorAll('button, a')]) tabStop(x);
  }
  setTabStops(false);

  // A citation as the app gives it: {quote, title, url, rest, note}.
  function citationItem(c) {
    const li = el('li');
    if (c.quote) { li.append(el('q', c.quote), ' — '); }
    const href = c.url && webLink(c.url);
    if (href) {
      const a = tabStop(el('a', c.title));
      a.href = href;
      a.rel = 'noopener noreferrer';
      a.target = '_blank';
      li.append(a);
    } else {
      li.append(el('cite', c.title));
    }
    if (c.rest) li.append(`, ${c.rest}`);
    if (c.note) li.append(el('span', ` (${c.note})`));
    return li;
  }

  // An entity as the app gives it (outlineItemsJson): {id, name, line, description, dateNote, relations,
  // citations}.
  function entityItem(e) {
    const li = el('li', null, 'outline-entity');
    li.id = itemId(e.id);
    const h = el('h4');
    const button = tabStop(el('button', e.name));
    button.type = 'button';
    button.addEventListener('click', () => explorer.select(e.id));
    h.append(button);
    li.append(h);
    if (e.line) li.append(el('p', e.line));
    if (e.description) li.append(el('p', e.description));
    if (e.dateNote) li.append(el('p', `Date: ${e.dateNote}`));
    if (e.relations.length) {
      li.append(el('h5', `Relations (${e.relations.length})`));
      const ul = el('ul');
      for (const r of e.relations) ul.append(el('li', r));
      li.append(ul);
    }
    if (e.citations.length) {
      li.append(el('h5', `Citations (${e.citations.length})`));
      const ul = el('ul');
      for (const c of e.citations) ul.append(citationItem(c));
      li.append(ul);
    }
    return li;
  }

  let generation = 0;     // bumped by each load: a build in progress for an older corpus stops
  let built = null;       // Promise of the current corpus's outline, once started
  const nextSlice = () => new Promise((r) => setTimeout(r, 0));

  async function build(gen) {
    if (!wasm.started() || !explorer.state().corpusLoaded) return;
    outline.setAttribute('aria-busy', 'true');
    // The outline's code is in the deferred wasm module: waited for here, not fetched by a blocking request.
    if (parts.deferred) await parts.deferred.prepare();
    // It quotes the citations: those of the bundled corpus follow its first view (explorer-citations.js).
    if (parts.citations) await parts.citations.attach();
    const corpus = wasm.json('outline_kinds');
    body.replaceChildren(el('p', `${corpus.title || 'Corpus'}: ${corpus.entities} entities, ${corpus.relations} relations.`));
    let done = 0;
    for (const { kind, label, count } of corpus.kinds) {
      const section = el('section');
      const h = el('h3', `${label} (${count})`);
      h.id = 'outline-kind-' + kind;
      section.setAttribute('aria-labelledby', h.id);
      const ul = el('ul', null, 'outline-list');
      section.append(h, ul);
      // Filled while detached and attached once: appending slice by slice to the document would lay
      // out the growing outline again after every slice (minutes at 100k entities).
      for (let i = 0; i < count; i += CHUNK) {
        const frag = document.createDocumentFragment();
        for (const e of wasm.json('outline_items', kind, i, CHUNK)) frag.append(entityItem(e));
        ul.append(frag);
        done += Math.min(CHUNK, count - i);
        if (done < corpus.entities) await nextSlice();
        if (gen !== generation) return;
      }
      body.append(section);
    }
    outline.removeAttribute('aria-busy');
    const sel = explorer.state().selected;
    if (sel && document.getElementById(itemId(sel))) {
      currentButton = document.getElementById(itemId(sel)).querySelector('button');
      currentButton.setAttribute('aria-current', 'true');
    }
  }

  // Builds the outline of the loaded corpus once; resolves when it is complete.
  function ensureOutline() {
    if (!built) built = build(generation);
    return built;
  }
  explorer.outlineReady = ensureOutline;

  explorer.on('load', (r) => {
    if (!r.ok) {
      const first = r.errors && r.errors[0] ? ` First: ${r.errors[0].text || r.errors[0].message}` : '';
      announce(`The corpus was not loaded: ${r.errors.length} problem${r.errors.length === 1 ? '' : 's'}.${first}`);
      return;
    }
    generation++;
    built = null;
    currentButton = null;
    outline.removeAttribute('aria-busy');
    body.replaceChildren(el('p', 'The outline is built when you move into it.'));
    const total = Object.values(r.counts || {}).reduce((a, b) => a + b, 0);
    // A small corpus is outlined in idle time, so a screen reader's browse mode finds it unprompted.
    if (total <= AUTO_BUILD_LIMIT) {
      const idle = window.requestIdleCallback || ((fn) => setTimeout(fn, 200));
      // Not in the first second: the first frames come first.
      explorer.ready.then(() => setTimeout(() => idle(() => ensureOutline(), { timeout: 2000 }), 1000));
    }
  });

  // ---- A real text field for touch keyboards -----------------------------------------------------------
  // A phone raises its keyboard only for a focused DOM text field, never for the canvas. When the search
  // box opens after a touch (or where the only pointer is coarse), the app says where its field is
  // (the 'search-input {...}' request, through data-io.js), and this field is laid over it, focused, with
  // the old text selected; its text and its Enter, arrow and Escape keys go to the app. With a mouse or
  // a keyboard the app's own field is used, as before.
  const canvas = document.getElementById('canvas');
  let lastPointer = '';
  window.addEventListener('pointerdown', (ev) => { lastPointer = ev.pointerType; }, { capture: true, passive: true });
  const coarseOnly = () => !!(window.matchMedia && window.matchMedia('(pointer: coarse)').matches &&
    !window.matchMedia('(any-pointer: fine)').matches);
  const field = document.createElement('input');
  field.type = 'search';
  field.id = 'search-field';
  field.className = 'search-field';
  field.hidden = true;
  field.autocomplete = 'off';
  field.spellcheck = false;
  field.enterKeyHint = 'search';
  field.setAttribute('aria-label', 'Search names, aliases, descriptions and quotes');
  field.setAttribute('aria-describedby', 'status');
  canvas.after(field);
  field.addEventListener('input', () => explorer.searchInput(field.value));
  const FIELD_KEYS = new Set(['Enter', 'ArrowUp', 'ArrowDown', 'Escape']);
  function fieldKey(ev) {  // from the capture listener below: the field's own keys never reach the app
    if (ev.type !== 'keydown' || !FIELD_KEYS.has(ev.key)) return;
    ev.preventDefault();
    explorer.searchKey(ev.key);
  }
  function searchField(request) {
    if (request === 'search-input-close') {
      if (!field.hidden) { field.hidden = true; field.blur(); }
      return;
    }
    const f = JSON.parse(request.slice('search-input '.length));
    if (field.hidden && !(lastPointer === 'touch' || lastPointer === 'pen' || coarseOnly())) return;
    const box = canvas.getBoundingClientRect();
    Object.assign(field.style, {
      left: `${box.left + f.x}px`, top: `${box.top + f.y}px`, width: `${f.w}px`, height: `${f.h}px`,
      fontSize: `${f.fontPx}px`, padding: `0 ${f.padX}px`, color: f.fg, background: f.bg,
    });
    if (!field.hidden) return;
    field.hidden = false;
    field.value = f.text || '';
    field.focus({ preventScroll: true });
    field.select();
    explorer.searchInput(field.value);
  }
  explorer.searchField = searchField;

  // ---- Keys for the DOM ----------------------------------------------------------------------------
  // The app (SDL) listens for keys on the whole window and cancels Tab, Enter, arrows…, which would make
  // the skip link and the outline unreachable. Keys aimed at a DOM control (not the canvas), and Tab
  // from the page itself, are kept from the app: a capture listener on window runs before its own.
  // Inside the canvas Tab moves between the app's own buttons, so the way out is Esc then Tab (or
  // Shift+Tab), as in code editors: that Tab goes to the browser, which moves focus on.
  const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'Meta']);
  let released = false;  // the last key pressed in the canvas was Escape
  canvas.addEventListener('focus', () => { released = false; });
  function keyForTheDom(ev) {
    const t = ev.target;
    if (t === field) { fieldKey(ev); return true; }
    if (t === canvas) {
      if (ev.type !== 'keydown' || MODIFIERS.has(ev.key)) return false;
      const leave = released && ev.key === 'Tab';
      released = ev.key === 'Escape';
      return leave;
    }
    if (t === window || t === document || t === document.body || t === document.documentElement) return ev.key === 'Tab';
    return true;
  }
  for (const type of ['keydown', 'keypress', 'keyup']) {
    window.addEventListener(type, (ev) => { if (keyForTheDom(ev)) ev.stopImmediatePropagation(); }, { capture: true });
  }

  outline.addEventListener('focusin', () => { setTabStops(true); ensureOutline(); });
  outline.addEventListener('focusout', (ev) => { if (!outline.contains(ev.relatedTarget)) setTabStops(false); });
  // The skip link moves focus itself: following "#outline" would change the URL hash (deep links).
  skip.addEventListener('click', (ev) => {
    ev.preventDefault();
    outline.focus();
    ensureOutline();
  });
  back.addEventListener('click', () => document.getElementById('canvas').focus());
})(window.__explorerParts);
