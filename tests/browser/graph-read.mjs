// Real-browser test of views that read: at 1280x800, 1920x1080 and 390x844, in the relationship view and
// the timeline, no two labels from explorer.labels() overlap and none meets the legend's rectangle from
// explorer.layoutRects(); selecting NHS England in the graph labels its neighbours. Screenshots go to
// the artifacts folder.
//   node tests/browser/graph-read.mjs --site build/web/site --artifacts build/test-artifacts
import path from 'node:path';
import { startServer } from '../../tools/serve.mjs';
import { checker, launch, testOptions, watchErrors } from './browser.mjs';

const { site, artifacts } = testOptions(process.argv);
const { check, finish } = checker();

const { server, url } = await startServer(site);
const browser = await launch();

async function until(page, fn, what, ms = 20000) {
  const t0 = Date.now();
  for (;;) {
    const v = await page.evaluate(fn);
    if (v) return v;
    if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${what}`);
    await page.waitForTimeout(100);
  }
}

const meets = (a, b) => a.x < b.x + b.w - 0.5 && a.x + a.w > b.x + 0.5 && a.y < b.y + b.h - 0.5 && a.y + a.h > b.y + 0.5;

function checkLabels(where, labels, rects) {
  const overlaps = [];
  for (let i = 0; i < labels.length; i++)
    for (let j = i + 1; j < labels.length; j++)
      if (meets(labels[i], labels[j])) overlaps.push(`${labels[i].text} / ${labels[j].text}`);
  check(`${where}: no two of ${labels.length} labels overlap`, overlaps.length === 0, overlaps.slice(0, 5).join('; '));
  if (rects.legend) {
    const over = labels.filter((l) => meets(l, rects.legend)).map((l) => l.text);
    check(`${where}: no label meets the legend`, over.length === 0, over.slice(0, 5).join('; '));
  }
  for (const name of ['details', 'storyCard']) {
    const r = rects[name];
    if (!r || !rects.canvas || !meets(r, rects.canvas)) continue;  // panels beside the view
    const over = labels.filter((l) => meets(l, r)).map((l) => l.text);
    check(`${where}: no label meets the ${name}`, over.length === 0, over.slice(0, 5).join('; '));
  }
}

try {
  for (const [width, height] of [[1280, 800], [1920, 1080], [390, 844]]) {
    const size = `${width}x${height}`;
    const page = await browser.newPage({ viewport: { width, height } });
    const errors = watchErrors(page);
    await page.goto(url + '?view=graph');
    await page.evaluate(() => window.explorer.ready);
    await until(page, () => { const s = window.explorer.state(); return s.view === 'graph' && s.layout.settled; },
      'the layout to settle', 60000);
    await page.waitForTimeout(300);
    let rects = await page.evaluate(() => window.explorer.layoutRects());
    check(`${size}: layoutRects has the canvas, plot and legend`, !!(rects.canvas && rects.plot && rects.legend),
      JSON.stringify(rects));
    let labels = await page.evaluate(() => window.explorer.labels());
    // A phone fits the whole graph in about 370 x 310 px: only the largest few are labelled there.
    check(`${size}: the graph opens with labels`, labels.length >= (width > 600 ? 15 : 1), `${labels.length}`);
    checkLabels(`${size} graph`, labels, rects);
    if (width === 1280) await page.screenshot({ path: path.join(artifacts, `graph-read-${size}.png`) });
    if (width >= 1280) {
      // The legend opens from its corner button; the labels move out of its way.
      await page.mouse.click(rects.legend.x + rects.legend.w / 2, rects.legend.y + rects.legend.h / 2);
      // A busy machine may take longer than a few frames: wait for it to open (the check below says if not).
      await until(page, () => window.explorer.layoutRects().legend.h > 100, 'the legend to open', 8000).catch(() => {});
      await page.waitForTimeout(200);
      const open = await page.evaluate(() => window.explorer.layoutRects());
      check(`${size}: the legend opens on demand (taller than its button)`, open.legend.h > rects.legend.h * 3,
        JSON.stringify(open.legend));
      checkLabels(`${size} graph, legend open`, await page.evaluate(() => window.explorer.labels()), open);
      await page.mouse.click(open.legend.x + 20, open.legend.y + open.legend.h - 10);  // its button closes it
      await page.waitForTimeout(300);
    }

    // Selecting NHS England: its neighbours are labelled.
    await page.evaluate(() => window.explorer.select('org-nhs-england'));
    await page.waitForTimeout(600);
    const sel = await page.evaluate(() => {
      const e = window.explorer.entity('org-nhs-england');
      const c = window.explorer.corpus();
      const near = new Set();
      for (const r of c.relations) {
        if (r.from === 'org-nhs-england') near.add(r.to);
        if (r.to === 'org-nhs-england') near.add(r.from);
      }
      const kinds = new Map(c.entities.map((x) => [x.id, x.kind]));
      // Parts and themes are folded away by default; the mission's nouns are on the picture.
      const shown = [...near].filter((id) => kinds.get(id) !== 'part' && kinds.get(id) !== 'theme');
      return { name: e && e.name, shown, labels: window.explorer.labels(), rects: window.explorer.layoutRects() };
    });
    const labelled = new Set(sel.labels.map((l) => l.id));
    const missing = sel.shown.filter((id) => !labelled.has(id));
    check(`${size}: NHS England is labelled when selected`, labelled.has('org-nhs-england'));
    if (width > 600) {
      check(`${size}: every neighbour of NHS England is labelled (${sel.shown.length})`, missing.length === 0, missing.join(', '));
    } else {
      // A phone's view cannot hold 26 long names side by side: some are labelled, none overlap (below).
      check(`${size}: neighbours of NHS England are labelled (${labelled.size - 1} of ${sel.shown.length})`, labelled.size > 3);
    }
    checkLabels(`${size} graph, NHS England selected`, sel.labels, sel.rects);
    if (width === 1280) await page.screenshot({ path: path.join(artifacts, `graph-read-${size}-selected.png`) });

    // A story's card over the graph: no label under it.
    if (width >= 1280) {
      await page.evaluate(() => { const c = window.explorer.corpus(); window.explorer.story(c.stories[0].id, 1); window.explorer.setView('graph'); });
      await page.waitForTimeout(800);
      const story = await page.evaluate(() => ({ labels: window.explorer.labels(), rects: window.explorer.layoutRects() }));
      check(`${size}: a story shows its card`, !!story.rects.storyCard, JSON.stringify(story.rects.storyCard));
      if (story.rects.storyCard) {
        const under = story.labels.filter((l) => meets(l, story.rects.storyCard)).map((l) => l.text);
        check(`${size}: no label under the story card`, under.length === 0, under.join('; '));
      }
      await page.evaluate(() => window.explorer.story(null));
      await page.waitForTimeout(300);
    }

    // The timeline.
    await page.evaluate(() => { window.explorer.select(null); window.explorer.setView('timeline'); });
    await until(page, () => window.explorer.state().view === 'timeline', 'the timeline');
    await page.waitForTimeout(400);
    rects = await page.evaluate(() => window.explorer.layoutRects());
    labels = await page.evaluate(() => window.explorer.labels());
    check(`${size}: the timeline has labels`, labels.length > 5, `${labels.length}`);
    check(`${size}: the timeline has no legend rect`, rects.legend === null);
    checkLabels(`${size} timeline`, labels, rects);
    check(`${size}: no page errors`, errors.length === 0, errors.join('\n'));
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}
finish();
