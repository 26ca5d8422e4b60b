// Linked exploration in a real browser: search by typing, follow a relation link in the details panel,
// filters obeyed by both views, connections between two entities, deep links that reopen the exact
// view in a fresh page, and back/forward through selections.
//   node tests/browser/explore.mjs --site build/web/site --artifacts build/test-artifacts
import fs from 'node:fs';
import path from 'node:path';
import { startServer } from '../../tools/serve.mjs';
import { checker, launch, testOptions, watchErrors } from './browser.mjs';

const { site, artifacts } = testOptions(process.argv);
const { check, finish } = checker();
const corpus = JSON.parse(fs.readFileSync(path.join(site, 'data', 'corpus.json'), 'utf8'));
const byId = new Map(corpus.entities.map((e) => [e.id, e]));
const organisations = corpus.entities.filter((e) => e.kind === 'organisation');
const person = corpus.entities.find((e) => e.kind === 'person');
const datedDocument = corpus.entities.find((e) => e.kind === 'document' && e.date);
const datedOrganisation = organisations.find((e) => e.date);

const { server, url } = await startServer(site);
const browser = await launch();
const settle = (page, ms = 350) => page.waitForTimeout(ms);
const state = (page) => page.evaluate(() => window.explorer.state());
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = watchErrors(page);
  await page.goto(url);
  await page.evaluate(() => window.explorer.ready);
  await settle(page);

  // ---- Search: '/' opens it; a typo still finds Macmillan; Enter selects the first result.
  await page.mouse.click(640, 400);  // focus the canvas
  await page.keyboard.press('/');
  await settle(page, 200);
  await page.keyboard.type('macmilan cancer', { delay: 30 });
  await settle(page, 300);
  await page.keyboard.press('Enter');
  // Dear ImGui takes one key event a frame: let the typed keys drain before reading the result.
  const until = (fn, arg) => page.waitForFunction(fn, arg, { timeout: 5000 }).catch(() => {});
  await until(() => window.explorer.state().selected !== null);
  let s = await state(page);
  check('typing into search (with a typo) and Enter selects the match', s.selected === 'org-macmillan', s.selected);
  const ranked = await page.evaluate(() => window.explorer.search('NHS England'));
  check('search ranks the exact name first', ranked.length > 0 && ranked[0].id === 'org-nhs-england',
    JSON.stringify(ranked.slice(0, 3)));
  // Ctrl+K opens it too; Escape closes it without changing the selection.
  await page.keyboard.press('Control+k');
  await settle(page, 200);
  await page.keyboard.type('depar', { delay: 30 });
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Escape');
  await settle(page, 800);
  s = await state(page);
  check('Ctrl+K opens search and Escape leaves the selection alone', s.selected === 'org-macmillan', s.selected);

  // ---- Details: clicking a relation link selects its target.
  const links = await page.evaluate(() => window.explorer.detailLinks());
  check('the details panel lists relation links', links.length > 0, String(links.length));
  if (links.length > 0) {
    const target = links[0];
    await page.mouse.move(target.x, target.y);
    await settle(page, 100);
    await page.mouse.down();
    await settle(page, 100);
    await page.mouse.up();
    await until((id) => window.explorer.state().selected === id, target.id);
    s = await state(page);
    check('clicking a relation link selects its target', s.selected === target.id, `${s.selected} vs ${target.id}`);
  }

  // ---- Filters: only organisations; both views obey.
  const warnings = await page.evaluate(() => window.explorer.setFilters({ kinds: ['organisation'] }));
  await settle(page);
  s = await state(page);
  check('setFilters applies without warnings', warnings.length === 0, JSON.stringify(warnings));
  check('the filter leaves only organisations', s.visible.entities === organisations.length,
    `${s.visible.entities} vs ${organisations.length}`);
  await page.evaluate(() => window.explorer.setView('graph'));
  await page.waitForFunction(() => window.explorer.state().layout.settled, null, { timeout: 60000 });
  await settle(page);
  const graphPos = await page.evaluate(([p, o]) => [window.explorer.entityScreenPos(p), window.explorer.entityScreenPos(o)],
    [person.id, datedOrganisation.id]);
  check('the relationship view hides a filtered-out person and shows an organisation',
    graphPos[0] === null && graphPos[1] !== null, JSON.stringify(graphPos));
  await page.evaluate(() => window.explorer.setView('timeline'));
  await settle(page, 500);
  const timelinePos = await page.evaluate(([d]) => window.explorer.entityScreenPos(d), [datedDocument.id]);
  check('the timeline leaves a filtered-out document out', timelinePos === null, JSON.stringify(timelinePos));
  await page.evaluate(() => window.explorer.setFilters(null));
  await settle(page);
  s = await state(page);
  check('clearing the filters shows everything again', s.visible.entities === corpus.entities.length, String(s.visible.entities));

  // ---- Paths: Macmillan to NHS England.
  await page.evaluate(() => { window.explorer.select('org-macmillan'); window.explorer.setPath('org-nhs-england'); });
  await settle(page);
  const paths = await page.evaluate(() => window.explorer.paths());
  check('connections are found between Macmillan and NHS England',
    paths.length > 0 && paths[0].ids[0] === 'org-macmillan' && paths[0].ids.at(-1) === 'org-nhs-england',
    JSON.stringify(paths[0]));
  check('a connection reads as a chain', paths.length > 0 && /Macmillan Cancer Support — .* (→|—) /.test(paths[0].text),
    paths.length ? paths[0].text : '');

  // ---- Deep link: set up a view, open its URL in a fresh page, compare.
  await page.evaluate(() => {
    window.explorer.setPath(null);
    window.explorer.select('org-nhs-england');
    window.explorer.setView('graph');
    window.explorer.setAsOf('2015-06-01');
    window.explorer.setFilters({ kinds: ['organisation', 'document'], from: '2010-01-01' });
  });
  // The hash is written a moment after the last change.
  await page.waitForFunction(() => location.hash === window.explorer.link(), null, { timeout: 10000 }).catch(() => {});
  const link = page.url();
  const before = await state(page);
  check('the URL hash carries the view', /#.*sel=org-nhs-england/.test(link) && /asof=2015-06-01/.test(link), link);
  const fresh = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const freshErrors = watchErrors(fresh);
  await fresh.goto(link);
  await fresh.evaluate(() => window.explorer.ready);
  await settle(fresh, 600);
  const after = await state(fresh);
  const same = (k) => JSON.stringify(before[k]) === JSON.stringify(after[k]);
  check('a deep link restores selection, view, as-of date and filters in a fresh page',
    ['selected', 'view', 'asOf', 'filters', 'visible'].every(same),
    JSON.stringify(['selected', 'view', 'asOf', 'filters', 'visible'].filter((k) => !same(k)).map((k) => [k, before[k], after[k]])));
  check('no errors on the deep-linked page', freshErrors.length === 0, freshErrors.join('\n'));
  // A damaged link: bad fields are ignored with a warning, the rest applies.
  const damaged = await browser.newPage();
  const warned = [];
  damaged.on('console', (m) => { if (m.type() === 'warning') warned.push(m.text()); });
  await damaged.goto(url + '#v=1&view=timeline&sel=org-no-such&asof=2014-02-30&kinds=organisation,wizards');
  await damaged.evaluate(() => window.explorer.ready);
  await settle(damaged);
  const ds = await state(damaged);
  check('a damaged link applies its good fields', ds.view === 'timeline' && ds.filters.kinds.join() === 'organisation', JSON.stringify(ds.filters));
  check('a damaged link warns about each bad field', warned.length >= 3, warned.join(' | '));

  // ---- Back and forward step through selections.
  const linkWritten = () => page.waitForFunction(() => location.hash === window.explorer.link(), null, { timeout: 10000 });
  await page.evaluate(() => { window.explorer.setFilters(null); window.explorer.setAsOf(null); window.explorer.select('org-macmillan'); });
  await linkWritten();
  await page.evaluate(() => window.explorer.select('org-nhs-england'));
  await linkWritten();
  await page.goBack();
  await settle(page, 500);
  const back = await state(page);
  await page.goForward();
  await settle(page, 500);
  const fwd = await state(page);
  check('back returns to the previous selection', back.selected === 'org-macmillan', back.selected);
  check('forward returns to the next selection', fwd.selected === 'org-nhs-england', fwd.selected);

  await page.screenshot({ path: path.join(artifacts, 'explore.png') });
  check('no page errors or console errors', errors.length === 0, errors.join('\n'));
} finally {
  await browser.close();
  server.close();
}
finish();
