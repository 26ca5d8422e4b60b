// Real-browser smoke test: serve the built site on loopback, load it in headless Chromium, and check
// the JavaScript API, the canvas and the console. Prints "N passed, M failed"; exits non-zero on failure.
//   node tests/browser/smoke.mjs --site build/web/site --artifacts build/test-artifacts
import fs from 'node:fs';
import path from 'node:path';
import { startServer } from '../../tools/serve.mjs';
import { checker, launch, pixelsDiffering, testOptions, watchErrors } from './browser.mjs';

const { site, artifacts } = testOptions(process.argv);
const { check, finish } = checker();

const corpus = JSON.parse(fs.readFileSync(path.join(site, 'data', 'corpus.json'), 'utf8'));
const expected = {};
for (const e of corpus.entities) expected[e.kind] = (expected[e.kind] || 0) + 1;

const { server, url } = await startServer(site);
const browser = await launch();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = watchErrors(page);
  await page.goto(url);
  await page.evaluate(() => window.explorer.ready);
  // The app draws only when something changes: let the start-up frames finish.
  await page.waitForTimeout(300);

  const state = await page.evaluate(() => window.explorer.state());
  check('state() has the corpus title', state.title === corpus.title, JSON.stringify(state.title));
  check('state() has counts per kind of the bundled corpus',
    Object.keys(expected).every((k) => state.counts[k] === expected[k]) &&
    Object.values(state.counts).reduce((a, b) => a + b, 0) === corpus.entities.length,
    JSON.stringify(state.counts));
  check('state() counts relations and events', state.relations === corpus.relations.length &&
    state.events === corpus.events.length, `${state.relations} ${state.events}`);
  check('state() starts with no selection', state.selected === null);
  check('state() reports the view', state.view === 'overview');
  check('frames are counted', state.frames >= 1, String(state.frames));

  const picked = corpus.entities.find((e) => e.id === 'org-acevo') || corpus.entities[0];
  const selectOk = await page.evaluate((id) => window.explorer.select(id), picked.id);
  const after = await page.evaluate(() => window.explorer.state());
  check('select(id) changes state().selected', selectOk === true && after.selected === picked.id, after.selected);
  const bad = await page.evaluate(() => window.explorer.select('no-such-id'));
  const still = await page.evaluate(() => window.explorer.state());
  check('select(unknown) returns false and keeps the selection', bad === false && still.selected === picked.id);

  // Idle means idle: with no input the frame counter stops; input starts it again.
  await page.waitForTimeout(500);
  const idle0 = (await page.evaluate(() => window.explorer.state())).frames;
  await page.waitForTimeout(1000);
  const idle1 = (await page.evaluate(() => window.explorer.state())).frames;
  check('no frames are drawn while idle', idle1 === idle0, `${idle0} -> ${idle1}`);
  await page.mouse.move(300, 300);
  await page.mouse.move(320, 310);
  await page.waitForTimeout(300);
  const woke = (await page.evaluate(() => window.explorer.state())).frames;
  check('input draws frames again', woke > idle1, `${idle1} -> ${woke}`);

  // The canvas is not blank: some pixels differ from the background colour.
  const shot = await page.screenshot({ path: path.join(artifacts, 'smoke.png') });
  const canvasPixels = await pixelsDiffering(page, shot, [0.98 * 255, 0.98 * 255, 0.97 * 255]);  // the app's clear colour
  check('the canvas is not blank', canvasPixels.differ > canvasPixels.total * 0.005,
    JSON.stringify(canvasPixels));
  check('screenshot saved', shot.length > 1000);

  // A bad corpus is refused with located errors, and the loaded corpus stays.
  const res = await page.evaluate(() => window.explorer.load({ format: '1.0', title: 'Bad', sources: [],
    entities: [{ id: 'x', kind: 'nope', name: 'X', citations: [] }] }));
  const kept = await page.evaluate(() => window.explorer.state());
  check('load(bad object) reports errors with JSON paths', res.ok === false &&
    res.errors.some((e) => e.where === '/entities/0/kind'), JSON.stringify(res.errors).slice(0, 300));
  check('the previous corpus stays loaded after a bad load', kept.title === corpus.title && kept.selected === picked.id);
  const good = await page.evaluate(() => window.explorer.load('data/corpus.json'));
  check('load(url) of the bundled corpus succeeds', good.ok === true);

  check('no page errors or console errors', errors.length === 0, errors.join('\n'));
} finally {
  await browser.close();
  server.close();
}
finish();
