// Real-browser test of comparing two dates in the app (issue 22): the ☰ menu's "Compare two dates" opens
// the Compare tab by real clicks, typed dates (2013 and 2023) compare, the list tells the change from
// clinical commissioning groups to integrated care boards, clicking a line selects what changed (the
// relationship view labels a renamed body "old → new"), and a deep link with cmp= opens a comparison.
//   node tests/browser/compare-ui.mjs --site build/web/site --artifacts build/test-artifacts
import path from 'node:path';
import { startServer } from '../../tools/serve.mjs';
import { checker, control, launch, testOptions, until, watchErrors } from './browser.mjs';

const { site, artifacts } = testOptions(process.argv);
const { check, finish } = checker();
const { server, url } = await startServer(site);
const browser = await launch();

const centre = (r) => [r.x + r.w / 2, r.y + r.h / 2];
// The Compare tab's line for `id`, scrolling the drawer with the wheel as a reader would until it shows.
async function changeLine(page, id) {
  const find = () => page.evaluate((i) => window.explorer.detailLinks().find((l) => l.role === 'change' && l.id === i) || null, id);
  const drawer = await page.evaluate(() => window.explorer.layoutRects().details);
  for (let i = 0; i < 60 && drawer; ++i) {
    const line = await find();
    // Fully in the drawer (not under its bottom edge).
    if (line && line.y < drawer.y + drawer.h - 12) return line;
    await page.mouse.move(drawer.x + drawer.w / 2, drawer.y + drawer.h / 2);
    await page.mouse.wheel(0, 120);
    await page.waitForTimeout(80);
  }
  return find();
}

try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = watchErrors(page);
  await page.goto(url);
  await page.evaluate(() => window.explorer.ready);
  const state = () => page.evaluate(() => window.explorer.state());
  check('no comparison at first', (await state()).compare === null);

  // ---- Open Compare from the menu, by clicks.
  const menu = await control(page, 'menu');
  check('the menu button is drawn', !!menu);
  await page.mouse.click(...centre(menu));
  const item = await control(page, 'menu:compare');
  check('the menu offers "Compare two dates"', !!item);
  await page.mouse.click(...centre(item));
  const first = await control(page, 'compare:first');
  check('the Compare tab opens in the drawer', !!first && !!(await page.evaluate(() => window.explorer.layoutRects().details)));

  // ---- Type the two dates, then Compare.
  await page.mouse.click(...centre(first));
  await page.keyboard.type('2013-04-01', { delay: 20 });
  const second = await control(page, 'compare:second');
  await page.mouse.click(...centre(second));
  await page.keyboard.type('2023-04-01', { delay: 20 });
  await page.mouse.click(...centre(await control(page, 'compare:go')));
  const cmp = await until(page, () => window.explorer.state().compare);
  check('the dates typed are compared', cmp && cmp.first === '2013-04-01' && cmp.second === '2023-04-01', JSON.stringify(cmp && [cmp.first, cmp.second]));
  check('comparing shows the relationship view', (await state()).view === 'graph');
  const said = await until(page, () => { const t = document.getElementById('status').textContent; return t.startsWith('Comparing') ? t : null; });
  check('screen readers hear the comparison', cmp && said === `Comparing 1 Apr 2013 with 1 Apr 2023: ${cmp.changes.length} changes, listed in the Compare tab`, said);
  check('the link holds the comparison', (await page.evaluate(() => window.explorer.link())).includes('cmp=2013-04-01~2023-04-01'));
  const ccgs = cmp && cmp.changes.find((c) => c.id === 'org-ccgs');
  check('the list tells CCGs gave way to ICBs, with sources',
    ccgs && ccgs.to === 'org-icbs' && /^Clinical commissioning groups: ended 30 Jun 2022, succeeded by Integrated care boards$/.test(ccgs.text) &&
    ccgs.sources.length > 0, JSON.stringify(ccgs));

  // ---- Its line in the drawer is a link: clicking it selects the CCGs, and the list stays.
  const line = await changeLine(page, 'org-ccgs');
  check('the CCG line is drawn as a link', !!line, JSON.stringify(line));
  if (line) await page.mouse.click(line.x, line.y);
  const selected = await until(page, () => window.explorer.state().selected === 'org-ccgs');
  check('clicking the line selects the CCGs', !!selected, (await state()).selected);
  check('the Compare list stays open', (await page.evaluate(() => window.explorer.detailLinks().filter((l) => l.role === 'change').length)) > 0);
  // The legend, opened by its button, explains the marks; no label goes under it.
  const button = await page.evaluate(() => window.explorer.layoutRects().legend);
  await page.mouse.click(...centre(button));
  const legend = await until(page, (h) => { const l = window.explorer.layoutRects().legend; return l && l.h > h ? l : null; }, button.h);
  check('the legend opens to explain the marks', legend && legend.h > 200, JSON.stringify(legend));
  const under = await page.evaluate((l) => window.explorer.labels().filter((b) =>
    b.x < l.x + l.w && l.x < b.x + b.w && b.y < l.y + l.h && l.y < b.y + b.h).map((b) => b.id), legend);
  check('no label under the legend', legend && under.length === 0, JSON.stringify(under));

  // ---- The renamed Department: its line selects the new name, labelled "old → new".
  const renamed = await changeLine(page, 'org-dhsc');
  check('the renaming is a line that selects the new name', !!renamed);
  if (renamed) await page.mouse.click(renamed.x, renamed.y);
  check('clicking it selects the Department under its new name', !!(await until(page, () => window.explorer.state().selected === 'org-dhsc')));
  const label = await until(page, () => window.explorer.labels().find((l) => l.id === 'org-dhsc'));
  check('the graph labels it "old → new"', label && label.text === 'Department of Health \u2192 Department of Health and Social Care',
    JSON.stringify(label));
  const labels = await page.evaluate(() => window.explorer.labels());
  const overlaps = [];
  for (let i = 0; i < labels.length; ++i)
    for (let j = i + 1; j < labels.length; ++j) {
      const a = labels[i], b = labels[j];
      if (a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h) overlaps.push(`${a.id}/${b.id}`);
    }
  check('no two labels overlap while comparing', overlaps.length === 0, overlaps.join(' '));
  await page.screenshot({ path: path.join(artifacts, 'compare-ui-1280x800.png') });

  // ---- A deep link with a comparison opens it, the list beside the picture; a bad one warns.
  const other = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors2 = watchErrors(other);
  await other.goto(`${url}#v=1&view=graph&cmp=2023~2013`);
  await other.evaluate(() => window.explorer.ready);
  const linked = await until(other, () => window.explorer.state().compare);
  check('a link opens its comparison (a year at its end, in order)',
    linked && linked.first === '2013-12-31' && linked.second === '2023-12-31', JSON.stringify(linked && [linked.first, linked.second]));
  check('and its list in the drawer', !!(await until(other, () => window.explorer.detailLinks().some((l) => l.role === 'change'))));
  // The "as of" cursor (dragged on the timeline's axis) gives the first date by the button beside it.
  await other.evaluate(() => window.explorer.setAsOf('2016-04-01'));
  const useAsOf = await control(other, 'compare:first-asof');
  check('the "as of" date is offered', !!useAsOf);
  if (useAsOf) await other.mouse.click(...centre(useAsOf));
  await other.mouse.click(...centre(await control(other, 'compare:go')));
  const fromAsOf = await until(other, () => { const c = window.explorer.state().compare; return c && c.first === '2016-04-01' ? c : null; });
  check('and compares from it', fromAsOf && fromAsOf.second === '2023-12-31', JSON.stringify(fromAsOf && [fromAsOf.first, fromAsOf.second]));
  const warnings = await other.evaluate(() => window.explorer.openLink('#v=1&view=graph&cmp=2013'));
  check('a bad cmp warns, saying where and what', warnings.some((w) => /^cmp: expected two dates/.test(w)), JSON.stringify(warnings));
  check('no page errors', errors.length === 0 && errors2.length === 0, errors.concat(errors2).join('\n'));
} finally {
  await browser.close();
  server.close();
}
finish();
