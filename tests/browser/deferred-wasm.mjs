// A lighter first visit (issue 23): the app's wasm is split in two (tools/deferred-code.txt). The first
// view must need only the primary module: explorer.deferred.wasm is not fetched before the first frame
// and none of its code runs then (Emscripten's stand-ins for it report each first call with
// "placeholder function called"; the corpus's citations, attached after the first view by deferred code,
// wait for the module to come); so too for the first views deep links open (a view, a selection, an
// embed, the timeline by body, colours by theme, presentation, a guided story), wide and narrow (a reader's
// own story carried in a link: tests/browser/story-editor.mjs). Then paste, Read, the review, "Add to the map" by real clicks (code
// that lives in the deferred module) work, with no console error. A cold call made the moment the
// page is ready, before the module was fetched in idle time, is answered too (the synchronous path),
// and so is one in the one-file explorer opened from disk, where nothing may be fetched.
//   node tests/browser/deferred-wasm.mjs --site build/web/site --artifacts build/test-artifacts
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer } from '../../tools/serve.mjs';
import { checker, control, launch, testOptions, watchErrors, fromMenu } from './browser.mjs';

const { site, artifacts } = testOptions(process.argv);
const { check, finish } = checker();
const single = path.join(site, '..', 'explorer-single.html');
const pasted = 'From,To,Type,Start\nHelping Hands Trust,NHS England,works with,2023';  // typed: no tabs

// Before any script of the page: when the app first became ready, and each first call into deferred code.
const recorder = () => {
  window.__split = { ready: null, placeholders: [] };
  const warn = console.warn.bind(console);
  console.warn = (...args) => {
    if (String(args[0]).startsWith('placeholder function called')) window.__split.placeholders.push(performance.now());
    warn(...args);
  };
  const timer = setInterval(() => {
    if (window.explorer && window.explorer.ready) {
      clearInterval(timer);
      window.explorer.ready.then(() => { window.__split.ready = performance.now(); });
    }
  }, 0);
};
const resources = (page) => page.evaluate(() => performance.getEntriesByType('resource')
  .map((e) => ({ file: e.name.split('/').pop(), start: e.startTime })));

// Opens `link` in a fresh page and waits until the deferred module is fetched (in idle time): whether it
// came after the app was ready, and the first calls into deferred code until then (none, if all is well).
async function firstView(browser, url, link, viewport) {
  const context = await browser.newContext({ viewport });
  await context.addInitScript(recorder);
  const page = await context.newPage();
  const errors = watchErrors(page);
  try {
    await page.goto(url + link);
    await page.waitForFunction(() => window.explorer && window.explorer.ready, null, { timeout: 30000 });
    await page.evaluate(() => window.explorer.ready);
    await page.waitForFunction(() => window.__split.ready !== null, null, { timeout: 15000 });
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/explorer.deferred.wasm')),
      null, { timeout: 15000 }).catch(() => {});
    const ready = await page.evaluate(() => window.__split.ready);
    const deferred = (await resources(page)).filter((r) => r.file === 'explorer.deferred.wasm');
    const calls = await page.evaluate(() => window.__split.placeholders);
    const arrived = await page.evaluate(() => (performance.getEntriesByType('resource')
      .find((e) => e.name.endsWith('/explorer.deferred.wasm')) || {}).responseEnd || Infinity);
    const s = await page.evaluate(() => { const st = window.explorer.state(); return { view: st.view, selected: st.selected, story: st.story, embed: st.embed }; });
    return { ready, deferred, calls, arrived, errors, state: s };
  } finally {
    await context.close();
  }
}

const { server, url } = await startServer(site);
const browser = await launch();
const centre = (r) => [r.x + r.w / 2, r.y + r.h / 2];
try {
  check('the site has both modules', fs.existsSync(path.join(site, 'explorer.wasm')) &&
    fs.existsSync(path.join(site, 'explorer.deferred.wasm')));

  // ---- The first view: the primary module only.
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(recorder);
  const page = await context.newPage();
  const errors = watchErrors(page);
  const until = (fn, arg, timeout = 15000) => page.waitForFunction(fn, arg, { timeout }).then(() => true, () => false);
  await page.goto(url);
  await page.evaluate(() => window.explorer.ready);
  await until(() => window.__split.ready !== null);
  const ready = await page.evaluate(() => window.__split.ready);
  // The deferred module is fetched in idle time after that: wait for it, then see when it started.
  await until(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/explorer.deferred.wasm')));
  const got = await resources(page);
  const primary = got.find((r) => r.file === 'explorer.wasm');
  const deferred = got.filter((r) => r.file === 'explorer.deferred.wasm');
  check('the first view fetched the primary module', primary && primary.start < ready, JSON.stringify(primary));
  check('the first view fetched no deferred module (it came after the first frame, once)',
    deferred.length === 1 && deferred[0].start > ready, `ready at ${ready}: ${JSON.stringify(deferred)}`);
  // After the first view the corpus's citations are attached (web/explorer-citations.js), by deferred code,
  // once the module has come (so it was fetched once, above, not by the synchronous path).
  let calls = await page.evaluate(() => window.__split.placeholders);
  const arrived = await page.evaluate(() => (performance.getEntriesByType('resource')
    .find((e) => e.name.endsWith('/explorer.deferred.wasm')) || {}).responseEnd || Infinity);
  check('no deferred code ran for the first view (only after it, once the module had come)',
    calls.every((t) => t > ready && t >= arrived), `ready at ${ready}, module at ${arrived}: ${JSON.stringify(calls)}`);

  // ---- The first views deep links open: the primary module only, too.
  const linked = [
    ['#view=timeline', (s) => s.view === 'timeline'],
    ['#view=graph&sel=org-nhs-england', (s) => s.view === 'graph' && s.selected === 'org-nhs-england'],
    ['?view=overview&select=org-nhs-england', (s) => s.view === 'overview' && s.selected === 'org-nhs-england'],
    ['?embed=1&view=graph', (s) => s.view === 'graph'],
    ['#view=timeline&group=body', (s) => s.view === 'timeline'],
    ['#view=graph&col=theme', (s) => s.view === 'graph'],
    ['?pres=1', (s) => s.view === 'overview'],
    ['?theme=dark', (s) => s.view === 'overview'],
    ['#view=timeline&story=story-mandates-2012-to-2025&step=1', (s) => s.story === 'story-mandates-2012-to-2025'],
  ];
  for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
    const at = `${viewport.width}x${viewport.height}`;
    for (const [link, opened] of viewport.width === 1280 ? linked : [['', () => true], ...linked.slice(0, 3)]) {
      const v = await firstView(browser, url, link, viewport);
      check(`${link || 'the default view'} at ${at} opens as linked`, opened(v.state), JSON.stringify(v.state));
      // (Deferred code runs after the first view once the module has come: the citations' attach.)
      check(`${link || 'the default view'} at ${at}: no deferred code ran for the first view, the module came after it`,
        v.calls.every((t) => t > v.ready && t >= v.arrived) && v.deferred.length === 1 && v.deferred[0].start > v.ready &&
        v.errors.length === 0,
        JSON.stringify({ ready: v.ready, deferred: v.deferred, arrived: v.arrived, calls: v.calls, errors: v.errors }));
    }
  }

  // ---- Paste, Read, the review, Add to the map: deferred code, by real clicks.
  const state = () => page.evaluate(() => window.explorer.state());
  const before = await state();
  check('the menu opens "Paste from spreadsheet"', await fromMenu(page, 'menu:paste', ['paste:field', 'paste:read']));
  const seen = (await state()).frames;
  await page.mouse.click(...centre(await control(page, 'paste:field')));
  await until((f) => window.explorer.state().frames >= f + 2, seen, 4000);
  await page.keyboard.type(pasted, { delay: 5 });
  await until((n) => window.explorer.state().pasteTable.chars === n, pasted.length, 90000);
  await page.mouse.click(...centre(await control(page, 'paste:read')));
  const add = await control(page, 'review:add');
  const review = (await state()).importReview;
  check('Read shows the review', review && review.ok && review.counts.relations === 1, JSON.stringify(review && review.counts));
  await page.screenshot({ path: path.join(artifacts, 'deferred-wasm-review.png') });
  await page.mouse.click(...centre(add));
  const added = await until((n) => window.explorer.state().entities === n && window.explorer.state().importReview === null,
    before.entities + 1);
  check('Add to the map adds the organisation', added, JSON.stringify(await state()).slice(0, 200));
  calls = await page.evaluate(() => window.__split.placeholders);
  check('the deferred module was instantiated when its code was first called', calls.length >= 1, JSON.stringify(calls));
  const rows = await page.evaluate(() => window.explorer.exportText('entities-csv').split('\n').length);
  check('export (deferred code) works too', rows > before.entities, String(rows));
  check('no console errors on the page', errors.length === 0, errors.join('\n'));


  // ---- A cold call at once: before the idle fetch, the synchronous path answers it.
  const eagerContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await eagerContext.addInitScript(() => {
    const timer = setInterval(() => {
      if (!window.explorer || !window.explorer.ready) return;
      clearInterval(timer);
      window.__eager = window.explorer.ready.then(() => {
        const fetched = performance.getEntriesByType('resource').some((e) => e.name.endsWith('/explorer.deferred.wasm'));
        const c = window.explorer.compare('2013-01-01', '2023-01-01');
        return { fetched, changes: c && c.changes ? c.changes.length : -1 };
      });
    }, 0);
  });
  const eager = await eagerContext.newPage();
  const eagerErrors = watchErrors(eager);
  await eager.goto(url);
  await eager.waitForFunction(() => window.__eager);
  const now = await eager.evaluate(() => window.__eager);
  check('a comparison asked for the moment the page is ready is answered', !now.fetched && now.changes > 0, JSON.stringify(now));
  check('no console errors on that page', eagerErrors.length === 0, eagerErrors.join('\n'));

  // ---- The one-file explorer from disk: the deferred module comes from the page itself.
  if (fs.existsSync(single)) {
    const disk = await browser.newPage();
    const diskErrors = watchErrors(disk);
    await disk.goto(pathToFileURL(single).href);
    const c = await disk.evaluate(() => window.explorer.ready.then(() => window.explorer.compare('2013-01-01', '2023-01-01')));
    check('the one-file explorer runs deferred code with nothing fetched', c && c.changes && c.changes.length > 0);
    check('no console errors in the one-file explorer', diskErrors.length === 0, diskErrors.join('\n'));
  } else {
    check(`the one-file build is there (${single})`, false);
  }
} finally {
  await browser.close();
  server.close();
}
finish();
