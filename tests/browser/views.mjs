// Real-browser test of the timeline and relationship views, driven like a person would: wheel zoom,
// drag to pan, click an item, click and drag a graph node. Checks the results through explorer.state()
// and keeps screenshots (timeline at three zoom levels, the graph) as artifacts.
//   node tests/browser/views.mjs --site build/web/site --artifacts build/test-artifacts
import path from 'node:path';
import { startServer } from '../../tools/serve.mjs';
import { checker, launch, pixelsDiffering, testOptions, watchErrors } from './browser.mjs';

const { site, artifacts } = testOptions(process.argv);
const { check, finish } = checker();

const { server, url } = await startServer(site);
const browser = await launch();
const state = (page) => page.evaluate(() => window.explorer.state());

const span = (s) => s.timeWindowDays[1] - s.timeWindowDays[0];
// Waits until a condition on state() holds (the app draws only on change, so poll briefly).
async function until(page, fn, what, ms = 5000) {
  const t0 = Date.now();
  for (;;) {
    const s = await state(page);
    if (fn(s)) return s;
    if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(s).slice(0, 300)}`);
    await page.waitForTimeout(50);
  }
}

try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
  const errors = watchErrors(page);
  await page.goto(url + '?view=timeline');
  await page.evaluate(() => window.explorer.ready);
  const s0 = await until(page, (s) => s.view === 'timeline' && s.timeWindowDays, 'the timeline');
  await page.screenshot({ path: path.join(artifacts, 'timeline-1-all.png') });

  // Zoom in with the wheel over the middle of the plot: the time window narrows.
  await page.mouse.move(500, 400);
  for (let i = 0; i < 6; i++) { await page.mouse.wheel(0, -120); await page.waitForTimeout(30); }
  let s1 = await until(page, (s) => span(s) < span(s0) * 0.7, 'zoom in');
  // On a busy machine wheel steps may still be arriving: take the window once it has stopped changing.
  for (let i = 0; i < 40; i++) {
    await page.waitForTimeout(100);
    const again = await state(page);
    if (span(again) === span(s1)) break;
    s1 = again;
  }
  check('wheel zooms the timeline in', span(s1) < span(s0) * 0.7, `${span(s0)} -> ${span(s1)}`);
  const mid = (s) => (s.timeWindowDays[0] + s.timeWindowDays[1]) / 2;
  await page.screenshot({ path: path.join(artifacts, 'timeline-2-zoomed.png') });

  // Drag to the right: earlier dates come into view, the span stays.
  await page.mouse.move(600, 500);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(600 + i * 20, 500);
  await page.mouse.up();
  const s2 = await until(page, (s) => mid(s) < mid(s1) - 1, 'pan');
  check('dragging pans to earlier dates', mid(s2) < mid(s1) && Math.abs(span(s2) - span(s1)) < span(s1) * 0.01,
    `${mid(s1)} -> ${mid(s2)}`);

  // Keyboard: + zooms in further about the centre.
  await page.keyboard.press('Equal');
  const s3 = await until(page, (s) => span(s) < span(s2) * 0.95, 'keyboard zoom');
  check('+ key zooms in', span(s3) < span(s2));

  // Click an item: bring NHS England into view, then click where it is drawn.
  await page.evaluate(() => { window.explorer.select(null); window.explorer.select('org-nhs-england'); });
  await page.waitForTimeout(200);
  await page.evaluate(() => window.explorer.select(null));
  await page.waitForTimeout(200);
  const pos = await page.evaluate(() => window.explorer.entityScreenPos('org-nhs-england'));
  check('the item is drawn on screen', pos !== null, JSON.stringify(pos));
  if (pos) {
    await page.mouse.move(pos.x, pos.y);
    await page.waitForTimeout(100);
    await page.mouse.click(pos.x, pos.y);
    const s4 = await until(page, (s) => s.selected === 'org-nhs-england', 'click selection').catch(() => state(page));
    check('clicking an item selects it', s4.selected === 'org-nhs-england', s4.selected);
  }
  // A deep zoom shows months and days. The click opened the details drawer beside the view (issue 19),
  // which narrows it: the pointer is placed over the item again, in the view.
  const again = await page.evaluate(() => window.explorer.entityScreenPos('org-nhs-england'));
  if (again) await page.mouse.move(again.x, again.y);
  for (let i = 0; i < 40; i++) { await page.mouse.wheel(0, -120); await page.waitForTimeout(20); }
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(artifacts, 'timeline-3-close.png') });
  const s5 = await state(page);
  check('deep zoom narrows the window to months or less', span(s5) < 400, String(span(s5)));

  // The "as of" cursor is part of the state.
  await page.evaluate(() => window.explorer.setAsOf('2014-07-28'));
  const s6 = await until(page, (s) => s.asOf === '2014-07-28', 'as of');
  check('setAsOf moves the as-of cursor', s6.asOf === '2014-07-28');

  // ---- The relationship view.
  await page.evaluate(() => { window.explorer.setAsOf(null); window.explorer.select(null); window.explorer.setView('graph'); });
  const g0 = await until(page, (s) => s.view === 'graph' && s.layout.settled && s.layout.iterations > 0, 'layout to settle', 20000);
  await page.waitForTimeout(700);
  const g1 = await state(page);
  check('the layout stops once settled', g1.layout.iterations === g0.layout.iterations,
    `${g0.layout.iterations} -> ${g1.layout.iterations}`);
  await page.waitForTimeout(400);
  const idleA = (await state(page)).frames;
  await page.waitForTimeout(800);
  check('no frames while the settled graph is untouched', (await state(page)).frames === idleA);
  await page.screenshot({ path: path.join(artifacts, 'graph.png') });

  // Hover: the node's relations and neighbours light up (drawn over the scene), and go when the pointer
  // leaves. Compared above-left of the node, away from the tooltip, which opens below-right.
  const hp = await page.evaluate(() => window.explorer.entityScreenPos('org-nhs-england'));
  const clip = { x: hp.x - 110, y: hp.y - 110, width: 100, height: 100 };
  await page.mouse.move(5, 5);
  await page.waitForTimeout(150);
  const plain = await page.screenshot({ clip });
  await page.mouse.move(hp.x, hp.y);
  await page.waitForTimeout(150);
  const lit = await page.screenshot({ clip, path: path.join(artifacts, 'graph-hover.png') });
  const hoveredId = (await state(page)).hovered;
  await page.mouse.move(5, 5);
  await page.waitForTimeout(150);
  const unlit = await page.screenshot({ clip });
  const litDiff = (await pixelsDiffering(page, plain, lit)).differ, backDiff = (await pixelsDiffering(page, plain, unlit)).differ;
  check('hovering a node lights its relations', hoveredId === 'org-nhs-england' && litDiff > 100, `${hoveredId}, ${litDiff} pixels`);
  check('the highlight goes when the pointer leaves', backDiff < 10, `${backDiff} pixels`);

  // Click a node on the canvas.
  const np = await page.evaluate(() => window.explorer.entityScreenPos('org-acevo'));
  await page.mouse.move(np.x, np.y);
  await page.waitForTimeout(100);
  await page.mouse.click(np.x, np.y);
  const g2 = await until(page, (s) => s.selected === 'org-acevo', 'node click').catch(() => state(page));
  check('clicking a node selects it', g2.selected === 'org-acevo', g2.selected);

  // Selecting went round the selection (its neighbours on a ring); clearing it brings the force picture
  // back, where a drag pins a node.
  await page.evaluate(() => window.explorer.select(null));
  await page.waitForTimeout(300);  // the view follows on its next frame
  await until(page, (s) => s.selected === null && s.layout.settled, 'the force picture again', 20000);
  await page.waitForTimeout(200);
  // Drag a node: it follows the pointer, stays pinned there, and the layout reheats then settles.
  const before = await page.evaluate(() => window.explorer.entityScreenPos('org-nhs-england'));
  await page.mouse.move(before.x, before.y);
  await page.mouse.down();
  for (let i = 1; i <= 12; i++) await page.mouse.move(before.x + i * 8, before.y + i * 4);
  await page.mouse.up();
  await page.waitForTimeout(100);
  const dropped = await page.evaluate(() => window.explorer.entityScreenPos('org-nhs-england'));
  check('a dragged node moves with the pointer', Math.hypot(dropped.x - (before.x + 96), dropped.y - (before.y + 48)) < 6,
    `${JSON.stringify(before)} -> ${JSON.stringify(dropped)}`);
  const g3 = await until(page, (s) => s.layout.settled, 'layout to settle after the drag', 20000);
  check("the layout ran again after the drag", g3.layout.iterations > g1.layout.iterations, `${g1.layout.iterations} -> ${g3.layout.iterations}`);
  const after = await page.evaluate(() => window.explorer.entityScreenPos('org-nhs-england'));
  check('the dragged node stays pinned', Math.hypot(after.x - dropped.x, after.y - dropped.y) < 1.5,
    `${JSON.stringify(dropped)} -> ${JSON.stringify(after)}`);
  await page.screenshot({ path: path.join(artifacts, 'graph-selected.png') });

  check('no page errors or console errors', errors.length === 0, errors.join('\n'));

  // ---- Touch: a two-finger pinch zooms the timeline about the fingers (Chromium touch emulation).
  const touchContext = await browser.newContext({ viewport: { width: 1000, height: 760 }, hasTouch: true });
  const tpage = await touchContext.newPage();
  const terrors = watchErrors(tpage);
  await tpage.goto(url + '?view=timeline');
  await tpage.evaluate(() => window.explorer.ready);
  const t0 = await until(tpage, (s) => s.view === 'timeline' && s.timeWindowDays, 'the timeline (touch)');
  const cdp = await touchContext.newCDPSession(tpage);
  const touch = (type, pts) => cdp.send('Input.dispatchTouchEvent', {
    type, touchPoints: pts.map(([x, y], i) => ({ x, y, id: i + 1, radiusX: 2, radiusY: 2, force: 1 })) });
  await touch('touchStart', [[300, 450], [360, 450]]);
  for (let i = 1; i <= 10; i++) {
    await touch('touchMove', [[300 - i * 15, 450], [360 + i * 15, 450]]);
    await tpage.waitForTimeout(30);
  }
  await touch('touchEnd', []);
  const t1 = await until(tpage, (s) => span(s) < span(t0) * 0.6, 'pinch zoom').catch(() => state(tpage));
  check('a two-finger pinch zooms the timeline in', span(t1) < span(t0) * 0.6, `${span(t0)} -> ${span(t1)}`);
  check('no errors on the touch page', terrors.length === 0, terrors.join('\n'));
  await touchContext.close();
} finally {
  await browser.close();
  server.close();
}
finish();
