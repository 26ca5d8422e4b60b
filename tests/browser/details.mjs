// The details panel in a real browser: a new selection opens it at the top; each relation target is
// listed once per relation type; long links are elided with an ellipsis; source addresses open in a
// new tab (http and https only); quotes show their markdown emphasis as emphasis, not asterisks.
//   node tests/browser/details.mjs --site build/web/site --artifacts build/test-artifacts
import fs from 'node:fs';
import path from 'node:path';
import { startServer } from '../../tools/serve.mjs';
import { checker, launch, testOptions, watchErrors } from './browser.mjs';

const { site, artifacts } = testOptions(process.argv);
const { check, finish } = checker();
const corpus = JSON.parse(fs.readFileSync(path.join(site, 'data', 'corpus.json'), 'utf8'));
const byId = new Map(corpus.entities.map((e) => [e.id, e]));
const { server, url } = await startServer(site);
const browser = await launch();
const settle = (page, ms = 400) => page.waitForTimeout(ms);
const links = (page) => page.evaluate(() => window.explorer.detailLinks());
const relationLinks = async (page) => (await links(page)).filter((l) => l.role === 'relation');

// Relation entries the panel should list for an entity: one per (type, direction, other end).
function expectedEntries(id) {
  const keys = new Set();
  for (const r of corpus.relations) {
    if (r.from === id) keys.add(`${r.type}>${r.to}`);
    if (r.to === id) keys.add(`${r.type}<${r.from}`);
  }
  return keys.size;
}

try {
  // ---- One entry per target: DHSC hears from NHS England twice under "works with this".
  const tall = await browser.newPage({ viewport: { width: 1280, height: 1500 } });
  const tallErrors = watchErrors(tall);
  await tall.goto(url + '#view=timeline');
  await tall.evaluate(() => window.explorer.ready);
  const twice = corpus.relations.filter((r) => r.from === 'org-nhs-england' && r.to === 'org-dhsc' && r.type === 'works-with');
  check('the corpus has two works-with relations from NHS England to DHSC (the case this checks)', twice.length === 2,
    String(twice.length));
  await tall.evaluate(() => window.explorer.select('org-dhsc'));
  await settle(tall);
  const dhsc = await relationLinks(tall);
  check('DHSC lists each relation target once per relation type', dhsc.length === expectedEntries('org-dhsc'),
    `${dhsc.length} links, ${expectedEntries('org-dhsc')} distinct targets per type, ${corpus.relations.filter((r) => r.from === 'org-dhsc' || r.to === 'org-dhsc').length} relations`);
  await tall.screenshot({ path: path.join(artifacts, 'details-dhsc.png') });
  check('no page errors or console errors (tall page)', tallErrors.length === 0, tallErrors.join('\n'));
  await tall.close();

  // ---- Scroll: a new selection opens the panel at its top.
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = watchErrors(page);
  await page.goto(url + '#view=timeline');
  await page.evaluate(() => window.explorer.ready);
  await page.evaluate(() => window.explorer.select('org-dhsc'));
  await settle(page);
  const fresh = (await relationLinks(page))[0];
  await page.evaluate(() => window.explorer.select('org-nhs-england'));
  await settle(page);
  const before = (await relationLinks(page))[0];
  await page.mouse.move(before.x, before.y);
  for (let i = 0; i < 4; ++i) { await page.mouse.wheel(0, 200); await page.waitForTimeout(80); }
  await settle(page);
  const scrolled = await relationLinks(page);
  const moved = scrolled.length === 0 || scrolled[0].id !== before.id || scrolled[0].y < before.y - 100;
  check('the wheel scrolls the details panel', moved, JSON.stringify([before, scrolled[0]]));
  await page.evaluate(() => window.explorer.select('org-dhsc'));
  await settle(page);
  const reopened = (await relationLinks(page))[0];
  check('a new selection opens the details at the top', reopened && fresh && reopened.id === fresh.id &&
    Math.abs(reopened.y - fresh.y) < 1.5, JSON.stringify([fresh, reopened]));

  // ---- Addresses: a web address opens in a new tab; the address is elided in a narrow panel.
  const withAddress = corpus.entities.find((e) => (e.citations || []).some((c) => {
    const s = corpus.sources.find((x) => x.id === c.source);
    return s && /^https?:\/\//.test(s.url || '');
  }));
  await page.evaluate((id) => window.explorer.select(id), withAddress.id);
  await settle(page);
  // Bring the Sources section into view.
  await page.mouse.move(1100, 500);
  for (let i = 0; i < 10 && !(await links(page)).some((l) => l.role === 'address'); ++i) {
    await page.mouse.wheel(0, 200);
    await page.waitForTimeout(120);
  }
  const address = (await links(page)).find((l) => l.role === 'address');
  check('a source address is drawn as a link', !!address && /^https?:\/\//.test(address.address), JSON.stringify(address));
  if (address) {
    const context = page.context();
    await context.route(/^https?:\/\/(?!localhost|127\.0\.0\.1)/, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<title>source</title>' }));
    const popupP = context.waitForEvent('page', { timeout: 5000 }).catch(() => null);
    await page.mouse.move(address.x, address.y);
    await settle(page, 150);
    await page.mouse.down();
    await page.mouse.up();
    const popup = await popupP;
    if (popup) await popup.waitForLoadState('domcontentloaded').catch(() => {});
    check('clicking it opens the address in a new tab', !!popup && popup.url() === new URL(address.address).href,
      popup ? popup.url() : 'no new tab');
    const opener = popup ? await popup.evaluate(() => window.opener === null) : false;
    check('the new tab has no opener', opener, String(opener));
    if (popup) await popup.close();
  }
  check('no page errors or console errors', errors.length === 0, errors.join('\n'));

  // ---- Narrow: long link names end with an ellipsis and stay inside the panel.
  const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
  const phoneErrors = watchErrors(phone);
  await phone.goto(url + '#view=timeline&sel=org-nhs-england');
  await phone.evaluate(() => window.explorer.ready);
  await settle(phone);
  await phone.mouse.move(200, 760);
  let elided = [];
  for (let i = 0; i < 12 && elided.length === 0; ++i) {
    elided = (await relationLinks(phone)).filter((l) => l.label.endsWith('…'));
    if (!elided.length) { await phone.mouse.wheel(0, 120); await phone.waitForTimeout(120); }
  }
  check('a long relation link is elided with an ellipsis', elided.length > 0, JSON.stringify(await relationLinks(phone)));
  for (const l of elided) {
    const name = byId.get(l.id).name;
    check(`"${l.label}" is the start of "${name}"`, name.startsWith(l.label.slice(0, -1)) && l.label.length < name.length + 1);
    check(`"${l.label}" lies inside the screen`, l.x > 0 && l.x < 390, String(l.x));
  }
  await phone.screenshot({ path: path.join(artifacts, 'details-phone.png') });
  check('no page errors or console errors (phone)', phoneErrors.length === 0, phoneErrors.join('\n'));

  // ---- Only http and https addresses are links; markdown emphasis is drawn, not printed.
  const own = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const ownErrors = watchErrors(own);
  await own.goto(url + '#view=timeline');
  await own.evaluate(() => window.explorer.ready);
  const result = await own.evaluate(() => window.explorer.load({
    format: '1.0', title: 'Addresses',
    sources: [
      { id: 'src-js', title: 'Script', publisher: 'P', url: 'javascript:alert(1)' },
      { id: 'src-web', title: 'Web', publisher: 'P', url: 'https://example.org/a' },
    ],
    entities: [{ id: 'org-a', kind: 'organisation', type: 'charity', name: 'A',
      citations: [{ source: 'src-js', quote: 'the **bold** words' }, { source: 'src-web', quote: 'an *italic* one' }] }],
    relations: [], events: [],
  }));
  check('a corpus with a javascript: address loads', result.ok, JSON.stringify(result.errors));
  await own.evaluate(() => window.explorer.select('org-a'));
  await settle(own);
  const ownLinks = (await links(own)).filter((l) => l.role === 'address');
  check('only the https address is a link', ownLinks.length === 1 && ownLinks[0].address === 'https://example.org/a',
    JSON.stringify(ownLinks));
  await own.evaluate(() => window.explorer.request('open-url javascript:alert(1)'));
  await settle(own, 200);
  check('the page refuses to open a javascript: address', own.context().pages().length === 1,
    String(own.context().pages().length));
  await own.screenshot({ path: path.join(artifacts, 'details-emphasis.png') });
  check('no page errors or console errors (own corpus)', ownErrors.length === 0, ownErrors.join('\n'));
} finally {
  await browser.close();
  server.close();
}
finish();
