// The screen-reader mirror of the canvas: a skip link, an aria-live region that announces selections
// (and, through explorer.announce(text), anything else such as search results), and a text outline of
// the corpus: entities grouped by kind under headings, each with its dates, description, relations
// and citations, and a button that selects it in the explorer.
// Corpus text reaches the DOM only through textContent and createElement, never as HTML. The outline
// is built when it is first needed (focus, the skip link, or idle time after start-up for a small
// corpus), in chunks, so a corpus of 100k entities costs nothing at start-up. On touch screens it also
// lays a real text field over the search box, so the phone's keyboard opens.
(function () {
  'use strict';
  const explorer = window.explorer;
  const live = document.getElementById('status');
  const outline = document.getElementById('outline');
  const body = document.getElementById('outline-body');
  const skip = document.getElementById('skip-to-outline');
  const back = document.getElementById('outline-back');

  const AUTO_BUILD_LIMIT = 5000;  // entities: a larger corpus is outlined only when asked for
  const CHUNK = 500;              // entities per slice of work between yields to the page
  const KINDS = [
    ['organisation', 'Organisations'], ['person', 'People'], ['document', 'Documents'],
    ['programme', 'Programmes'], ['partnership', 'Partnerships'], ['part', 'Parts'], ['theme', 'Themes'],
  ];
  // How relation types read (docs/corpus-format.md), where not just the type with spaces.
  const READS = { 'signatory-of': 'signs', 'addresses-theme': 'addresses' };
  const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const SEASONS = { 21: 'Spring', 22: 'Summer', 23: 'Autumn', 24: 'Winter' };

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

  // ---- Dates, read aloud well: "28 Jul 2014", "from 1 Apr 2013", "c. 1987", "Oct 2014?" -------------
  function formatPoint(s) {
    const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?([~?%]?)$/.exec(s);
    if (!m) return s;
    const [, y, mo, d, q] = m;
    let text = String(Number(y));
    if (mo && SEASONS[Number(mo)]) text = `${SEASONS[Number(mo)]} ${text}`;
    else if (mo) text = `${MONTHS[Number(mo) - 1] || mo} ${text}`;
    if (d) text = `${Number(d)} ${text}`;
    if (q === '~' || q === '%') text = 'c. ' + text;
    if (q === '?' || q === '%') text += '?';
    return text;
  }
  function formatDate(s) {
    if (!s) return '';
    if (!s.includes('/')) return formatPoint(s);
    const [a, b] = s.split('/');
    if (a === '..' || a === '') return `until ${formatPoint(b)}`;
    if (b === '..') return `from ${formatPoint(a)}`;
    if (b === '') return `from ${formatPoint(a)} (end unknown)`;
    return `${formatPoint(a)} to ${formatPoint(b)}`;
  }
  const words = (s) => String(s || '').replace(/-/g, ' ');

  // ---- Selection ----------------------------------------------------------------------------------
  const itemId = (id) => 'outline-item-' + id;
  let currentButton = null;
  function describe(e) {
    return [e.name, words(e.kind), e.type && e.type !== e.kind ? words(e.type) : '', formatDate(e.date)]
      .filter(Boolean).join(', ');
  }
  explorer.on('select', (sel) => {
    if (currentButton) currentButton.removeAttribute('aria-current');
    currentButton = null;
    if (!sel) { announce('Selection cleared.'); return; }
    const e = explorer.entity(sel.id);
    announce(`Selected: ${e ? describe(e) : sel.name}.`);
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

  function citationItem(c, sources) {
    const li = el('li');
    if (c.quote) { li.append(el('q', c.quote), ' — '); }
    const src = sources.get(c.source);
    if (src) {
      const href = src.url && webLink(src.url);
      if (href) {
        const a = tabStop(el('a', src.title));
        a.href = href;
        a.rel = 'noopener noreferrer';
        a.target = '_blank';
        li.append(a);
      } else {
        li.append(el('cite', src.title));
      }
      li.append(`, ${[src.publisher, formatDate(src.date)].filter(Boolean).join(', ')}`);
    } else {
      li.append(c.source || 'unknown source');
    }
    if (c.note) li.append(el('span', ` (${c.note})`));
    return li;
  }

  function relationText(r, self, names) {
    const reads = READS[r.type] || words(r.type);
    const extra = [r.role, formatDate(r.date)].filter(Boolean).join(', ');
    const text = r.from === self ? `${reads} → ${names(r.to)}` : `${names(r.from)} → ${reads} this`;
    return extra ? `${text} (${extra})` : text;
  }

  function entityItem(e, ctx) {
    const li = el('li', null, 'outline-entity');
    li.id = itemId(e.id);
    const h = el('h4');
    const button = tabStop(el('button', e.name));
    button.type = 'button';
    button.addEventListener('click', () => explorer.select(e.id));
    h.append(button);
    li.append(h);
    const aliases = Array.isArray(e.aliases) && e.aliases.length ? `also ${e.aliases.join(', ')}` : '';
    const dates = formatDate(e.date);
    li.append(el('p', [words(e.type), dates, aliases].filter(Boolean).join(' · ')));
    if (e.description) li.append(el('p', e.description));
    if (e.dateNote) li.append(el('p', `Date: ${e.dateNote}`));
    const rels = (ctx.out.get(e.id) || []).concat(ctx.in.get(e.id) || []);
    if (rels.length) {
      li.append(el('h5', `Relations (${rels.length})`));
      const ul = el('ul');
      for (const r of rels) ul.append(el('li', relationText(r, e.id, ctx.name)));
      li.append(ul);
    }
    const cites = Array.isArray(e.citations) ? e.citations : [];
    if (cites.length) {
      li.append(el('h5', `Citations (${cites.length})`));
      const ul = el('ul');
      for (const c of cites) ul.append(citationItem(c, ctx.sources));
      li.append(ul);
    }
    return li;
  }

  function indexBy(list, key) {
    const m = new Map();
    for (const r of list) {
      const k = r[key];
      if (!m.has(k)) m.set(k, []);
      m.get(k).push(r);
    }
    return m;
  }

  let generation = 0;     // bumped by each load: a build in progress for an older corpus stops
  let built = null;       // Promise of the current corpus's outline, once started
  const nextSlice = () => new Promise((r) => setTimeout(r, 0));

  async function build(gen) {
    const corpus = explorer.corpus();
    if (!corpus) return;
    outline.setAttribute('aria-busy', 'true');
    const entities = corpus.entities || [];
    const relations = corpus.relations || [];
    const byId = new Map(entities.map((e) => [e.id, e]));
    const ctx = {
      sources: new Map((corpus.sources || []).map((s) => [s.id, s])),
      out: indexBy(relations, 'from'),
      in: indexBy(relations, 'to'),
      name: (id) => (byId.has(id) ? byId.get(id).name : id),
    };
    const groups = indexBy(entities, 'kind');
    const known = new Set(KINDS.map(([k]) => k));
    const order = KINDS.concat([...groups.keys()].filter((k) => !known.has(k)).map((k) => [k, words(k)]));
    body.replaceChildren(el('p', `${corpus.title || 'Corpus'}: ${entities.length} entities, ${relations.length} relations.`));
    let done = 0;
    for (const [kind, label] of order) {
      const list = groups.get(kind);
      if (!list) continue;
      const section = el('section');
      const h = el('h3', `${label} (${list.length})`);
      h.id = 'outline-kind-' + kind;
      section.setAttribute('aria-labelledby', h.id);
      const ul = el('ul', null, 'outline-list');
      section.append(h, ul);
      // Filled while detached and attached once: appending slice by slice to the document would lay
      // out the growing outline again after every slice (minutes at 100k entities).
      for (let i = 0; i < list.length; i += CHUNK) {
        const frag = document.createDocumentFragment();
        for (const e of list.slice(i, i + CHUNK)) frag.append(entityItem(e, ctx));
        ul.append(frag);
        done += Math.min(CHUNK, list.length - i);
        if (done < entities.length) await nextSlice();
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
})();
