// The two views that explain, measured as a reader uses them, in headless Chromium: the timeline and the
// relationship graph, on the bundled corpus (the site's own data/corpus.json, no `data=`) and on generated
// corpora of about 5k and 20k timeline items. These views have no peer; what is compared is the previous
// build (--baseline-site), in the same run, page for page. For each view and corpus, on a cold page:
//   - first draw: navigation start to the frame after the one that resolved `explorer.ready` (the first
//     frame ImGui draws with settled window sizes), read from the per-frame hook (OURS_HOOK), as
//     timeline_peers.mjs does. The graph's layout is still moving then (it animates to its rest);
//   - then the view at rest: the graph's layout run to its end (as a reader who asks for reduced motion sees
//     it: big steps, not one tick a frame; then motion is allowed again), the timeline zoomed in 8 wheel
//     notches around the plot's middle (fitted to all data, it cannot pan);
//   - labels: explorer.labels().length in the frame at rest (a change that is faster by drawing fewer
//     labels shows here; the timeline's also before its zoom, as labels_fitted; the graph's nodes drawn too,
//     those with a screen position, as nodes_shown);
//   - drag: a real mouse drag (down, --drag-steps moves over up to 480 px, up) that pans the view: on the
//     timeline across the middle of the plot, on the graph from the empty point of the plot farthest from
//     any node; requestAnimationFrame deltas during it (median, p95, max, how many over the budget);
//   - hover: the real mouse moved (--hover-steps moves each) from item to item, up to --hover-targets of
//     the entities whose labels are drawn (positions from explorer.entityScreenPos), left to right, so the
//     tooltip and highlight change at each; rAF deltas as for the drag, and how many targets ended up
//     hovered (state().hovered).
// Frame budget: one 60 Hz frame. rAF deltas come in 16.7 ms steps, so a delta over 25 ms is a dropped
// frame. Each figure is the median of --runs runs; with --baseline-site DIR (a site folder built before a
// change: `cp -r build/web/site ../site-before` before rebuilding) every page is also measured on that
// build, interleaved run by run, and the table gives old / new. The runs' spread is kept, to tell a change
// from noise (the machine may be busy; ratios within one run are what compare).
//
//   node bench/views_bench.mjs [--sizes 5000,20000] [--runs 3] [--bundled 1] [--views timeline,graph]
//                              [--drag-steps 40] [--hover-targets 24] [--hover-steps 5]
//                              [--site build/web/site] [--baseline-site DIR] [--corpus-gen build/native/corpus-gen]
//                              [--json FILE] [--shots DIR]
// Not a test. WebGL is software-rendered (SwiftShader) here: compare within one run.
import fs from 'node:fs';
import path from 'node:path';
import {
  root, VIEWPORT, median, percentile, parseOptions, OURS_HOOK, RAF_HOOK, deltas, generateCorpus, benchSite,
  newPage, settle, writeJson, firstDrawn,
} from './browser_bench.mjs';

const o = parseOptions(process.argv, {
  sizes: [5000, 20000], runs: 3, bundled: 1, views: 'timeline,graph', 'drag-steps': 40, 'hover-targets': 24,
  'hover-steps': 5, site: path.join(root, 'build/web/site'), 'baseline-site': '',
  'corpus-gen': path.join(root, 'build/native/corpus-gen'), json: '', shots: '',
});
const views = o.views.split(',');
export const FRAME_MS = 1000 / 60;
export const OVER_MS = 25;       // a rAF delta above this is a dropped 60 Hz frame (deltas step by 16.7 ms)
const DRAG_PX = 480;
const ZOOM_NOTCHES = 8;          // the timeline's zoom before its drag (1.2x a notch: about 4.3x)
const PAGE_TIMEOUT = 900000;     // ms: a 20k graph lays out slowly while every frame is software-rendered

// A generated corpus of about n timeline items, as timeline_peers.mjs makes them: half events, half dated
// entities (about 80% of entities are dated), as many relations as entities. Counts what it holds.
function describe(name, text, data) {
  const c = JSON.parse(text);
  return { name, data, ids: c.entities.map((e) => e.id), entities: c.entities.length, relations: c.relations.length, events: c.events.length,
           items: c.entities.filter((e) => 'date' in e).length + c.events.length, mb: text.length / 1e6 };
}

function corpora(dir) {
  const out = [];
  if (o.bundled) {
    const file = path.join(dir, 'data/corpus.json');
    out.push(describe('bundled', fs.readFileSync(file, 'utf8'), null));
  }
  for (const n of o.sizes) {
    const events = Math.round(n / 2), entities = Math.round((n - events) / 0.8);
    const rel = `bench-data/views-${n}.json`;
    const text = generateCorpus(o['corpus-gen'], entities, entities, events, path.join(dir, rel));
    out.push(describe(`${n / 1000}k`, text.toString('utf8'), rel));
  }
  return out;
}

// rAF deltas between __rafStart() and the frame after `act` has run.
async function framesDuring(page, act) {
  await page.evaluate(() => window.__rafStart());
  const f0 = await page.evaluate(() => window.__bench.frames.length);
  const extra = await act();
  const ts = await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(window.__rafStop()))));
  const f1 = await page.evaluate(() => window.__bench.frames.length);
  const d = deltas(ts);
  return { median: median(d), p95: percentile(d, 95), max: Math.max(...d), over: d.filter((x) => x > OVER_MS).length,
           frames: d.length, appFrames: f1 - f0, ...extra };
}

// The plot's rectangle (CSS px), and the rectangles drawn over it, from explorer.layoutRects().
async function rects(page) {
  return page.evaluate(() => {
    const r = window.explorer.layoutRects ? window.explorer.layoutRects() : {};
    const over = ['legend', 'viewTools', 'toolbar', 'storyCard', 'details'].map((k) => r[k]).filter(Boolean);
    return { plot: r.plot || { x: 0, y: 0, w: innerWidth, h: innerHeight }, over };
  });
}
const inside = (p, r, m = 0) => p.x >= r.x + m && p.x <= r.x + r.w - m && p.y >= r.y + m && p.y <= r.y + r.h - m;

// Every entity's position in the current view (CSS px), in chunks (20k ids in one call is a long task).
async function positions(page, ids) {
  const pos = [];
  for (let i = 0; i < ids.length; i += 4000) {
    const chunk = ids.slice(i, i + 4000);
    const p = await page.evaluate((c) => c.map((id) => window.explorer.entityScreenPos(id)), chunk);
    p.forEach((q, j) => { if (q) pos.push({ id: chunk[j], x: q.x, y: q.y }); });
  }
  return pos;
}

// Hover targets: entities drawn inside the plot, under no panel, with no other entity within 12 px (so the
// mouse there hovers that one), left to right.
async function hoverTargets(page, pos) {
  const { plot, over } = await rects(page);
  const cell = 12, grid = new Map();
  const key = (x, y) => `${Math.floor(x / cell)},${Math.floor(y / cell)}`;
  for (const q of pos) {
    const k = key(q.x, q.y);
    if (!grid.has(k)) grid.set(k, []);
    grid.get(k).push(q);
  }
  const alone = (q) => {
    for (let dx = -1; dx <= 1; ++dx)
      for (let dy = -1; dy <= 1; ++dy)
        for (const r of grid.get(key(q.x + dx * cell, q.y + dy * cell)) || [])
          if (r !== q && Math.hypot(r.x - q.x, r.y - q.y) < cell) return false;
    return true;
  };
  return pos.filter((q) => inside(q, plot, 4) && !over.some((r) => inside(q, r, -12)) && alone(q));
}

// Moves the mouse from target to target (left to right, each at least 24 px from the last), `hover-steps`
// moves each, reading which entity is hovered two frames after each arrival (the mouse rests that long).
async function hover(page, targets) {
  const picked = [];
  for (const t of [...targets].sort((a, b) => a.x - b.x))
    if (!picked.length || Math.hypot(t.x - picked.at(-1).x, t.y - picked.at(-1).y) >= 24) picked.push(t);
  const step = Math.max(1, picked.length / o['hover-targets']);
  const path_ = [];
  for (let i = 0; i < picked.length && path_.length < o['hover-targets']; i += step) path_.push(picked[Math.floor(i)]);
  if (path_.length < 2) throw new Error(`hover: only ${path_.length} items apart from others to hover`);
  await page.mouse.move(path_[0].x, path_[0].y - 30);
  await page.waitForTimeout(200);
  return framesDuring(page, async () => {
    let hits = 0;
    for (const t of path_) {
      await page.mouse.move(t.x, t.y, { steps: o['hover-steps'] });
      // ImGui takes the move in its next frame: read the hover two frames after the move was acknowledged.
      const h = await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(
        () => r(window.explorer.state().hovered)))));
      if (h === t.id) hits++;
    }
    return { targets: path_.length, hits };
  });
}

async function drag(page, x, y, px) {
  await page.mouse.move(x, y);
  await page.waitForTimeout(200);
  return framesDuring(page, async () => {
    await page.mouse.down();
    const n = o['drag-steps'];
    for (let i = 1; i <= n; ++i) await page.mouse.move(x + (px * i) / n, y);
    await page.mouse.up();
    return { px };
  });
}

// The point of the plot farthest from every node (where a drag pans rather than moves a node), and the
// drag that stays inside the plot from there.
function emptyPoint(pos, plot, over) {
  let best = null;
  for (let gx = 0.05; gx <= 0.951; gx += 0.05)
    for (let gy = 0.1; gy <= 0.91; gy += 0.05) {
      const p = { x: plot.x + plot.w * gx, y: plot.y + plot.h * gy };
      if (over.some((r) => inside(p, r, -20))) continue;
      let d = Infinity;
      for (const q of pos) d = Math.min(d, Math.hypot(q.x - p.x, q.y - p.y));
      if (!best || d > best.d) best = { ...p, d };
    }
  return best;
}

async function measure(browser, url, corpus, view, shots, tag) {
  const { context, page, errors } = await newPage(browser, [OURS_HOOK, RAF_HOOK], PAGE_TIMEOUT);
  try {
    await page.goto(`${url}index.html?view=${view}${corpus.data ? `&data=${corpus.data}` : ''}`);
    await page.evaluate(() => window.explorer.ready);
    const first = (await firstDrawn(page)).drawn;
    const s0 = await page.evaluate(() => window.explorer.state());
    if (s0.view !== view) throw new Error(`${view}: the page shows the ${s0.view} view`);
    // (The bundled corpus of a baseline build may be another edition of it: not checked.)
    if ((corpus.data || !tag.includes('-old-')) && (s0.entities !== corpus.entities || s0.events !== corpus.events))
      throw new Error(`${view}: loaded ${s0.entities} entities / ${s0.events} events, the corpus has ` +
                      `${corpus.entities} / ${corpus.events}`);
    if (shots) await page.screenshot({ path: path.join(shots, `${tag}-first.png`) });
    const r = { first };
    const { plot, over } = await rects(page);
    if (view === 'graph') {
      const t0 = Date.now();
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await page.waitForFunction(() => window.explorer.state().layout.settled, null, { polling: 250 });
      r.settleS = (Date.now() - t0) / 1000;
      await page.emulateMedia({ reducedMotion: 'no-preference' });
      await settle(page, () => window.explorer.state().frames);
      r.labels = await page.evaluate(() => window.explorer.labels().length);
      const pos = await positions(page, corpus.ids);
      r.shown = pos.length;  // the nodes drawn (the opening picture may fold some away): drawing less shows
      const p = emptyPoint(pos, plot, over);
      const px = p.x > plot.x + plot.w / 2 ? -Math.min(DRAG_PX, p.x - plot.x - 20) : Math.min(DRAG_PX, plot.x + plot.w - 20 - p.x);
      const probe = pos[0];
      const before = await page.evaluate((id) => window.explorer.entityScreenPos(id), probe.id);
      const iterations = (await page.evaluate(() => window.explorer.state())).layout.iterations;
      r.drag = await drag(page, p.x, p.y, px);
      r.drag.clearance = p.d;
      await settle(page, () => window.explorer.state().frames);
      const after = await page.evaluate((id) => window.explorer.entityScreenPos(id), probe.id);
      const s1 = await page.evaluate(() => window.explorer.state());
      if (s1.layout.iterations !== iterations) throw new Error('graph: the drag moved a node (the layout ran again)');
      if (!before || !after || Math.abs(after.x - before.x - px) > 4)
        throw new Error(`graph: the drag of ${px} px did not pan the graph (${JSON.stringify([before, after])})`);
      if (shots) await page.screenshot({ path: path.join(shots, `${tag}-dragged.png`) });
      r.hover = await hover(page, await hoverTargets(page, await positions(page, corpus.ids)));
    } else {
      r.labelsFitted = await page.evaluate(() => window.explorer.labels().length);
      const x = plot.x + plot.w / 2, y = plot.y + plot.h * 0.6;
      await page.mouse.move(x, y);
      await page.mouse.wheel(0, -100 * ZOOM_NOTCHES);
      await page.waitForFunction((w0) => window.explorer.state().timeWindowDays[0] !== w0, s0.timeWindowDays[0],
                                 { polling: 20 });
      await settle(page, () => window.explorer.state().frames);
      r.labels = await page.evaluate(() => window.explorer.labels().length);
      const w0 = (await page.evaluate(() => window.explorer.state())).timeWindowDays[0];
      const px = Math.min(DRAG_PX, plot.w - 40);
      r.drag = await drag(page, x + px / 2, y, -px);
      await settle(page, () => window.explorer.state().frames);
      const w1 = (await page.evaluate(() => window.explorer.state())).timeWindowDays[0];
      if (!(w1 > w0)) throw new Error('timeline: the drag did not pan the timeline');
      if (shots) await page.screenshot({ path: path.join(shots, `${tag}-dragged.png`) });
      r.hover = await hover(page, await hoverTargets(page, await positions(page, corpus.ids)));
    }
    if (shots) await page.screenshot({ path: path.join(shots, `${tag}-hovered.png`) });
    if (!(r.hover.hits * 2 >= r.hover.targets))
      throw new Error(`${view}: only ${r.hover.hits} of ${r.hover.targets} items were hovered when the mouse reached them`);
    if (errors.length) throw new Error(`${view}: page errors:\n` + errors.join('\n'));
    return r;
  } finally {
    await context.close();
  }
}

// Medians over runs of every figure, and each figure's range (min, max) across the runs.
function summarise(runs) {
  const m = (f) => median(runs.map(f));
  const span = (f) => [Math.min(...runs.map(f)), Math.max(...runs.map(f))];
  const frames = (k) => ({
    median: m((r) => r[k].median), p95: m((r) => r[k].p95), max: m((r) => r[k].max), over: m((r) => r[k].over),
    frames: m((r) => r[k].frames), appFrames: m((r) => r[k].appFrames),
    p95Range: span((r) => r[k].p95), medianRange: span((r) => r[k].median),
  });
  const s = { first: m((r) => r.first), firstRange: span((r) => r.first), labels: m((r) => r.labels),
              drag: frames('drag'), hover: { ...frames('hover'), hits: m((r) => r.hover.hits), targets: m((r) => r.hover.targets) } };
  if (runs[0].settleS != null) s.settleS = m((r) => r.settleS);
  if (runs[0].shown != null) s.shown = m((r) => r.shown);
  if (runs[0].labelsFitted != null) s.labelsFitted = m((r) => r.labelsFitted);
  return s;
}

const line = (r) => `first_draw_ms=${r.first.toFixed(0)} labels=${r.labels}` +
  (r.labelsFitted != null ? ` labels_fitted=${r.labelsFitted}` : '') +
  (r.settleS != null ? ` layout_settled_s=${r.settleS.toFixed(1)} nodes_shown=${r.shown}` : '') +
  ['drag', 'hover'].map((k) => ` ${k}_frames=${r[k].frames} ${k}_app_frames=${r[k].appFrames} ${k}_median_ms=${r[k].median.toFixed(1)} ` +
                             `${k}_p95_ms=${r[k].p95.toFixed(1)} ${k}_max_ms=${r[k].max.toFixed(1)} ${k}_over_${OVER_MS}ms=${r[k].over}`).join('') +
  ` hovered=${r.hover.hits}/${r.hover.targets}`;

async function main() {
  const builds = { new: o.site, ...(o['baseline-site'] ? { old: path.resolve(o['baseline-site']) } : {}) };
  for (const [k, dir] of Object.entries(builds))
    if (!fs.existsSync(path.join(dir, 'index.html'))) throw new Error(`${dir}: no built site (${k})`);
  const env = await benchSite(o.site);
  // The baseline: a sibling folder of the served one, so both builds load the same generated corpora.
  if (builds.old) {
    fs.cpSync(builds.old, path.join(env.dir, 'baseline'), { recursive: true });
    fs.symlinkSync(path.join(env.dir, 'bench-data'), path.join(env.dir, 'baseline', 'bench-data'));
  }
  const base = { new: env.url, old: `${env.url}baseline/` };
  if (o.shots) fs.mkdirSync(o.shots, { recursive: true });
  const chromium = env.browser.version();
  const out = { versions: { chromium }, runs: o.runs, frameMs: FRAME_MS, overMs: OVER_MS, baseline: !!builds.old, rows: [] };
  try {
    const list = corpora(env.dir);
    for (const c of list)
      console.log(`corpus ${c.name}: ${c.items} timeline items (${c.entities} entities, ${c.relations} relations, ` +
                  `${c.events} events, ${c.mb.toFixed(1)} MB)`);
    await measure(env.browser, base.new, list[0], views[0], '', 'warmup');  // not counted: process start-up
    const results = new Map();
    for (let run = 1; run <= o.runs; ++run)
      for (const c of list)
        for (const view of views) {
          // Old and new in turn, the order swapped every run so neither always gets the warmer machine.
          const order = Object.keys(builds);
          if (run % 2 === 0) order.reverse();
          for (const b of order) {
            const key = `${c.name}|${view}|${b}`;
            const r = await measure(env.browser, base[b], c, view, o.shots, `${view}-${c.name}-${b}-run${run}`);
            if (!results.has(key)) results.set(key, []);
            results.get(key).push(r);
            console.log(`views ${view} ${c.name} build=${b} run=${run} items=${c.items} entities=${c.entities} ${line(r)}`);
          }
        }
    for (const c of list)
      for (const view of views) {
        const row = { corpus: c.name, items: c.items, entities: c.entities, relations: c.relations, view,
                      ours: summarise(results.get(`${c.name}|${view}|new`)) };
        if (builds.old) row.baseline = summarise(results.get(`${c.name}|${view}|old`));
        out.rows.push(row);
      }
  } finally {
    await env.close();
  }
  writeJson(o.json, out);
  console.log(`\nmedians of ${o.runs} runs; headless Chromium ${chromium}, viewport ${VIEWPORT.width}x${VIEWPORT.height}, ` +
              'software WebGL');
  const head = ['view', 'corpus', 'build', 'first draw ms', 'labels', 'drag median/p95/max ms', 'hover median/p95/max ms', 'hovered'];
  const rows = out.rows.flatMap((r) => ['ours', 'baseline'].filter((k) => r[k]).map((k) => {
    const s = r[k], f = (x) => `${x.median.toFixed(1)} / ${x.p95.toFixed(1)} / ${x.max.toFixed(0)}`;
    return [r.view, r.corpus, k === 'ours' ? 'new' : 'old', s.first.toFixed(0), String(s.labels), f(s.drag), f(s.hover),
            `${s.hover.hits}/${s.hover.targets}`];
  }));
  const width = head.map((_, i) => Math.max(...[head, ...rows].map((x) => x[i].length)));
  for (const x of [head, ...rows]) console.log(x.map((cell, i) => cell.padStart(width[i])).join('  '));
}

main().catch((e) => {
  console.error(e.stack || e.message);
  process.exit(1);
});
