// Room for the picture (issue 19), in a real browser: the view's share of the canvas at embed, phone and
// desktop sizes; every step of every bundled story in presentation mode at 1280x720 shows its subject
// inside the view and outside the story card; the card's Sources stay closed through the arrow keys; a
// story's end restores the filters, date and view; a touch swipe that starts on an embed is left to the
// host page until the reader taps in. Screenshots of each size go to the artifacts folder.
//   node tests/browser/room.mjs --site build/web/site --artifacts build/test-artifacts
import fs from 'node:fs';
import path from 'node:path';
import { startServer } from '../../tools/serve.mjs';
import { checker, launch, testOptions, watchErrors } from './browser.mjs';

const { site, artifacts } = testOptions(process.argv);
const { check, finish } = checker();
const corpus = JSON.parse(fs.readFileSync(path.join(site, 'data', 'corpus.json'), 'utf8'));

const { server, url } = await startServer(site);
const hostUrl = url.replace('//localhost:', '//127.0.0.1:');
const browser = await launch();
const share = (r) => (r.plot.w * r.plot.h) / (r.canvas.w * r.canvas.h);
const inside = (p, r, m = 0) => p && p.x >= r.x - m && p.x <= r.x + r.w + m && p.y >= r.y - m && p.y <= r.y + r.h + m;
try {
  // ---- The plot's share of the canvas.
  const sizes = [
    { w: 400, h: 450, query: '?embed=1&view=graph', aim: 0.7, what: 'a 400x450 embed' },
    { w: 700, h: 500, query: '?embed=1&view=graph', aim: 0.7, what: 'a 700x500 embed' },
    { w: 390, h: 844, query: '#view=graph', aim: 0.7, what: 'a 390x844 phone, nothing selected', touch: true },
    { w: 1280, h: 800, query: '#view=graph&sel=org-nhs-england', aim: 0.6, what: '1280x800 with the details open' },
  ];
  for (const z of sizes) {
    const context = await browser.newContext({ viewport: { width: z.w, height: z.h }, hasTouch: !!z.touch,
      isMobile: !!z.touch });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(url + z.query);
    await page.evaluate(() => window.explorer.ready);
    await page.waitForFunction(() => window.explorer.state().layout.settled, null, { timeout: 60000 }).catch(() => {});
    await page.waitForTimeout(500);
    const r = await page.evaluate(() => window.explorer.plotRect());
    const s = share(r);
    check(`the view gets ${Math.round(s * 100)}% of ${z.what} (aim ${z.aim * 100}%)`, s >= z.aim, JSON.stringify(r));
    await page.screenshot({ path: path.join(artifacts, `room-${z.w}x${z.h}.png`) });
    check(`no page errors at ${z.w}x${z.h}`, errors.length === 0, errors.join('\n'));
    await context.close();
  }

  // ---- Every step of every story, presentation mode at 1280x720: the subject in the view, off the card.
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  const errors = watchErrors(page);
  await page.goto(url + '#view=timeline');
  await page.evaluate(() => window.explorer.ready);
  await page.waitForTimeout(300);
  const filters = { kinds: ['person'] };
  await page.evaluate((f) => { window.explorer.setFilters(f); window.explorer.setAsOf('2016-03-01'); }, filters);
  await page.keyboard.press('p');
  await page.waitForTimeout(600);
  const before = await page.evaluate(() => window.explorer.state());
  const problems = [];
  let steps = 0, cardShare = 0, labelsChecked = 0;
  const meets = (a, b) => a.x < b.x + b.w - 0.5 && b.x < a.x + a.w - 0.5 && a.y < b.y + b.h - 0.5 && b.y < a.y + a.h - 0.5;
  const labelProblems = [];
  for (const story of corpus.stories) {
    for (let i = 0; i < story.steps.length; ++i) {
      const step = story.steps[i];
      await page.evaluate(([id, n]) => window.explorer.story(id, n), [story.id, i]);
      await page.waitForTimeout(900);
      const focus = step.focus && step.focus[0];
      if (!focus) continue;
      ++steps;
      const r = await page.evaluate(() => window.explorer.plotRect());
      const p = await page.evaluate((id) => window.explorer.entityScreenPos(id), focus);
      cardShare = Math.max(cardShare, r.card ? (r.card.w * r.card.h) / (r.plot.w * r.plot.h) : 0);
      const where = `${story.id} step ${i + 1} (${focus}) at ${JSON.stringify(p)}, card ${JSON.stringify(r.card)}`;
      if (!inside(p, r.plot)) problems.push(`${where}: not in the view`);
      else if (r.card && inside(p, r.card)) problems.push(`${where}: under the card`);
      // No label of the relationship view under the card or the view's own controls.
      if ((step.view || '') === 'graph') {
        const [labels, rects] = await page.evaluate(() => [window.explorer.labels(), window.explorer.layoutRects()]);
        for (const l of labels) {
          ++labelsChecked;
          for (const [name, box] of [['the story card', rects.storyCard], ['the view controls', rects.viewTools]])
            if (box && meets(l, box)) labelProblems.push(`${story.id} step ${i + 1}: "${l.text}" under ${name}`);
        }
      }
      if (story === corpus.stories[1] && i === 1) {
        await page.screenshot({ path: path.join(artifacts, 'presentation-1280x720.png') });
      }
    }
  }
  check(`every step's subject (${steps} steps) is inside the view and outside the story card`, problems.length === 0,
    problems.join('\n'));
  check(`no label of the relationship view under the story card or the view controls (${labelsChecked} labels)`,
    labelsChecked > 0 && labelProblems.length === 0, labelProblems.join('\n'));
  check(`the story card covers at most about a third of the view (${Math.round(cardShare * 100)}%)`, cardShare <= 0.36,
    String(cardShare));

  // Sources stay closed through the arrow keys: the card keeps its height.
  await page.evaluate((id) => window.explorer.story(id, 0), corpus.stories[0].id);
  await page.waitForTimeout(600);
  const heights = [];
  for (let i = 0; i < Math.min(4, corpus.stories[0].steps.length); ++i) {
    const r = await page.evaluate(() => window.explorer.plotRect());
    heights.push(Math.round(r.card.h));
    await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(400);
    await page.keyboard.press('ArrowLeft');
    await page.waitForTimeout(300);
    await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(400);
  }
  const r0 = await page.evaluate(() => window.explorer.plotRect());
  check('the card stays within the view, its buttons on it', r0.card && r0.card.y + r0.card.h <= r0.plot.y + r0.plot.h + 1 &&
    r0.card.y >= r0.plot.y - 1, JSON.stringify(r0));
  check('Sources stay closed through the arrow keys (the card never grows past half the view)',
    heights.every((h) => h <= r0.plot.h * 0.5 + 1), heights.join(', '));

  // A story's end restores the filters, date and view that were on before it.
  await page.keyboard.press('Escape');
  await page.waitForTimeout(500);
  const after = await page.evaluate(() => window.explorer.state());
  check('ending a story restores the previous filters', JSON.stringify(after.filters) === JSON.stringify(before.filters),
    `${JSON.stringify(after.filters)} vs ${JSON.stringify(before.filters)}`);
  check('ending a story restores the previous date and view', after.asOf === before.asOf && after.view === before.view,
    `${after.asOf} ${after.view} vs ${before.asOf} ${before.view}`);
  check('no page errors in the stories', errors.length === 0, errors.join('\n'));
  await page.close();

  // ---- A touch swipe that starts on an embed is left to the browser (which scrolls the host page: the
  // frame itself cannot scroll) until the reader taps in; after a tap, touches pan the view. Headless
  // Chromium does not chain a synthetic touch scroll from any iframe to its host (not even from a plain
  // one), so what is checked is that the explorer leaves the swipe alone: the canvas allows panning,
  // the app never sees the touches, and the view does not move.
  const context = await browser.newContext({ viewport: { width: 700, height: 1400 }, hasTouch: true, isMobile: true });
  const host = await context.newPage();
  await host.goto(`${hostUrl}embed-demo.html?explorer=${encodeURIComponent(url)}`);
  await host.waitForFunction(() => ['graph', 'timeline'].every((n) => window.embedDemo.events.some((e) => e.frame === n && e.what === 'ready')),
    null, { timeout: 60000 });
  await host.waitForTimeout(1000);
  await host.screenshot({ path: path.join(artifacts, 'embed-demo.png'), fullPage: true });
  await host.evaluate(() => window.scrollTo(0, 0));
  await host.waitForTimeout(300);
  const frame = host.frames().find((f) => f.url().includes('view=graph'));
  const box = await host.locator('iframe[data-name=graph]').boundingBox();
  const cdp = await context.newCDPSession(host);
  const touch = (type, pts) => cdp.send('Input.dispatchTouchEvent', {
    type, touchPoints: pts.map(([x, y], i) => ({ x, y, id: i + 1, radiusX: 4, radiusY: 4, force: 1 })) });
  const swipe = async (sx, sy, dx, dy) => {
    await touch('touchStart', [[sx, sy]]);
    for (let i = 1; i <= 10; ++i) { await touch('touchMove', [[sx + i * dx / 10, sy + i * dy / 10]]); await host.waitForTimeout(20); }
    await touch('touchEnd', []);
    await host.waitForTimeout(600);
  };
  const touchAction = () => frame.evaluate(() => getComputedStyle(document.getElementById('canvas')).touchAction);
  const nodePos = () => frame.evaluate(() => window.explorer.entityScreenPos('org-nhs-england'));
  check('before a tap, an embed lets the browser pan (scroll the host page) over its canvas',
    (await touchAction()).includes('pan-y'), await touchAction());
  const p0 = await nodePos();
  const sx = box.x + box.width * 0.3, sy = box.y + box.height * 0.75;
  await swipe(sx, sy, 0, -200);
  const p1 = await nodePos();
  check('a swipe that starts on the embed does not move its view (it is the host page\'s)',
    p0 && p1 && Math.abs(p1.y - p0.y) < 1, `${JSON.stringify(p0)} -> ${JSON.stringify(p1)}`);
  await touch('touchStart', [[sx, sy]]);
  await touch('touchEnd', []);
  await host.waitForTimeout(400);
  check('after a tap, touches belong to the explorer', (await touchAction()) === 'none', await touchAction());
  await context.close();

  // The dark graph embed in the demo page, as docs/embedding.md shows it.
  const demo = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await demo.goto(`${hostUrl}embed-demo.html?explorer=${encodeURIComponent(url)}`);
  await demo.waitForFunction(() => ['graph', 'timeline'].every((n) => window.embedDemo.events.some((e) => e.frame === n && e.what === 'ready')),
    null, { timeout: 60000 });
  await demo.waitForTimeout(2500);
  await demo.locator('iframe[data-name=graph]').screenshot({ path: path.join(artifacts, 'embed-dark.png') });
  await demo.screenshot({ path: path.join(artifacts, 'embed-demo-desktop.png') });
  await demo.close();
} finally {
  await browser.close();
  server.close();
}
finish();
