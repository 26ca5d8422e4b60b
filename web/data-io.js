// Your own data in and what is on screen out: the app's "Open data" and "Export" buttons, dropping files
// on the page, and downloads; and source addresses the app asks to open. A .json file is a corpus (or a story
// file, whose stories are added to the corpus shown: explorer.load decides); a
// sheet (.csv, .tsv, .txt), or two (entities and relations, told apart by their headers), is the user's
// own data: the app's review screen shows what was understood before anything changes (Add to the map,
// Show on its own, Cancel). Files are read locally, never uploaded.
(function () {
  'use strict';
  const explorer = window.explorer;
  const picker = document.createElement('input');
  picker.type = 'file';
  picker.multiple = true;
  picker.accept = '.json,.csv,.tsv,.tab,.txt,application/json,text/csv,text/tab-separated-values,text/plain';
  picker.hidden = true;
  document.body.appendChild(picker);

  function isRelations(text) {
    const header = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0].toLowerCase().split(',').map((h) => h.trim());
    return header.includes('from') && header.includes('to');
  }

  function say(text) {
    const notice = document.getElementById('notice');
    if (!notice) return;
    notice.textContent = text;  // text, never HTML
    notice.hidden = false;
    setTimeout(() => { notice.hidden = true; }, 6000);
  }

  // Resolves the {ok, errors} of the load or import; errors also show in the app's errors panel.
  async function openFiles(files) {
    const list = Array.from(files || []);
    if (!list.length) return null;
    const texts = await Promise.all(list.map((f) => f.text()));
    const json = list.findIndex((f) => /\.json$/i.test(f.name));
    const sheets = list.every((f) => /\.(csv|tsv|tab|txt)$/i.test(f.name));
    let result;
    if (json >= 0) {
      result = await explorer.load(JSON.parse(texts[json]));
    } else if (sheets && list.length === 1) {
      result = explorer.importTable(texts[0], { review: true, name: list[0].name });
    } else if (sheets && list.length === 2) {
      const r = isRelations(texts[0]) ? 0 : 1;
      result = explorer.importCsv(texts[1 - r], texts[r],
        { review: true, entitiesName: list[1 - r].name, relationsName: list[r].name });
    } else {
      say('Open one corpus (.json), or a spreadsheet saved as CSV (or two: organisations and relations).');
      return null;
    }
    if (result.ok && !result.reviewing) say('Opened ' + list.map((f) => f.name).join(' and ') + '.');
    return result;
  }
  explorer.openFiles = openFiles;

  picker.addEventListener('change', () => { openFiles(picker.files).catch((e) => say(e.message)); picker.value = ''; });
  document.addEventListener('dragover', (e) => { e.preventDefault(); });
  document.addEventListener('drop', (e) => {
    e.preventDefault();
    openFiles(e.dataTransfer && e.dataTransfer.files).catch((err) => say(err.message));
  });

  // Pasting (Ctrl+V, Cmd+V) into the app's text fields (Paste from spreadsheet, search): SDL cancels a
  // Ctrl key's keydown, and with it the browser's paste, so the V is kept from it; the paste event's text
  // then goes to the app, which pastes it at the cursor. The page's own text fields paste as usual.
  const editable = (el) => el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
  window.addEventListener('keydown', (e) => {
    if ((e.ctrlKey || e.metaKey) && !e.altKey && (e.key === 'v' || e.key === 'V') && !editable(e.target)) {
      e.stopImmediatePropagation();  // not preventDefault: the browser's paste is what brings the text
    }
  }, true);
  document.addEventListener('paste', (e) => {
    if (editable(e.target)) return;
    const text = e.clipboardData ? e.clipboardData.getData('text/plain') : '';
    if (!text) return;
    e.preventDefault();
    explorer.pasteText(text);
  });

  function download(name, blob) {
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10000);
  }

  // A story shared from the story editor: the page's address with the story's hash, copied when the
  // browser allows, and told to the host page (an 'explorer:share' window event with {link}).
  function shareLink(hash) {
    const link = location.href.split('#')[0] + hash;
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(link).catch(() => {});
    say('Link to the story copied (' + link.length + ' characters).');
    window.dispatchEvent(new CustomEvent('explorer:share', { detail: { link } }));
  }

  const EXPORTS = {
    'export-story': ['story', 'story.json', 'application/json'],
    'export-json': ['json', 'explorer-export.json', 'application/json'],
    'export-entities-csv': ['entities-csv', 'entities.csv', 'text/csv'],
    'export-relations-csv': ['relations-csv', 'relations.csv', 'text/csv'],
  };
  // A source's address clicked in the app: opened in a new tab, http and https only (the app checks
  // too), with no opener and no referrer. A sandboxed embed without allow-popups refuses quietly.
  function openAddress(text) {
    let u;
    try { u = new URL(text); } catch { return; }
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return;
    window.open(u.href, '_blank', 'noopener,noreferrer');
  }

  explorer.onRequest = (what) => {
    if (what === 'open') picker.click();
    else if (what.startsWith('open-url ')) openAddress(what.slice('open-url '.length));
    else if (what.startsWith('share-link #')) shareLink(what.slice('share-link '.length));
    else if (what === 'search-input-close' || what.startsWith('search-input ')) {
      if (explorer.searchField) explorer.searchField(what);  // the touch text field (a11y-mirror.js)
    }
    else if (what === 'fullscreen') {
      // Allowed while the key press or click that asked is recent; refused quietly otherwise. Not asked
      // at all in a frame that may not (an iframe without allow="fullscreen", the embed dialog's preview).
      if (!document.fullscreenElement && document.fullscreenEnabled && document.documentElement.requestFullscreen) {
        document.documentElement.requestFullscreen().catch(() => {});
      }
    } else if (what === 'exit-fullscreen') {
      if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
    }
    else if (what === 'export-png') {
      // Called right after the frame is drawn, while the WebGL canvas still holds it.
      document.getElementById('canvas').toBlob((blob) => blob && download('explorer-view.png', blob), 'image/png');
    } else if (what === 'export-one-file') {
      // Built in the page (one-file-export.js): the site's files, the whole corpus and the view's link.
      say('Making the one-file explorer\u2026');
      explorer.exportText('html').then((html) => {
        download('nhs-governance-explorer.html', new Blob([html], { type: 'text/html' }));
        say('Saved nhs-governance-explorer.html: open it from disk or put it on any web host.');
      }, (e) => say('The one-file explorer could not be made: ' + e.message));
    } else if (EXPORTS[what]) {
      const [kind, name, type] = EXPORTS[what];
      // With citations: those of the bundled corpus follow its first view (explorer-citations.js).
      explorer.citationsReady().then(() => download(name, new Blob([explorer.exportText(kind)], { type })));
    }
  };
})();
