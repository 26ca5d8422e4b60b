// Real-browser test of the screen-reader mirror (web/a11y-mirror.js): the skip link comes first and
// moves focus to the text outline; the outline lists every entity by kind; selections are announced
// in the aria-live region; corpus text containing HTML stays text; and an axe-core audit (from npm)
// finds no serious or critical violations.
//   node tests/browser/a11y.mjs --site build/web/site --artifacts build/test-artifacts
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { startServer } from '../../tools/serve.mjs';
import { checker, launch, testOptions, watchErrors } from './browser.mjs';

const { site, artifacts } = testOptions(process.argv);
const { check, finish } = checker();
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

const corpus = JSON.parse(fs.readFileSync(path.join(site, 'data', 'corpus.json'), 'utf8'));
const { server, url } = await startServer(site);
const browser = await launch();
const live = (page) => page.evaluate(() => document.getElementById('status').textContent);

// Runs axe-core on the page; returns the serious and critical violations, one line each.
async function audit(page) {
  if (!(await page.evaluate(() => !!window.axe))) await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.length}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')})`);
}

try {
  // bypassCSP: the page's policy forbids the inline script by which axe-core is injected.
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, bypassCSP: true })).newPage();
  const errors = watchErrors(page);
  await page.goto(url);
  await page.evaluate(() => window.explorer.ready);

  // Keyboard: the first Tab reaches the skip link; Enter moves focus into the outline.
  await page.keyboard.press('Tab');
  const first = await page.evaluate(() => ({ id: document.activeElement.id, text: document.activeElement.textContent }));
  check('the skip link is first in tab order', first.id === 'skip-to-outline' && first.text === 'Skip to text outline', JSON.stringify(first));
  await page.keyboard.press('Enter');
  const focused = await page.evaluate(() => document.activeElement.id);
  check('the skip link moves focus to the outline', focused === 'outline', focused);
  const hash = await page.evaluate(() => location.hash);
  check('the skip link leaves the URL hash (deep links) alone', !hash.includes('outline'), hash);
  await page.evaluate(() => window.explorer.outlineReady());
  const box = await page.locator('#outline').boundingBox();
  check('the outline is shown while it has focus', box && box.width > 200 && box.height > 200, JSON.stringify(box));
  await page.screenshot({ path: path.join(artifacts, 'a11y-outline.png') });

  // Closed, the outline is out of the tab order; Tab in the canvas stays in the app; Esc then Tab (or
  // Shift+Tab) leaves it, and a key between Esc and Tab cancels that.
  await page.locator('#canvas').focus();
  const stops = await page.evaluate(() => [...document.querySelectorAll('#outline button, #outline a')]
    .filter((x) => x.tabIndex >= 0).length);
  check('the closed outline has no tab stops', stops === 0, String(stops));
  const active = () => page.evaluate(() => document.activeElement.id || document.activeElement.tagName);
  for (let i = 0; i < 3; ++i) await page.keyboard.press('Tab');
  check('Tab moves within the canvas', (await active()) === 'canvas', await active());
  await page.keyboard.press('Escape');
  await page.keyboard.press('x');
  await page.keyboard.press('Tab');
  check('a key between Esc and Tab keeps focus in the canvas', (await active()) === 'canvas', await active());
  await page.keyboard.press('Escape');
  await page.keyboard.press('Shift+Tab');
  check('Esc then Shift+Tab moves back to the skip link', (await active()) === 'skip-to-outline', await active());
  await page.locator('#canvas').focus();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  check('Esc then Tab leaves the canvas, past the closed outline', (await active()) === 'BODY', await active());
  check('the canvas tells how to leave it', /Escape, then Tab/.test(await page.evaluate(() =>
    document.getElementById(document.getElementById('canvas').getAttribute('aria-describedby')).textContent)));
  await page.evaluate(() => document.getElementById('skip-to-outline').click());
  await page.evaluate(() => window.explorer.outlineReady());
  const openStops = await page.evaluate(() => [...document.querySelectorAll('#outline button, #outline a')]
    .filter((x) => x.tabIndex < 0).length);
  check('the open outline has every button and link in the tab order', openStops === 0, String(openStops));

  // The outline lists every entity, grouped by kind.
  const state = await page.evaluate(() => window.explorer.state());
  const listed = await page.evaluate(() => {
    const byKind = {};
    for (const s of document.querySelectorAll('#outline-body section')) {
      byKind[s.querySelector('h3').id.replace('outline-kind-', '')] = s.querySelectorAll('li.outline-entity').length;
    }
    return { byKind, ids: [...document.querySelectorAll('li.outline-entity')].map((li) => li.id.replace('outline-item-', '')) };
  });
  const total = Object.values(state.counts).reduce((a, b) => a + b, 0);
  check('the outline has one item per entity', listed.ids.length === total && total === corpus.entities.length,
    `${listed.ids.length} vs ${total}`);
  check('the outline groups entities by kind as state().counts does',
    Object.entries(state.counts).every(([k, n]) => (listed.byKind[k] || 0) === n), JSON.stringify(listed.byKind));
  check('every entity of the corpus is in the outline', new Set(listed.ids).size === total &&
    corpus.entities.every((e) => listed.ids.includes(e.id)));
  const acevo = await page.evaluate(() => document.getElementById('outline-item-org-acevo').textContent);
  check('an item has its relations and citations as text', /→/.test(acevo) && /Citations \(\d+\)/.test(acevo) &&
    acevo.includes('Working in Partnership'), acevo.slice(0, 300));

  // Selections are announced.
  await page.evaluate(() => window.explorer.select('org-acevo'));
  const said = await live(page);
  check('selecting announces name, kind and dates', said.startsWith('Selected: Association of Chief Executives of Voluntary Organisations, organisation, membership body'),
    said);
  await page.locator('#outline-item-org-nhs-england button').click();
  const viaOutline = await page.evaluate(() => ({ sel: window.explorer.state().selected,
    current: document.querySelector('#outline-item-org-nhs-england button').getAttribute('aria-current') }));
  check('a button in the outline selects the entity', viaOutline.sel === 'org-nhs-england' && viaOutline.current === 'true', JSON.stringify(viaOutline));
  check('…and it is announced', (await live(page)).startsWith('Selected: NHS England, organisation'), await live(page));
  await page.evaluate(() => window.explorer.select(null));
  check('clearing the selection is announced', (await live(page)) === 'Selection cleared.', await live(page));
  await page.evaluate(() => window.explorer.announce('3 results for “mandate”'));
  check('explorer.announce(text) speaks through the live region', (await live(page)) === '3 results for “mandate”');
  check('the live region is polite', await page.evaluate(() => document.getElementById('status').getAttribute('aria-live')) === 'polite');

  // Audit with the outline open and again with focus back on the canvas.
  const open = await audit(page);
  check('axe: no serious or critical violations (outline open)', open.length === 0, '\n  ' + open.join('\n  '));
  await page.locator('#canvas').focus();
  const closed = await audit(page);
  check('axe: no serious or critical violations (outline closed)', closed.length === 0, '\n  ' + closed.join('\n  '));
  // The "Embed on your site" dialog (web/embed-dialog.js), open: a modal with labelled choices.
  await page.evaluate(() => window.explorer.request('embed-dialog'));
  await page.waitForSelector('#embed-dialog[open]', { timeout: 10000 });
  const dialog = await audit(page);
  check('axe: no serious or critical violations (embed dialog open)', dialog.length === 0, '\n  ' + dialog.join('\n  '));
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.getElementById('embed-dialog').open, null, { timeout: 5000 }).catch(() => {});

  // Corpus text that looks like HTML stays text, and a javascript: URL is not made a link.
  const evil = '<img id="injected" src="x" onerror="window.__xss = 1">Bad <b>bold</b>';
  const res = await page.evaluate((name) => window.explorer.load({
    format: '1.0', title: '<i>Tricky</i>',
    sources: [{ id: 'src-x', title: '<a href="https://evil.example">click</a>', publisher: '<u>P</u>', url: 'javascript:window.__xss=3' }],
    entities: [
      { id: 'org-x', kind: 'organisation', type: 'charity', name, description: '<script>window.__xss = 2</script>',
        citations: [{ source: 'src-x', quote: '<em>quoted</em>' }] },
      { id: 'org-y', kind: 'organisation', type: 'charity', name: 'Y', citations: [{ source: 'src-x', quote: 'y' }] }],
    relations: [{ id: 'rel-x', type: 'works-with', from: 'org-x', to: 'org-y', citations: [{ source: 'src-x', quote: 'x' }] }],
    events: [] }), evil);
  check('the tricky corpus loads', res.ok === true, JSON.stringify(res.errors));
  await page.evaluate(() => document.getElementById('skip-to-outline').click());
  await page.evaluate(() => window.explorer.outlineReady());
  const safe = await page.evaluate(() => ({
    injected: document.querySelectorAll('#injected, #outline img, #outline b, #outline script, #outline em, #outline u').length,
    name: document.querySelector('#outline-item-org-x button').textContent,
    desc: document.querySelector('#outline-item-org-x').textContent,
    links: [...document.querySelectorAll('#outline a')].map((a) => a.getAttribute('href')),
    xss: window.__xss,
    items: document.querySelectorAll('li.outline-entity').length,
  }));
  check('HTML in corpus text is shown as text, never parsed', safe.injected === 0 && safe.name === evil &&
    safe.desc.includes('<script>window.__xss = 2</script>') && safe.xss === undefined, JSON.stringify(safe));
  check('a javascript: source URL is not made a link', safe.links.length === 0, JSON.stringify(safe.links));
  check('the outline is rebuilt for a newly loaded corpus', safe.items === 2, String(safe.items));
  await page.evaluate(() => window.explorer.select('org-x'));
  check('the announcement carries the name as text', (await live(page)).startsWith('Selected: ' + evil), await live(page));
  const refused = await page.evaluate(() => window.explorer.load({ format: '1.0' }));
  check('a refused corpus is announced with its first problem', refused.ok === false &&
    (await live(page)).startsWith('The corpus was not loaded:'), await live(page));

  check('no page errors or console errors', errors.length === 0, errors.join('\n'));
} finally {
  await browser.close();
  server.close();
}
finish();
