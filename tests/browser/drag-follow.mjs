// Real-browser test: a drag moves the picture exactly as far as the pointer went, in the graph and in the
// timeline, also when the page is busy and the drag's last move and its release reach the app in one
// frame (a busy main thread, a slow machine; Chromium then delivers both before the next frame). Before
// the fix the view ignored that last move: ImGui's dragging test is false once the button is up.
// The moves and the release go through CDP's Input.dispatchMouseEvent, as real input.
//   node tests/browser/drag-follow.mjs --site build/web/site --artifacts build/test-artifacts
import { startServer } from '../../tools/serve.mjs';
import { checker, launch, testOptions, until, watchErrors } from './browser.mjs';

const { site } = testOptions(process.argv);
const { check, finish } = checker();
const { server, url } = await startServer(site);
const browser = await launch();

// Drags from (x, y) by dx in 10 px moves, one frame each, except the last move, which is sent with the
// release while the page's main thread is held for 300 ms, so both arrive in the same frame.
async function dragEndingBusy(page, x, y, dx) {
  const cdp = await page.context().newCDPSession(page);
  const send = (type, px, buttons) => cdp.send('Input.dispatchMouseEvent',
    { type, x: px, y, button: 'left', buttons, clickCount: 1 });
  await send('mouseMoved', x, 0);
  await send('mousePressed', x, 1);
  const last = x + dx;
  for (let px = x + 10; px < last - 10; px += 10) {
    await send('mouseMoved', px, 1);
    await page.waitForTimeout(40);
  }
  await page.evaluate(() => { setTimeout(() => { const t = performance.now(); while (performance.now() - t < 300); }, 0); });
  await page.waitForTimeout(20);
  await Promise.all([send('mouseMoved', last, 1), send('mouseReleased', last, 0)]);
  await page.waitForTimeout(600);
  await cdp.detach();
}

// How far the picture has moved right, in CSS px, since `before`: the graph by where two entities are
// drawn (both must move alike: a pan, not a node dragged); the timeline by its window of dates.
async function where(page, view) {
  return page.evaluate((v) => {
    const e = window.explorer;
    if (v === 'graph') return ['org-nhs-england', 'org-department-of-health'].map((id) => e.entityScreenPos(id));
    const s = e.state(), plot = e.layoutRects().plot;
    return { first: s.timeWindowDays[0], pxPerDay: plot.w / (s.timeWindowDays[1] - s.timeWindowDays[0]) };
  }, view);
}
function movedRight(view, before, after) {
  if (view === 'graph') return after.map((p, i) => (p && before[i] ? p.x - before[i].x : null));
  return [(before.first - after.first) * before.pxPerDay];
}

try {
  for (const [view, from] of [['graph', { x: 60, y: 700 }], ['timeline', { x: 640, y: 700 }]]) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors = watchErrors(page);
    await page.goto(`${url}?view=${view}`);
    await page.evaluate(() => window.explorer.ready);
    if (view === 'graph') await until(page, () => window.explorer.state().layout.settled, null, 60000);
    await page.waitForTimeout(500);
    const before = await where(page, view);
    check(`${view}: the view is measurable before the drag`, view === 'graph' ? before.every((p) => p) : before.pxPerDay > 0,
      JSON.stringify(before));
    await dragEndingBusy(page, from.x, from.y, 120);
    const moved = movedRight(view, before, await where(page, view));
    check(`${view}: the picture moved as far as the pointer (120 px) though the last move came with the release`,
      moved.every((d) => d !== null && Math.abs(d - 120) < 1), JSON.stringify(moved));
    check(`${view}: no page errors`, errors.length === 0, errors.join('\n'));
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}
finish();
