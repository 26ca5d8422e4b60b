// The "Embed on your site…" dialog (the app's menu asks for it with the 'embed-dialog' request): the
// reader picks a size, a start view, the selection or none, a theme and compact or full controls; the
// app builds the iframe code for those (core/embed_snippet.h, docs/embedding.md's snippet), shown here
// with a Copy button and a live preview: an iframe of this same page at those settings, scaled to fit
// (the page's policy allows frames of its own site only: frame-src 'self'). A modal <dialog>: Escape
// and the ✕ close it, focus stays inside while it is open. Text from the corpus is set as text only.
(function (parts) {
  'use strict';
  const { api } = parts.api;
  const { wasm } = parts;

  const SIZES = [['400x450', '400 × 450', 400, 450], ['700x500', '700 × 500', 700, 500], ['full', 'Full width', 0, 560]];
  const VIEWS = [['overview', 'Overview'], ['timeline', 'Timeline'], ['graph', 'Relationships']];
  const THEMES = [['light', 'Light'], ['dark', 'Dark'], ['presentation', 'Presentation']];
  const CONTROLS = [['1', 'Compact: the view fills the frame, controls on demand'], ['0', 'All the controls']];

  function el(tag, props = {}, children = []) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(props)) {
      if (k === 'text') e.textContent = v;
      else if (k in e && typeof v !== 'string') e[k] = v;
      else e.setAttribute(k, v);
    }
    for (const c of children) e.append(c);
    return e;
  }

  // A one-file page (web/one-file.js) may frame nothing: its policy has no frame-src.
  const canPreview = !document.getElementById('explorer-index');

  let dialog = null;
  let form, code, status, previewBox, frameBox, frame, selectionLabel;

  function radios(name, legend, choices) {
    return el('fieldset', { class: 'embed-choice' }, [
      el('legend', { text: legend }),
      ...choices.map(([value, label]) => el('label', {}, [
        el('input', { type: 'radio', name, value }), ' ', el('span', { text: label })])),
    ]);
  }

  function make() {
    code = el('textarea', { id: 'embed-code', class: 'embed-code', readonly: 'readonly', rows: '4', spellcheck: 'false' });
    status = el('span', { class: 'embed-status', role: 'status' });
    const copy = el('button', { type: 'button', class: 'embed-copy', text: 'Copy' });
    copy.addEventListener('click', copyCode);
    frameBox = el('div', { class: 'embed-preview-frame' });
    previewBox = el('div', { class: 'embed-preview' }, [canPreview ? frameBox : el('p', { class: 'embed-note',
      text: 'No preview in a one-file explorer. The code points at this file\'s address: put the explorer on a web host and open this dialog there.' })]);
    const selection = radios('select', 'Selected at the start', [['current', ''], ['', 'Nothing']]);
    selectionLabel = selection.querySelector('span');
    form = el('form', { class: 'embed-options' }, [
      radios('size', 'Size', SIZES),
      radios('view', 'Start view', VIEWS),
      selection,
      radios('theme', 'Theme', THEMES),
      radios('compact', 'Controls', CONTROLS),
    ]);
    form.addEventListener('change', update);
    form.addEventListener('submit', (ev) => ev.preventDefault());
    const close = el('button', { type: 'button', class: 'embed-close', 'aria-label': 'Close', text: '\u2715' });
    close.addEventListener('click', () => dialog.close());
    dialog = el('dialog', { id: 'embed-dialog', class: 'embed-dialog', 'aria-labelledby': 'embed-title' }, [
      el('div', { class: 'embed-head' }, [el('h2', { id: 'embed-title', text: 'Embed on your site' }), close]),
      el('div', { class: 'embed-body' }, [
        form,
        el('div', { class: 'embed-output' }, [
          el('label', { for: 'embed-code', text: 'Paste this into your page' }),
          code,
          el('div', { class: 'embed-actions' }, [copy, status]),
          el('p', { class: 'embed-preview-title', text: 'Preview' }),
          previewBox,
        ]),
      ]),
    ]);
    dialog.addEventListener('close', () => {
      frameBox.replaceChildren();  // the preview's explorer stops with its frame
      frame = null;
      const canvas = document.getElementById('canvas');
      if (canvas) canvas.focus({ preventScroll: true });
    });
    document.body.append(dialog);
    if (typeof ResizeObserver === 'function') new ResizeObserver(() => dialog.open && fit()).observe(previewBox);
  }

  function choices() {
    const f = new FormData(form);
    const selected = api.state().selected;
    return {
      size: f.get('size'), view: f.get('view'), theme: f.get('theme'), compact: f.get('compact'),
      select: f.get('select') === 'current' && selected ? selected : '',
    };
  }

  // The app's snippet for the choices: {snippet, url, warnings}.
  function snippet(c) {
    const page = new URL(location.href);
    page.search = '';
    page.hash = '';
    const q = new URLSearchParams({ base: page.href, size: c.size, view: c.view, select: c.select, theme: c.theme, compact: c.compact });
    return wasm.json('embed_snippet', q.toString());
  }

  // The preview at the chosen size, scaled down to the room the dialog has (never up).
  function fit() {
    if (!frame) return;
    const c = choices();
    const size = SIZES.find((s) => s[0] === c.size) || SIZES[1];
    const roomW = previewBox.clientWidth, roomH = previewBox.clientHeight;
    const w = size[2] || Math.max(roomW, 320), h = size[3];
    const scale = Math.min(1, roomW / w, roomH / h);
    Object.assign(frame.style, { width: `${w}px`, height: `${h}px`, transform: `scale(${scale})` });
    Object.assign(frameBox.style, { width: `${Math.floor(w * scale)}px`, height: `${Math.floor(h * scale)}px` });
  }

  function update() {
    const r = snippet(choices());
    code.value = r.snippet;
    status.textContent = '';
    if (!canPreview || !dialog.open) return;
    if (!frame) {
      // No full screen from the preview (presentation mode asks for it), which would cover the dialog.
      frame = el('iframe', { class: 'embed-preview-iframe', title: 'Preview of the embedded explorer', tabindex: '-1',
        allow: "fullscreen 'none'" });
      frameBox.append(frame);
    }
    if (frame.getAttribute('src') !== r.url) frame.setAttribute('src', r.url);
    fit();
  }

  async function copyCode() {
    try {
      await navigator.clipboard.writeText(code.value);
    } catch (e) {  // no clipboard API (a plain-http page) or refused: the selection and the old command
      code.focus();
      code.select();
      if (!document.execCommand('copy')) { status.textContent = 'Select the code and copy it (Ctrl+C).'; return; }
    }
    status.textContent = 'Copied.';
  }

  function open() {
    if (!dialog) make();
    const s = api.state();
    const name = s.selected && api.entity(s.selected) ? api.entity(s.selected).name : '';
    selectionLabel.textContent = name ? `The current selection: ${name}` : 'The current selection (none now)';
    const set = (field, value) => { for (const r of form.elements[field]) r.checked = r.value === value; };
    set('size', '700x500');
    set('view', s.view);
    set('select', s.selected ? 'current' : '');
    form.elements.select[0].disabled = !s.selected;
    set('theme', s.presentation ? 'presentation' : s.theme === 'dark' ? 'dark' : 'light');
    set('compact', '1');
    dialog.showModal();
    update();
    code.focus();
    code.select();
  }

  const previous = api.onRequest;
  api.onRequest = (what) => {
    if (what === 'embed-dialog') open();
    else if (typeof previous === 'function') previous(what);
  };
})(window.__explorerParts = window.__explorerParts || {});
