// Touch in a real browser (Chromium touch emulation): a tap selects a node even with a little finger
// movement, a one-finger drag pans, a pinch zooms the graph about the fingers, a long press opens the
// node's context menu.
//   node tests/browser/touch.mjs --site build/web/site --artifacts build/test-artifacts
import path from 'node:path';
import { startServer } from '../../tools/serve.mjs';
import { checker, launch, testOptions, watchErrors } from './browser.mjs';

const { site, artifacts } = testOptions(process.argv);
const { check, finish } = checker();
const { server, url } = await startServer(site);
const browser = await launch();
try {
  const context = await browser.newContext({ viewport: { width: 1000, height: 760 }, hasTouch: true });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(url + '#view=graph');
  await page.evaluate(() => window.explorer.ready);
  await page.waitForFunction(() => window.explorer.state().layout.settled, null, { timeout: 60000 });
  const cdp = await context.newCDPSession(page);
  const touch = (type, pts) => cdp.send('Input.dispatchTouchEvent', {
    type, touchPoints: pts.map(([x, y], i) => ({ x, y, id: i + 1, radiusX: 4, radiusY: 4, force: 1 })) });
  const state = () => page.evaluate(() => window.explorer.state());
  const pos = (id) => page.evaluate((i) => window.explorer.entityScreenPos(i), id);
  const id = 'org-nhs-england';

  // ---- Tap with a wobble of 3 px selects.
  let p = await pos(id);
  await touch('touchStart', [[p.x, p.y]]);
  await touch('touchMove', [[p.x + 3, p.y + 2]]);
  await page.waitForTimeout(30);
  await touch('touchEnd', []);
  await page.waitForTimeout(300);
  check('a tap (with a little finger movement) selects the node', (await state()).selected === id, (await state()).selected);

  // ---- One-finger drag on empty space pans.
  p = await pos(id);
  const start = [40, 700];
  await touch('touchStart', [start]);
  for (let i = 1; i <= 8; ++i) { await touch('touchMove', [[start[0] + i * 15, start[1] - i * 10]]); await page.waitForTimeout(30); }
  await touch('touchEnd', []);
  await page.waitForTimeout(300);
  const q = await pos(id);
  check('a one-finger drag pans the view', Math.abs(q.x - p.x - 120) < 12 && Math.abs(q.y - p.y + 80) < 12,
    `moved ${(q.x - p.x).toFixed(1)}, ${(q.y - p.y).toFixed(1)}`);

  // ---- Pinch about a point: that point stays under the fingers, the rest spreads out.
  const other = 'org-dhsc';
  const a = await pos(id), b = await pos(other);
  const mid = [(a.x + b.x) / 2, (a.y + b.y) / 2];
  await touch('touchStart', [[mid[0] - 30, mid[1]], [mid[0] + 30, mid[1]]]);
  for (let i = 1; i <= 8; ++i) {
    await touch('touchMove', [[mid[0] - 30 - i * 10, mid[1]], [mid[0] + 30 + i * 10, mid[1]]]);
    await page.waitForTimeout(30);
  }
  await touch('touchEnd', []);
  await page.waitForTimeout(300);
  const a2 = await pos(id), b2 = await pos(other);
  const before = Math.hypot(a.x - b.x, a.y - b.y), after = Math.hypot(a2.x - b2.x, a2.y - b2.y);
  check('a pinch zooms the graph in', after > before * 1.5, `${before.toFixed(0)} -> ${after.toFixed(0)} px apart`);

  // ---- Long press opens the context menu.
  const c = await pos(id);
  await touch('touchStart', [[c.x, c.y]]);
  await page.waitForTimeout(1500);
  const during = await state();
  await touch('touchEnd', []);
  await page.waitForTimeout(200);
  check('a long press opens the node\'s context menu', during.contextMenu === id || (await state()).contextMenu === id,
    String(during.contextMenu));
  await page.screenshot({ path: path.join(artifacts, 'touch-context.png') });
  check('no page errors or console errors', errors.length === 0, errors.join('\n'));
} finally {
  await browser.close();
  server.close();
}
finish();
