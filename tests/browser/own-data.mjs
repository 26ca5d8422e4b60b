// Your own data, from a spreadsheet, in a real browser, by real clicks and keys: the menu's "Paste from
// spreadsheet", a charity's cells pasted into the box with Ctrl+V (and a sheet typed key by key), Read, the review screen, "Add to the map"; the
// imported organisation on the map with its relation to NHS England, drawn in the graph, marked as yours;
// then the one-file explorer made from that page, opened from a file:// address, still has it.
// Cancel and a refused sheet (a relation to nobody) change nothing. Also the page API (importTable,
// importCsv with options) and ?data=URL&merge=1.
//   node tests/browser/own-data.mjs --site build/web/site --artifacts build/test-artifacts
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startServer } from '../../tools/serve.mjs';
import { checker, control, launch, testOptions, watchErrors, fromMenu } from './browser.mjs';

const { site, artifacts } = testOptions(process.argv);
const { check, finish } = checker();
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const sheets = path.join(repo, 'tests', 'data', 'sheets');
const charityOrgs = fs.readFileSync(path.join(sheets, 'charity-organisations.csv'), 'utf8');
const charityRels = fs.readFileSync(path.join(sheets, 'charity-relations.csv'), 'utf8');

// What a small charity keeps: who they work with, as cells copied from their spreadsheet (tab-separated)
// and pasted with Ctrl+V (a list of relations; the organisations named only here are added).
const pasted = [
  'From\tTo\tType\tStart\tEnd\tNotes',
  'Helping Hands Trust\tNHS England\tworks with\tApril 2023\t\tDischarge support pilot',
  'Helping Hands Trust\tCamden Befriending Circle\tpartner\t2021\t\t',
].join('\n');
const refused = 'From,To,Type\nHelping Hands Trust,,partner';

const { server, url } = await startServer(site);
const browser = await launch();
const centre = (r) => [r.x + r.w / 2, r.y + r.h / 2];
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });
  const page = await context.newPage();
  const errors = watchErrors(page);
  const state = () => page.evaluate(() => window.explorer.state());
  const until = (fn, arg, timeout = 15000) => page.waitForFunction(fn, arg, { timeout }).then(() => true, () => false);
  await page.goto(url);
  await page.evaluate(() => window.explorer.ready);
  const before = await state();

  // Opens "Paste from spreadsheet" from the overflow menu, by clicks; true when the box is up.
  const openPasteBox = () => fromMenu(page, 'menu:paste', ['paste:field', 'paste:read']);
  // Puts a sheet into the box (replacing what is there), pasted from the clipboard with Ctrl+V or typed
  // key by key, and presses Read; the characters the box holds.
  async function pasteAndRead(text, how) {
    const seen = (await state()).frames;
    await page.mouse.click(...centre(await control(page, 'paste:field')));
    await until((f) => window.explorer.state().frames >= f + 2, seen, 4000);
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Delete');
    if (how === 'paste') {
      await page.evaluate((t) => navigator.clipboard.writeText(t), text);
      await page.keyboard.press('Control+v');
    } else {
      await page.keyboard.type(text, { delay: 5 });
    }
    // Dear ImGui takes one key a frame: the box holds it all some frames after the last key.
    await until((n) => window.explorer.state().pasteTable.chars === n, text.length, 90000);
    const chars = (await state()).pasteTable.chars;
    await page.mouse.click(...centre(await control(page, 'paste:read')));
    return chars;
  }

  // ---- Paste, Read, the review, Add to the map.
  check('the menu opens "Paste from spreadsheet"', await openPasteBox(),
    JSON.stringify(await page.evaluate(() => window.explorer.controls().map((c) => c.name))));
  const typed = await pasteAndRead(pasted, 'paste');
  await page.evaluate(() => window.explorer.setView('graph'));
  check('cells copied from a spreadsheet paste into the box with Ctrl+V', typed === pasted.length,
    `${typed} of ${pasted.length} characters`);
  const add = await control(page, 'review:add');
  let s = await state();
  const review = s.importReview;
  check('Read shows the review of what was understood',
    review && review.ok && review.counts.relations === 2 && review.counts.organisations === 2 &&
      s.pasteTable === null && s.entities === before.entities,
    JSON.stringify(review && { ok: review.ok, counts: review.counts, headline: review.review.headline }));
  check('the review names NHS England as already on the map',
    review && review.review.onMap.some((j) => j.id === 'org-nhs-england'), JSON.stringify(review && review.review.onMap));
  await page.screenshot({ path: path.join(artifacts, 'own-data-review.png') });
  await page.mouse.click(...centre(add));
  await until((n) => window.explorer.state().entities === n && window.explorer.state().importReview === null,
    before.entities + 2);
  s = await state();
  check('Add to the map keeps the map and adds the organisations', s.entities === before.entities + 2 &&
    s.relations === before.relations + 2 && s.importReview === null, `${s.entities} ${s.relations}`);
  const mine = await page.evaluate(() => {
    const c = window.explorer.corpus();
    const org = c.entities.find((e) => e.name === 'Helping Hands Trust');
    const rel = org && c.relations.find((r) => r.from === org.id && r.to === 'org-nhs-england');
    return { org, rel, nhse: window.explorer.entity('org-nhs-england') };
  });
  check('the imported organisation is on the map, marked as yours, with a relation to NHS England',
    mine.org && mine.org.own === true && mine.rel && mine.rel.own === true && mine.nhse && !mine.nhse.own,
    JSON.stringify(mine).slice(0, 400));
  await page.evaluate((id) => window.explorer.select(id), mine.org && mine.org.id);
  const drawn = await until((id) => window.explorer.entityScreenPos(id) !== null, mine.org && mine.org.id);
  check('it is drawn in the graph once selected', drawn);
  await page.waitForTimeout(500);
  await page.screenshot({ path: path.join(artifacts, 'own-data-added.png') });
  const legend = await page.evaluate(() => window.explorer.layoutRects().legend);
  check('the legend is there to say how your data is marked', legend !== null);

  // ---- Published: the one-file explorer made now carries the pasted data, and works from disk.
  const html = await page.evaluate(() => window.explorer.exportText('html'));
  const oneFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'own-data-')), 'explorer.html');
  fs.writeFileSync(oneFile, html);
  const disk = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const fromDisk = await disk.newPage();
  const diskErrors = watchErrors(fromDisk);
  await fromDisk.goto(pathToFileURL(oneFile).href);
  await fromDisk.evaluate(() => window.explorer.ready);
  const there = await fromDisk.evaluate((id) => {
    const c = window.explorer.corpus();
    const org = c.entities.find((e) => e.id === id);
    return { org, toNhse: c.relations.some((r) => r.from === id && r.to === 'org-nhs-england'),
      found: window.explorer.search('Helping Hands Trust', 3).map((r) => r.id), protocol: location.protocol };
  }, mine.org && mine.org.id);
  check('the one-file explorer opened from a file:// address has the pasted organisation, yours, linked to NHS England',
    there.protocol === 'file:' && there.org && there.org.own === true && there.toNhse && there.found[0] === (mine.org && mine.org.id),
    JSON.stringify(there).slice(0, 300));
  check('the one-file explorer opens from disk without errors', diskErrors.length === 0, diskErrors.join('\n'));
  await disk.close();

  // ---- Cancel: a sheet opened as a file goes to the review; Cancel changes nothing.
  await page.evaluate(() => window.explorer.setFilters({ kinds: ['organisation'] }));
  const kept = await state();
  await page.setInputFiles('input[type=file]', path.join(sheets, 'charity-organisations.csv'));
  const cancel = await control(page, 'review:cancel');
  s = await state();
  check('a .csv file opened goes to the review, not straight in',
    s.importReview && s.importReview.ok && s.entities === kept.entities, JSON.stringify(s.importReview && s.importReview.counts));
  await page.mouse.click(...centre(cancel));
  await until(() => window.explorer.state().importReview === null);
  s = await state();
  check('Cancel changes nothing: corpus, selection and filters kept', s.importReview === null &&
    s.entities === kept.entities && s.relations === kept.relations && s.selected === kept.selected &&
    JSON.stringify(s.filters) === JSON.stringify(kept.filters), `${s.entities} ${s.selected}`);

  // ---- A refused sheet: a relation to nobody. The review lists the error; the map stays.
  check('the paste box opens again', await openPasteBox());
  const typedRefused = await pasteAndRead(refused, 'type');
  check('a sheet typed key by key goes into the box', typedRefused === refused.length, `${typedRefused} of ${refused.length}`);
  await control(page, 'review:cancel');
  s = await state();
  check('a relation to nobody is refused, with where it is',
    s.importReview && !s.importReview.ok && !s.importReview.adopted,
    JSON.stringify(s.importReview && s.importReview.errors));
  check('the error says file:line:column', s.importReview && s.importReview.errors.some((e) => /^pasted table:2:\d+/.test(e.text)),
    JSON.stringify(s.importReview && s.importReview.errors));
  await page.keyboard.press('Enter');  // with errors the default is Cancel
  await until(() => window.explorer.state().importReview === null);
  s = await state();
  check('the refused sheet leaves the map intact', s.importReview === null && s.entities === kept.entities &&
    s.relations === kept.relations && s.selected === kept.selected, `${s.entities} ${s.relations}`);

  // ---- The page API: importTable refused, importCsv with options added to the map.
  const bad = await page.evaluate((t) => window.explorer.importTable(t, { merge: true }), refused);
  s = await state();
  check('explorer.importTable refuses a relation to nobody and changes nothing',
    !bad.ok && !bad.adopted && bad.errors.length > 0 && s.entities === kept.entities, JSON.stringify(bad.errors));
  await page.evaluate(() => window.explorer.setFilters(null));
  const added = await page.evaluate(([e, r]) => window.explorer.importCsv(e, r, { merge: true }), [charityOrgs, charityRels]);
  s = await state();
  const camden = await page.evaluate(() => {
    const c = window.explorer.corpus();
    const org = c.entities.find((e) => e.name === 'Camden Carers Centre');
    return { org, toNhse: org && c.relations.some((r) => r.from === org.id && r.to === 'org-nhs-england') };
  });
  check('explorer.importCsv(e, r, {merge: true}) adds a charity\'s two sheets to the map',
    added.ok && added.adopted && added.counts.relations === 5 && added.warnings.length > 0 && s.entities > kept.entities &&
      camden.org && camden.org.own && camden.toNhse && camden.org.url === 'www.camdencarers.org.uk',
    JSON.stringify({ ok: added.ok, counts: added.counts, camden }).slice(0, 500));
  const yours = await page.evaluate(() => { window.explorer.setFilters({ origins: ['own'] }); return window.explorer.state(); });
  const ownCount = await page.evaluate(() => {
    const c = window.explorer.corpus();
    const own = new Set(c.entities.filter((e) => e.own).map((e) => e.id));
    for (const r of c.relations) if (r.own) { own.add(r.from); own.add(r.to); }
    return own.size;
  });
  check('the "Your data" filter shows your items and the map\'s entities they attach to',
    yours.visible.entities === ownCount && ownCount < s.entities, `${yours.visible.entities} vs ${ownCount}`);
  await page.evaluate(() => window.explorer.setFilters(null));
  await page.evaluate((id) => window.explorer.select(id), camden.org && camden.org.id);
  check('the details show its web address as a link', await until(() =>
    window.explorer.detailLinks().some((l) => l.role === 'address' && /camdencarers/.test(l.address))),
  JSON.stringify(await page.evaluate(() => window.explorer.detailLinks())));
  check('no page errors or console errors', errors.length === 0, errors.join('\n'));
  await page.close();

  // ---- ?data=URL&merge=1: a sheet at an address of the site, added to the bundled corpus at start.
  const page2 = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors2 = watchErrors(page2);
  await page2.route('**/own-partners.csv', (route) => route.fulfill({ status: 200, contentType: 'text/csv', body: pasted }));
  await page2.goto(url + '?data=own-partners.csv&merge=1&view=graph');
  await page2.evaluate(() => window.explorer.ready);
  const boot = await page2.evaluate(() => {
    const c = window.explorer.corpus();
    const org = c.entities.find((e) => e.name === 'Helping Hands Trust');
    return { entities: window.explorer.state().entities, own: !!(org && org.own),
      rel: !!(org && c.relations.some((r) => r.from === org.id && r.to === 'org-nhs-england')) };
  });
  check('?data=URL&merge=1 adds a sheet to the bundled corpus', boot.entities === before.entities + 2 && boot.own && boot.rel,
    JSON.stringify(boot));

  // ... and a corpus file of one's own items: added, NHS England joined rather than copied.
  const ownItems = fs.readFileSync(path.join(repo, 'tests', 'data', 'own-items.json'), 'utf8');
  await page2.route('**/own-items.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: ownItems }));
  await page2.goto(url + '?data=own-items.json&merge=1');
  await page2.evaluate(() => window.explorer.ready);
  const bootJson = await page2.evaluate(() => {
    const c = window.explorer.corpus();
    return { entities: c.entities.length, nhse: c.entities.filter((e) => e.name === 'NHS England').length,
      own: c.entities.filter((e) => e.own).map((e) => e.name) };
  });
  check('?data=corpus.json&merge=1 adds a corpus file, joining NHS England', bootJson.nhse === 1 &&
    bootJson.own.includes('Age Concern Camden') && bootJson.entities > before.entities, JSON.stringify(bootJson));
  check('no page errors with ?data=&merge=1', errors2.length === 0, errors2.join('\n'));
} finally {
  await browser.close();
  server.close();
}
finish();
