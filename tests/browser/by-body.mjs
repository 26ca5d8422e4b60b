// Real-browser test of the timeline organised by body (issue 18, "Views that explain"): at 1280x800 and
// 390x844, a real click on the timeline's "By body" button turns it on (the state and the link say so);
// then no two labels from explorer.labels() overlap and none meets the view's floating tools or the
// legend (explorer.layoutRects()); and the mandate of 2012 is drawn under the row of the Department of
// Health, which published it: of all the organisations drawn, the nearest row above it is the
// Department's. Screenshots (by-body-WxH.png) go to the artifacts folder.
//   node tests/browser/by-body.mjs --site build/web/site --artifacts build/test-artifacts
import path from 'node:path';
import { startServer } from '../../tools/serve.mjs';
import { checker, control, launch, testOptions, watchErrors, until as untilTruthy } from './browser.mjs';

const { site, artifacts } = testOptions(process.argv);
const { check, finish } = checker();

const { server, url } = await startServer(site);
const browser = await launch();

// The shared wait, with this test's longer default.
const until = (page, fn, arg, ms = 20000) => untilTruthy(page, fn, arg, ms);

const meets = (a, b) => a.x < b.x + b.w - 0.5 && a.x + a.w > b.x + 0.5 && a.y < b.y + b.h - 0.5 && a.y + a.h > b.y + 0.5;

// The labels once two reads a few frames apart agree (rows repack in slices after a change of zoom).
async function settledLabels(page) {
  let last = '';
  for (let k = 0; k < 40; k++) {
    const now = await page.evaluate(() => JSON.stringify({ labels: window.explorer.labels(), rects: window.explorer.layoutRects() }));
    if (now === last) return JSON.parse(now);
    last = now;
    await page.waitForTimeout(150);
  }
  return JSON.parse(last);
}

try {
  for (const [width, height] of [[1280, 800], [390, 844]]) {
    const size = `${width}x${height}`;
    const page = await browser.newPage({ viewport: { width, height } });
    const errors = watchErrors(page);
    await page.goto(url + '#view=timeline&win=2010-01-01~2026-01-01');
    await page.evaluate(() => window.explorer.ready);
    const box = await control(page, 'timeline:by-body');
    check(`${size}: the timeline draws its By body button`, !!box, JSON.stringify(box));
    if (!box) { await page.close(); continue; }
    await page.mouse.click(box.x + box.w / 2, box.y + box.h / 2);
    await page.mouse.move(1, 1);  // away, so that its tooltip leaves the picture
    const on = await until(page, () => window.explorer.state().timelineGrouping === 'body');
    check(`${size}: a click on it organises the timeline by body`, !!on);
    check(`${size}: the link says so`, (await page.evaluate(() => window.explorer.link())).includes('group=body'));

    const { labels, rects } = await settledLabels(page);
    check(`${size}: the timeline draws labels by body`, labels.length >= (width > 600 ? 20 : 5), `${labels.length}`);
    const overlaps = [];
    for (let i = 0; i < labels.length; i++)
      for (let j = i + 1; j < labels.length; j++)
        if (meets(labels[i], labels[j])) overlaps.push(`${labels[i].text} / ${labels[j].text}`);
    check(`${size}: no two of ${labels.length} labels overlap`, overlaps.length === 0, overlaps.slice(0, 5).join('; '));
    for (const name of ['viewTools', 'legend']) {
      const r = rects[name];
      if (!r) continue;
      const over = labels.filter((l) => meets(l, r)).map((l) => l.text);
      check(`${size}: no label meets the ${name}`, over.length === 0, over.join('; '));
    }
    const plot = rects.plot;
    const outside = labels.filter((l) => l.x < plot.x - 0.5 || l.x + l.w > plot.x + plot.w + 0.5 ||
      l.y + l.h > plot.y + plot.h + 0.5).map((l) => l.text);
    check(`${size}: every label is inside the plot`, outside.length === 0, outside.join('; '));
    await page.screenshot({ path: path.join(artifacts, `by-body-${size}.png`) });

    // The 2012 mandate (published by the Department of Health): selecting it scrolls it into view; the
    // nearest organisation's row above it is the Department's (its one row across its renaming).
    await page.evaluate(() => window.explorer.select('doc-mandate-2012'));
    const rows = await until(page, () => {
      const m = window.explorer.entityScreenPos('doc-mandate-2012');
      const p = window.explorer.plotRect().plot;
      if (!m || m.y < p.y || m.y > p.y + p.h) return null;
      const orgs = window.explorer.corpus().entities.filter((e) => e.kind === 'organisation');
      const above = orgs.map((e) => ({ id: e.id, pos: window.explorer.entityScreenPos(e.id) }))
        .filter((o) => o.pos && o.pos.y < m.y - 1 && o.pos.y > p.y);
      above.sort((a, b) => b.pos.y - a.pos.y);
      return above.length ? { mandate: m, nearest: above[0].id, y: above[0].pos.y } : null;
    }, null, 20000);
    check(`${size}: the 2012 mandate is drawn with organisations above it`, !!rows, JSON.stringify(rows));
    if (rows) {
      check(`${size}: the 2012 mandate is under the Department of Health's row`,
        rows.nearest === 'org-department-of-health' || rows.nearest === 'org-dhsc', JSON.stringify(rows));
      check(`${size}: directly under it (within two rows)`, rows.mandate.y - rows.y < 60, JSON.stringify(rows));
    }
    await page.screenshot({ path: path.join(artifacts, `by-body-${size}-mandate.png`) });
    // With a selection the tools also offer Fit selection: the row of tools still fits the view (once
    // placed: a row that grows is sized by Dear ImGui a frame later, and placed from that size).
    await until(page, () => {
      const r = window.explorer.layoutRects();
      return r.viewTools && r.viewTools.x + r.viewTools.w <= r.canvas.x + r.canvas.w + 0.5;
    }, null, 5000);
    const tools = await page.evaluate(() => window.explorer.layoutRects());
    check(`${size}: the timeline's tools fit the view with a selection`, !!tools.viewTools &&
      tools.viewTools.x >= tools.canvas.x - 0.5 && tools.viewTools.x + tools.viewTools.w <= tools.canvas.x + tools.canvas.w + 0.5,
      JSON.stringify(tools));

    // Back by kind through the API (the same action): the link no longer has it.
    await page.evaluate(() => window.explorer.setTimelineGrouping('kind'));
    check(`${size}: setTimelineGrouping('kind') turns it off`,
      !(await page.evaluate(() => window.explorer.link())).includes('group=') &&
      (await page.evaluate(() => window.explorer.state().timelineGrouping)) === 'kind');
    check(`${size}: setTimelineGrouping refuses a name it does not know`,
      (await page.evaluate(() => window.explorer.setTimelineGrouping('banana'))) === false);
    check(`${size}: no page errors`, errors.length === 0, errors.join('\n'));
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}
finish();
