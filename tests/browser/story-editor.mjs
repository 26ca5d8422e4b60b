// Making a story of one's own in a real browser, by clicks and keys: New story from the menu, three steps
// recorded from what is on screen (a search, a view and date changed, a node clicked in the graph),
// narration typed in place, a citation ticked, undo and redo with Ctrl+Z / Ctrl+Y; shared as a link,
// which a fresh page opens and plays, each step's state checked; a story file added to the corpus
// shown, and a bad one refused with nothing lost. Screenshots of the editor at 1280x720, in
// presentation mode too, checked for overlaps.
//   node tests/browser/story-editor.mjs --site build/web/site --artifacts build/test-artifacts
import fs from 'node:fs';
import path from 'node:path';
import { startServer } from '../../tools/serve.mjs';
import { checker, control, launch, testOptions, watchErrors } from './browser.mjs';

const { site, artifacts } = testOptions(process.argv);
const { check, finish } = checker();
const { server, url } = await startServer(site);
const browser = await launch();
// Generous waits: the machine is shared; conditions where there are any.
const settle = (page, ms = 250) => page.waitForTimeout(ms);
const until = (page, fn, arg, timeout = 8000) => page.waitForFunction(fn, arg, { timeout }).then(() => true, () => false);
const state = (page) => page.evaluate(() => window.explorer.state());
const draft = (page) => page.evaluate(() => JSON.parse(window.explorer.exportText('story') || 'null'));
const overlaps = (a, b) => a && b && a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

// Clicks one of the app's own controls by name (explorer.controls()), once it is drawn where it stays.
async function click(page, name) {
  const c = await control(page, name);
  if (!c) throw new Error(`no control "${name}" drawn`);
  // Down and up in separate frames, as a hand does.
  await page.mouse.move(c.x + Math.min(c.w / 2, 12), c.y + c.h / 2);
  await page.mouse.down();
  await settle(page, 80);
  await page.mouse.up();
  await settle(page);
}

// Types into one of the editor's text fields, then clicks the panel's top edge (its heading) so the
// field lets go of the keys (Escape would undo the typing).
async function type(page, field, text) {
  await click(page, field);
  await page.keyboard.press('Control+End');  // after what is there
  await page.keyboard.type(text, { delay: 40 });
  // Every key taken (a busy machine draws slowly) before the field lets go.
  await until(page, (t) => (window.explorer.exportText('story') || '').includes(t), text);
  const r = (await page.evaluate(() => window.explorer.layoutRects())).storyEditor;
  await page.mouse.click(r.x + r.w - 12, r.y + 10);
  await settle(page);
}

try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  const errors = watchErrors(page);
  await page.goto(url);
  await page.evaluate(() => window.explorer.ready);
  await page.evaluate(() => window.addEventListener('explorer:share', (e) => { window.sharedLink = e.detail.link; }));
  await settle(page);

  // ---- New story, from the menu.
  await click(page, 'menu');
  await click(page, 'menu:new-story');
  let rects = await page.evaluate(() => window.explorer.layoutRects());
  check('New story opens the editor', !!rects.storyEditor, JSON.stringify(rects.storyEditor));
  const storyId = (await draft(page)).id;
  await type(page, 'story-title', ' about NHS England');

  // ---- Step 1: the graph, NHS England found by search.
  await page.keyboard.press('3');
  await settle(page);
  // S (start the first story) does nothing while a story is being written.
  await page.keyboard.press('s');
  await settle(page, 300);
  check('S does not start a bundled story while the editor is open', (await state(page)).story === null,
    JSON.stringify((await state(page)).story));
  // A key typed before the search box has opened is lost on a busy machine: try again then.
  for (let tries = 0; tries < 3 && (await state(page)).selected !== 'org-nhs-england'; ++tries) {
    if (tries) await page.keyboard.press('Escape');
    await page.keyboard.press('/');
    await settle(page, 800);
    await page.keyboard.type('NHS England', { delay: 25 });
    await settle(page, 500);
    await page.keyboard.press('Enter');
    await until(page, () => window.explorer.state().selected === 'org-nhs-england', null, 3000);
  }
  await settle(page, 600);  // the search box closes
  const recorded = [];
  recorded.push(await state(page));
  await click(page, 'record');
  await type(page, 'narration', 'NHS England leads the NHS in England.');
  await click(page, 'citations');
  await click(page, 'cite:0');
  let d = await draft(page);
  check('Record adds a step showing the selection', d.steps.length === 1 && d.steps[0].focus[0] === 'org-nhs-england' &&
    d.steps[0].view === 'graph', JSON.stringify(d.steps[0]));
  check('the narration is typed in place', d.steps[0].narration === 'NHS England leads the NHS in England.', d.steps[0].narration);
  check('a citation ticked in the picker is the step\'s', (d.steps[0].citations || []).length === 1, JSON.stringify(d.steps[0].citations));
  check('the story title is typed in place', d.title === 'My story about NHS England', d.title);

  // Overlaps: the editor leaves the selected node and every label clear, and the details drawer.
  rects = await page.evaluate(() => window.explorer.layoutRects());
  const pos = await page.evaluate(() => window.explorer.entityScreenPos('org-nhs-england'));
  check('the editor does not cover the selection', pos && !overlaps(rects.storyEditor, { x: pos.x - 10, y: pos.y - 10, w: 20, h: 20 }),
    JSON.stringify([rects.storyEditor, pos]));
  const labels = await page.evaluate(() => window.explorer.labels());
  const under = labels.filter((l) => overlaps(l, rects.storyEditor));
  check('no graph label under the editor', under.length === 0, under.slice(0, 3).map((l) => l.text).join(', '));
  check('the editor sits beside the view, covering none of it', !overlaps(rects.storyEditor, rects.canvas) &&
    !overlaps(rects.storyEditor, rects.details), JSON.stringify([rects.storyEditor, rects.canvas]));
  await page.screenshot({ path: path.join(artifacts, 'story-editor-1280x720.png') });

  // ---- Step 2: the timeline at a date.
  await page.keyboard.press('2');
  await settle(page);
  await page.evaluate(() => window.explorer.setAsOf('2014-07-28'));
  await settle(page);
  recorded.push(await state(page));
  await click(page, 'record');
  await type(page, 'narration', 'In July 2014 it was still NHS England.');
  d = await draft(page);
  check('a second step records the view and the date', d.steps.length === 2 && d.steps[1].view === 'timeline' &&
    d.steps[1].asOf === '2014-07-28', JSON.stringify(d.steps[1]));

  // ---- Step 3: another node clicked in the graph.
  await page.keyboard.press('3');
  await settle(page, 800);
  const target = 'org-department-of-health';
  let tp = await page.evaluate((id) => window.explorer.entityScreenPos(id), target);
  let clicked = null;
  if (tp) {
    await page.mouse.click(tp.x, tp.y);
    await until(page, () => window.explorer.state().selected !== 'org-nhs-england');
    clicked = (await state(page)).selected;
  }
  check('a node clicked in the graph is selected', !!clicked && clicked !== 'org-nhs-england', String(clicked));
  // Two dates compared as well (a link with `cmp`): the step keeps the comparison.
  await page.evaluate(() => window.explorer.openLink(window.explorer.link() + '&cmp=2013~2023'));
  await until(page, () => window.explorer.state().compare !== null);
  await settle(page);
  recorded.push(await state(page));
  await click(page, 'record');
  await type(page, 'narration', 'Its sponsor department.');
  d = await draft(page);
  check('a step recorded while comparing keeps the two dates', d.steps.length === 3 &&
    d.steps[2].compare === '2013-12-31/2023-12-31' && !d.steps[1].compare, JSON.stringify(d.steps.map((s) => s.compare)));
  check('three steps, the last marked as citing nothing', d.steps.length === 3 && !(d.steps[2].citations || []).length,
    JSON.stringify(d.steps.map((s) => s.title)));

  // ---- Undo and redo from the keyboard.
  await page.keyboard.press('Control+z');
  await until(page, () => !window.explorer.exportText('story').includes('Its sponsor'));
  d = await draft(page);
  check('Ctrl+Z undoes the last edit (the narration typed)', d.steps.length === 3 && d.steps[2].narration === '', d.steps[2].narration);
  await page.keyboard.press('Control+z');
  await until(page, () => JSON.parse(window.explorer.exportText('story')).steps.length === 2);
  d = await draft(page);
  check('Ctrl+Z again undoes the Record', d.steps.length === 2, String(d.steps.length));
  await page.keyboard.press('Control+y');
  await settle(page);
  await page.keyboard.press('Control+y');
  await until(page, () => window.explorer.exportText('story').includes('Its sponsor'));
  d = await draft(page);
  check('Ctrl+Y redoes both', d.steps.length === 3 && d.steps[2].narration === 'Its sponsor department.', JSON.stringify(d.steps[2]));
  // Up moves the current step (the third) up a place; Undo button puts it back.
  await click(page, 'up');
  d = await draft(page);
  check('Up moves the step up', d.steps[1].narration === 'Its sponsor department.');
  await click(page, 'undo');
  d = await draft(page);
  check('the Undo button undoes the move', d.steps[2].narration === 'Its sponsor department.');

  // ---- Presentation mode: the editor still clear of the selection; a screenshot.
  await page.keyboard.press('p');
  await settle(page, 1200);
  rects = await page.evaluate(() => window.explorer.layoutRects());
  const ppos = await page.evaluate((id) => window.explorer.entityScreenPos(id), clicked || 'org-nhs-england');
  check('presentation: the editor does not cover the selection', !ppos || !overlaps(rects.storyEditor, { x: ppos.x - 10, y: ppos.y - 10, w: 20, h: 20 }),
    JSON.stringify([rects.storyEditor, ppos]));
  const plabels = (await page.evaluate(() => window.explorer.labels())).filter((l) => overlaps(l, rects.storyEditor));
  check('presentation: no graph label under the editor', plabels.length === 0, plabels.slice(0, 3).map((l) => l.text).join(', '));
  await page.screenshot({ path: path.join(artifacts, 'story-editor-presentation-1280x720.png') });
  await page.keyboard.press('p');
  await settle(page, 600);

  // ---- A phone: the editor is a bottom sheet under the view.
  await page.setViewportSize({ width: 390, height: 844 });
  await settle(page, 1200);
  rects = await page.evaluate(() => window.explorer.layoutRects());
  check('on a phone the editor sits under the view, covering none of it', rects.storyEditor && rects.canvas &&
    !overlaps(rects.storyEditor, rects.canvas) && rects.storyEditor.y >= rects.canvas.y + rects.canvas.h - 1,
    JSON.stringify([rects.storyEditor, rects.canvas]));
  await page.screenshot({ path: path.join(artifacts, 'story-editor-390x844.png') });
  await page.setViewportSize({ width: 1280, height: 720 });
  await settle(page, 800);

  // ---- Share as a link.
  await click(page, 'share-link');
  const shared = await until(page, () => typeof window.sharedLink === 'string');
  const link = await page.evaluate(() => window.sharedLink);
  check('Share link gives a link with the story in it', shared && link.includes('#tour='), String(link).slice(0, 80));
  check(`the link is short enough to paste (${link && link.length} characters)`, shared && link.length < 2000);
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 8000 }), click(page, 'save-file')]);
  const saved = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  check('Save file downloads the story as a story file', download.suggestedFilename() === 'story.json' &&
    saved.steps.length === 3 && saved.own === true, JSON.stringify(saved).slice(0, 120));
  const savedPath = path.join(artifacts, 'story.json');
  fs.writeFileSync(savedPath, JSON.stringify(saved));
  check('no page errors while editing', errors.length === 0, errors.slice(0, 3).join(' | '));

  // ---- A fresh page opens the link and plays the story.
  const fresh = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  const freshErrors = watchErrors(fresh);
  // Reading the story in the link calls no code of the deferred module (issue 23; tests/browser/deferred-
  // wasm.mjs). A tour= link's story cites the map's sources, so the page takes the corpus's citations before
  // its first frame, and attaching them is deferred code: that module is fetched early, once, and its code
  // runs only after it has come (no synchronous fetch).
  await fresh.addInitScript(() => {
    window.__firstView = { calls: 0, ready: null };
    const warn = console.warn.bind(console);
    console.warn = (...args) => {
      if (String(args[0]).startsWith('placeholder function called')) {
        window.__firstView.calls++;
        window.__firstView.what = String(args[0]);
        (window.__firstView.times = window.__firstView.times || []).push(performance.now());
      }
      warn(...args);
    };
    const timer = setInterval(() => {
      if (!window.explorer || !window.explorer.ready) return;
      clearInterval(timer);
      window.explorer.ready.then(() => { window.__firstView.ready = performance.now(); });
    }, 0);
  });
  await fresh.goto(link);
  await fresh.waitForFunction(() => window.explorer && window.explorer.ready);
  await fresh.evaluate(() => window.explorer.ready);
  await until(fresh, () => window.__firstView.ready !== null &&
    performance.getEntriesByType('resource').some((e) => e.name.endsWith('/explorer.deferred.wasm')));
  const firstView = await fresh.evaluate(() => {
    const fetched = performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/explorer.deferred.wasm'));
    return { ...window.__firstView, fetched: fetched.map((e) => e.startTime), arrived: fetched.length ? fetched[0].responseEnd : null };
  });
  check('the link\'s first view runs deferred code only once that module has come (fetched once, no synchronous fetch)',
    firstView.fetched.length === 1 && (firstView.times || []).every((t) => t >= firstView.arrived), JSON.stringify(firstView));
  await until(fresh, () => window.explorer.state().story !== null);
  let s = await state(fresh);
  check('the link opens the story at its first step', s.story !== null && s.storyStep === 0 && s.storySteps === 3,
    JSON.stringify({ story: s.story, step: s.storyStep, steps: s.storySteps }));
  const problems = [];
  for (let i = 0; i < 3; ++i) {
    s = await state(fresh);
    for (const k of ['view', 'selected', 'asOf']) {
      if (s[k] !== recorded[i][k]) problems.push(`step ${i + 1} ${k}: ${s[k]} vs ${recorded[i][k]}`);
    }
    if (JSON.stringify(s.filters) !== JSON.stringify(recorded[i].filters)) problems.push(`step ${i + 1} filters`);
    const dates = (x) => JSON.stringify(x.compare && [x.compare.first, x.compare.second]);
    if (dates(s) !== dates(recorded[i])) problems.push(`step ${i + 1} compare: ${dates(s)} vs ${dates(recorded[i])}`);
    if (i < 2) {
      await fresh.keyboard.press('ArrowRight');
      await until(fresh, (n) => window.explorer.state().storyStep === n, i + 1);
    }
  }
  check('each step shows what was on screen when it was recorded', problems.length === 0, problems.join('; '));
  rects = await fresh.evaluate(() => window.explorer.layoutRects());
  check('playing, the story card shows', !!rects.storyCard);
  await fresh.screenshot({ path: path.join(artifacts, 'story-shared-step3.png') });

  // The address bar carries the story while it is followed: a reload keeps it, once.
  await until(fresh, () => location.hash.includes('tour=') && location.hash.includes('step=3'));
  const hashBefore = await fresh.evaluate(() => location.hash);
  await fresh.reload();
  await fresh.evaluate(() => window.explorer.ready);
  await until(fresh, () => window.explorer.state().story !== null);
  s = await state(fresh);
  check('a reload keeps the story and its step', hashBefore.includes('tour=') && s.storyStep === 2 && s.storySteps === 3,
    JSON.stringify({ story: s.story, step: s.storyStep, hash: hashBefore.slice(0, 60) }));

  // ---- A story file adds to the corpus shown; a bad one is refused and nothing is lost.
  // Open data with the saved file: the same story as the link's, so it is not added twice.
  await fresh.evaluate(() => window.explorer.setView('overview'));
  await until(fresh, () => window.explorer.controls().some((c) => c.name.startsWith('edit:')));
  const editCount = () => fresh.evaluate(() => window.explorer.controls().filter((c) => c.name.startsWith('edit:')).length);
  const edits0 = await editCount();
  const opened = fresh.evaluate(() => new Promise((resolve) => window.explorer.on('load', resolve)));
  await fresh.setInputFiles('input[type=file]', savedPath);
  const openedResult = await Promise.race([opened, fresh.waitForTimeout(8000).then(() => null)]);
  await settle(fresh, 500);
  check('Open data reads the saved story file, adding the same story once', openedResult && openedResult.ok &&
    (await editCount()) === edits0, JSON.stringify([openedResult, edits0, await editCount()]));
  const before = await state(fresh);
  const file = await page.evaluate(() => JSON.parse(window.explorer.exportText('story')));
  file.id = 'from-a-file';
  const added = await fresh.evaluate((f) => window.explorer.load(f), file);
  let after = await state(fresh);
  const storyIds = await fresh.evaluate(() => window.explorer.corpus().stories.map((x) => x.id));
  check('a story file is added, the corpus kept', added.ok && after.counts.entities === before.counts.entities &&
    after.selected === before.selected, JSON.stringify(added.errors));
  const listed = await fresh.evaluate(() => window.explorer.controls().filter((c) => c.name.startsWith('edit:')).map((c) => c.name));
  await fresh.evaluate(() => window.explorer.setView('overview'));
  await until(fresh, () => window.explorer.controls().some((c) => c.name === 'edit:from-a-file'));
  const names = await fresh.evaluate(() => window.explorer.controls().map((c) => c.name));
  check('the added story is in the stories list with Edit', names.includes('edit:from-a-file') && names.includes(`edit:${storyId}`),
    JSON.stringify(names.filter((n) => n.startsWith('edit:'))) + JSON.stringify(listed) + JSON.stringify(storyIds));
  const bad = await fresh.evaluate(() => window.explorer.load({ id: 's', title: 'T', steps: [{ title: 'A', narration: '', focus: ['org-nowhere'] }] }));
  after = await state(fresh);
  check('a bad story file is refused with located errors', !bad.ok && bad.errors.some((e) => e.where === '/steps/0/narration') &&
    bad.errors.some((e) => e.where === '/steps/0/focus/0'), JSON.stringify(bad.errors));
  check('nothing is lost by the refused file', after.counts.entities === before.counts.entities &&
    JSON.stringify(await fresh.evaluate(() => window.explorer.controls().filter((c) => c.name.startsWith('edit:')).length)) ===
      String(names.filter((n) => n.startsWith('edit:')).length));
  // A broken link warns, located, and changes nothing.
  const warnings = await fresh.evaluate(() => window.explorer.openLink('#tour=abc$def'));
  check('a bad story link warns where', warnings.some((w) => w.startsWith('tour: ') && w.includes('character 4')), JSON.stringify(warnings));
  check('no page errors in the fresh page', freshErrors.length === 0, freshErrors.slice(0, 3).join(' | '));
} catch (e) {
  check('the story editor test ran to its end', false, e.stack || String(e));
  for (const p of browser.contexts().flatMap((c) => c.pages())) {
    await p.screenshot({ path: path.join(artifacts, 'story-editor-failed.png') }).catch(() => {});
    console.log(JSON.stringify(await p.evaluate(() => [window.explorer.state().selected, window.explorer.exportText('story'),
      window.explorer.controls().map((c) => c.name)]).catch(() => null)).slice(0, 1500));
  }
} finally {
  await browser.close();
  server.close();
}
finish();
