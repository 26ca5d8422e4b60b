// Your own data in a real browser: two spreadsheets through the file picker, a bad spreadsheet that
// is refused with located errors while the corpus shown stays, a corpus dropped on the page, and
// exports (JSON that loads back, CSV, a PNG of the view) as downloads.
//   node tests/browser/data-io.mjs --site build/web/site --artifacts build/test-artifacts
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../tools/serve.mjs';
import { checker, control, launch, testOptions, watchErrors } from './browser.mjs';

const { site, artifacts } = testOptions(process.argv);
const { check, finish } = checker();
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const examples = path.join(repo, 'data', 'examples');
const entitiesCsv = fs.readFileSync(path.join(examples, 'entities.csv'), 'utf8');
const exampleIds = new Set(entitiesCsv.split(/\r?\n/).slice(1).map((l) => l.split(',')[0]).filter((id) => id));
const corpus = JSON.parse(fs.readFileSync(path.join(site, 'data', 'corpus.json'), 'utf8'));

const { server, url } = await startServer(site);
const browser = await launch();
const state = (page) => page.evaluate(() => window.explorer.state());
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  const errors = watchErrors(page);
  await page.goto(url);
  await page.evaluate(() => window.explorer.ready);

  // ---- Two CSV files through the file picker (order does not matter: headers tell them apart): the
  // review of what was understood first, then "Show on its own" clicked.
  await page.setInputFiles('input[type=file]', [path.join(examples, 'relations.csv'), path.join(examples, 'entities.csv')]);
  const own = await control(page, 'review:own', 10000);
  const review = (await state(page)).importReview;
  check('two spreadsheets opened go to the review first', review && review.ok && review.counts.rows > 0,
    JSON.stringify(review && review.errors));
  if (own) await page.mouse.click(own.x + own.w / 2, own.y + own.h / 2);
  await page.waitForFunction((n) => window.explorer.state().entities === n, exampleIds.size, { timeout: 10000 })
    .catch(() => {});
  let s = await state(page);
  check('two spreadsheets open through the file picker', s.entities === exampleIds.size, `${s.entities} vs ${exampleIds.size}`);

  // ---- A bad spreadsheet: refused, errors located, the corpus shown stays.
  const bad = entitiesCsv.replace(',organisation,government,', ',organization,government,');
  const result = await page.evaluate(([e, r]) => window.explorer.importCsv(e, r),
    [bad, fs.readFileSync(path.join(examples, 'relations.csv'), 'utf8')]);
  s = await state(page);
  check('a bad spreadsheet is refused with file, line and column', !result.ok &&
    result.errors.some((e) => /^entities\.csv:2:\d+: column kind: /.test(e.text)), JSON.stringify(result.errors.slice(0, 2)));
  check('the corpus shown stays after a bad import', s.entities === exampleIds.size, String(s.entities));

  // ---- A corpus dropped on the page.
  const text = fs.readFileSync(path.join(site, 'data', 'corpus.json'), 'utf8');
  await page.evaluate((t) => {
    const dt = new DataTransfer();
    dt.items.add(new File([t], 'corpus.json', { type: 'application/json' }));
    document.getElementById('canvas').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, text);
  await page.waitForFunction((n) => window.explorer.state().entities === n, corpus.entities.length, { timeout: 10000 })
    .catch(() => {});
  s = await state(page);
  check('a corpus dropped on the page opens', s.entities === corpus.entities.length, String(s.entities));

  // ---- Exports of what the filters show.
  await page.evaluate(() => window.explorer.setFilters({ kinds: ['organisation'] }));
  const exported = JSON.parse(await page.evaluate(() => window.explorer.exportText('json')));
  const orgs = corpus.entities.filter((e) => e.kind === 'organisation').length;
  check('the JSON export holds what the filters show, with citations',
    exported.entities.length === orgs && exported.entities.every((e) => e.citations && e.citations.length > 0),
    String(exported.entities.length));
  const reload = await page.evaluate((o) => window.explorer.load(o), exported);
  check('the JSON export loads back without errors', reload.ok, JSON.stringify(reload.errors.slice(0, 2)));
  const csv = await page.evaluate(() => window.explorer.exportText('entities-csv'));
  check('the CSV export has a header and a row per entity', csv.trim().split('\n')[0].startsWith('id,') &&
    new Set(csv.trim().split('\n').slice(1).map((l) => l.split(',')[0])).size === orgs);
  await page.evaluate(() => window.explorer.setView('graph'));
  await page.waitForTimeout(1500);
  const [png] = await Promise.all([page.waitForEvent('download'), page.evaluate(() => window.explorer.request('export-png'))]);
  const pngPath = path.join(artifacts, 'export.png');
  await png.saveAs(pngPath);
  const bytes = fs.readFileSync(pngPath);
  check('the PNG export downloads a picture of the view', png.suggestedFilename() === 'explorer-view.png' &&
    bytes.subarray(1, 4).toString() === 'PNG' && bytes.length > 10000, `${png.suggestedFilename()} ${bytes.length} bytes`);
  const [json] = await Promise.all([page.waitForEvent('download'), page.evaluate(() => window.explorer.request('export-json'))]);
  check('the JSON export downloads', json.suggestedFilename() === 'explorer-export.json', json.suggestedFilename());
  check('no page errors or console errors', errors.length === 0, errors.join('\n'));
} finally {
  await browser.close();
  server.close();
}
finish();
