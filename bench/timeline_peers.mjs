// Timeline benchmark against a peer, in a real browser: our timeline (wasm + WebGL2) and vis-timeline (the
// DOM timeline most web pages use) on the same generated corpora, side by side in the same headless
// Chromium run. For 1k / 5k / 20k timeline items it measures
//   - time to first drawn timeline, from navigation start (performance.timeOrigin), cold page each time:
//       ours: the page loads `?data=gen-N.json&view=timeline` (wasm, font and corpus fetched, corpus parsed
//             and indexed); the time is that of the frame after the one that resolved `explorer.ready`
//             (the first frame ImGui draws with settled window sizes), read from a per-frame hook.
//       vis:  its own small page fetches the same JSON, converts entities and events to vis items (the
//             conversion and the DataSet are counted), builds the Timeline and waits for the first
//             'changed' event after vis's initial draw (its range fitted to the items, root visible).
//   - frame time while dragging: both zoomed to the same time window (ours pans only within its data, so
//     a wheel zoom first; vis gets ours' resulting window with setWindow), then a scripted mouse drag
//     (down, --drag-steps moves over 480 px, up) across the middle of the items; requestAnimationFrame
//     timestamps collected in the page during the drag; median and p95 of the deltas. Each real input
//     event takes two or three frames to be acknowledged here, so 40 moves give about 120 frame samples.
// Each figure is the median of --runs runs (default 3). Prints one line per run and a table. Not a test.
//
//   node bench/timeline_peers.mjs [--sizes 1000,5000,20000] [--runs 3] [--drag-steps 40]
//                                 [--site build/web/site] [--peers build/peers]
//                                 [--corpus-gen build/native/corpus-gen] [--shots DIR] [--json FILE]
// --shots DIR saves screenshots of each page loaded, zoomed and dragged; --json FILE also writes the table's
// medians as JSON (tools/bench-all.sh reads it).
//
// vis-timeline is installed from npm at run time under --peers (git-ignored), never committed:
// tools/bench-timeline-browser.sh does that, builds, and runs this. The site is copied into a temporary
// folder together with the generated corpora, the vis page and vis-timeline's standalone UMD build, and
// that folder is served on loopback, so both pages fetch the same files from the same origin.
// Chromium renders WebGL in software here (SwiftShader), so absolute times are slow; compare the ratios.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../tools/serve.mjs';
import { launch, watchErrors } from '../tests/browser/browser.mjs';
import { generate } from './timeline_corpus.mjs';
import { OURS_HOOK, RAF_HOOK, firstDrawn, median, percentile, deltas } from './browser_bench.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const VIEWPORT = { width: 1280, height: 800 };
const DRAG_PX = 480;          // total horizontal travel of the drag, right to left
const ZOOM_NOTCHES = 8;       // wheel notches of zoom before the drag (ours: 1.2x per notch)
const DAY_MS = 86400000;
const LOAD_TIMEOUT = 180000;  // ms, per page

function parseArgs(argv) {
  const o = {
    sizes: [1000, 5000, 20000],
    runs: 3,
    dragSteps: 40,
    site: path.join(root, 'build/web/site'),
    peers: path.join(root, 'build/peers'),
    corpusGen: path.join(root, 'build/native/corpus-gen'),
    shots: null,
    json: null,
  };
  for (let i = 2; i < argv.length; i += 2) {
    const [k, v] = [argv[i], argv[i + 1]];
    if (v === undefined) throw new Error(`option ${k} needs a value`);
    if (k === '--sizes') o.sizes = v.split(',').map(Number);
    else if (k === '--runs') o.runs = Math.max(1, Number(v));
    else if (k === '--drag-steps') o.dragSteps = Math.max(2, Number(v));
    else if (['--site', '--peers', '--shots', '--json'].includes(k)) o[k.slice(2)] = path.resolve(v);
    else if (k === '--corpus-gen') o.corpusGen = path.resolve(v);
    else throw new Error(`unknown option ${k}`);
  }
  return o;
}

// ---- The vis-timeline page ------------------------------------------------------------------------------
// Items grouped in the same lanes as ours: documents (with parts and themes), organisations, programmes and
// partnerships, people, events. EDTF dates: qualifiers (~ ? %) stripped, year-only -> 1 Jan, month-only ->
// the 1st, seasons 21-24 -> 1 Mar / Jun / Sep / Dec; an interval A/B is a range (open end '..' -> today);
// an interval with an unknown or open start, or an unknown end, is a point at its known date.
const VIS_PAGE = `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>vis-timeline benchmark page</title>
<link rel="icon" href="data:,">
<style>html, body { margin: 0; height: 100%; font-family: "Noto Sans", system-ui, sans-serif; } #tl { height: 100vh; }</style>
<script src="vis-timeline-graph2d.min.js"></script>
</head>
<body>
<div id="tl"></div>
<script>
(function () {
  'use strict';
  const bench = window.__bench = { drawn: null, changed: 0 };
  const today = new Date();
  const LANES = [
    { id: 0, content: 'Documents and mandates' }, { id: 1, content: 'Organisations' },
    { id: 2, content: 'Programmes and partnerships' }, { id: 3, content: 'People' }, { id: 4, content: 'Events' },
  ];
  const LANE_OF_KIND = { document: 0, part: 0, theme: 0, organisation: 1, programme: 2, partnership: 2, person: 3 };
  const SEASON_MONTH = { 21: 2, 22: 5, 23: 8, 24: 11 };

  // One EDTF point (qualifiers already stripped) -> Date, or null when empty / unknown.
  function point(s) {
    if (!s || s === '..') return null;
    const m = /^(-?\\d{4})(?:-(\\d{2}))?(?:-(\\d{2}))?$/.exec(s);
    if (!m) return null;
    const y = Number(m[1]);
    let month = 0, day = 1;
    if (m[2] && m[2] !== '00') {
      const v = Number(m[2]);
      if (v >= 21 && v <= 24) month = SEASON_MONTH[v];
      else month = v - 1;
      if (m[3] && m[3] !== '00' && v <= 12) day = Number(m[3]);
    }
    const d = new Date(2000, month, day);
    d.setFullYear(y);
    return d;
  }

  function toItem(id, content, group, date) {
    // Qualifiers dropped; unspecified digits (2014-XX, 19XX) read as 0 (a 00 month or day is ignored).
    const text = String(date).replace(/[~?%]/g, '').replace(/X/g, '0');
    let start, end = null;
    const slash = text.indexOf('/');
    if (slash < 0) {
      start = point(text);
    } else {
      const a = text.slice(0, slash), b = text.slice(slash + 1);
      start = point(a);
      end = b === '..' ? today : point(b);
      if (!start) { start = end; end = null; }           // open or unknown start: a point at the end
      if (end && start && end <= start) end = null;
    }
    if (!start) return null;
    return end ? { id, content, group, start, end, type: 'range' } : { id, content, group, start, type: 'point' };
  }

  async function main() {
    const url = new URLSearchParams(location.search).get('data');
    const r = await fetch(url);
    if (!r.ok) throw new Error(url + ': HTTP ' + r.status);
    const corpus = await r.json();
    bench.fetched = performance.now();
    const items = [];
    for (const e of corpus.entities) {
      if (!('date' in e)) continue;
      const it = toItem('e:' + e.id, e.name, LANE_OF_KIND[e.kind] ?? 0, e.date);
      if (it) items.push(it);
    }
    for (const v of corpus.events) {
      const it = toItem('v:' + v.id, v.name, 4, v.date);
      if (it) items.push(it);
    }
    const data = new vis.DataSet(items);
    const groups = new vis.DataSet(LANES);
    bench.items = items.length;
    bench.converted = performance.now();
    const options = { height: '100%', verticalScroll: true, orientation: { axis: 'top', item: 'top' } };
    let timeline = null;
    const drawn = () => {
      if (bench.drawn !== null) return;
      bench.drawn = performance.now();
      bench.domItems = document.querySelectorAll('.vis-item').length;
    };
    timeline = new vis.Timeline(document.getElementById('tl'), data, groups, options);
    window.timeline = timeline;
    bench.constructed = performance.now();
    timeline.on('changed', () => {
      bench.changed++;
      if (timeline.initialDrawDone) drawn();
    });
    // vis draws synchronously in its constructor; if that already was the initial draw, it counts.
    if (timeline.initialDrawDone) drawn();
  }
  main().catch((e) => { bench.error = String(e && e.stack || e); console.error('vis bench page: ' + e); });
})();
</script>
</body>
</html>
`;

// ---- Hooks injected before each page's own scripts ------------------------------------------------------

// A horizontal drag from (x, y) over DRAG_PX pixels in dragSteps moves; rAF deltas during it.
let dragSteps = 40;
async function drag(page, x, y) {
  await page.mouse.move(x, y);
  await page.waitForTimeout(200);
  await page.evaluate(() => window.__rafStart());
  await page.mouse.down();
  for (let i = 1; i <= dragSteps; ++i) await page.mouse.move(x - (DRAG_PX * i) / dragSteps, y);
  await page.mouse.up();
  const ts = await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(window.__rafStop()))));
  const d = deltas(ts);
  return { median: median(d), p95: percentile(d, 95), frames: d.length };
}

// Waits until a counter read in the page (frames drawn, redraws) stops changing for 250 ms.
async function settle(page, read) {
  let last = await page.evaluate(read);
  for (;;) {
    await page.waitForTimeout(250);
    const now = await page.evaluate(read);
    if (now === last) return;
    last = now;
  }
}

async function newPage(browser, hooks) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  for (const h of hooks) await context.addInitScript({ content: h });
  const page = await context.newPage();
  page.setDefaultTimeout(LOAD_TIMEOUT);
  return { context, page, errors: watchErrors(page) };
}

async function measureOurs(browser, url, corpus, shots, tag, withDrag = true) {
  const { context, page, errors } = await newPage(browser, [OURS_HOOK, RAF_HOOK]);
  try {
    await page.goto(`${url}index.html?data=bench-data/gen-${corpus.n}.json&view=timeline`);
    await page.evaluate(() => window.explorer.ready);
    // The frame after the one that resolved `ready`: the timeline with ImGui's window sizes settled.
    const t = await firstDrawn(page);
    const s0 = await page.evaluate(() => window.explorer.state());
    if (s0.view !== 'timeline') throw new Error(`ours: view is ${s0.view}, not timeline`);
    if (s0.entities !== corpus.entities || s0.events !== corpus.events || s0.relations !== corpus.relations)
      throw new Error(`ours: loaded ${s0.entities} entities / ${s0.relations} relations / ${s0.events} events, ` +
                      `the corpus has ${corpus.entities} / ${corpus.relations} / ${corpus.events}`);
    if (!s0.timeWindowDays) throw new Error('ours: no time window after the first timeline frame');
    if (shots) await page.screenshot({ path: path.join(shots, `ours-${tag}-loaded.png`) });
    if (!withDrag) {
      if (errors.length) throw new Error('ours: page errors:\n' + errors.join('\n'));
      return { ready: t.ready, drawn: t.drawn };
    }
    // The plot takes the canvas's left two thirds (the details panel the rest), below the title, toolbar
    // and axis. Fitted to all data, ours does not pan past the data's ends, so first zoom in around the
    // plot's middle (one wheel event of 8 notches, 1.2x each: about 4.3x); vis gets the same window.
    const x = VIEWPORT.width * 0.36, y = VIEWPORT.height * 0.6;
    await page.mouse.move(x, y);
    await page.mouse.wheel(0, -100 * ZOOM_NOTCHES);
    await page.waitForFunction((w0) => window.explorer.state().timeWindowDays[0] !== w0, s0.timeWindowDays[0],
                               { polling: 20 });
    await settle(page, () => window.explorer.state().frames);
    const sz = await page.evaluate(() => window.explorer.state());
    const dragX = x + DRAG_PX / 2;
    const d = await drag(page, dragX, y);
    const s1 = await page.evaluate(() => window.explorer.state());
    const panned = s1.timeWindowDays[0] - sz.timeWindowDays[0];
    if (!(panned > 0)) throw new Error('ours: the drag did not pan the timeline');
    if (shots) await page.screenshot({ path: path.join(shots, `ours-${tag}-dragged.png`) });
    if (errors.length) throw new Error('ours: page errors:\n' + errors.join('\n'));
    return { ready: t.ready, drawn: t.drawn, drag: d, drawnDuringDrag: s1.frames - sz.frames,
             window: sz.timeWindowDays, pannedDays: panned };
  } finally {
    await context.close();
  }
}

async function measureVis(browser, url, corpus, win, shots, tag, withDrag = true) {
  const { context, page, errors } = await newPage(browser, [RAF_HOOK]);
  try {
    await page.goto(`${url}vis.html?data=bench-data/gen-${corpus.n}.json`);
    await page.waitForFunction(() => window.__bench && (window.__bench.drawn !== null || window.__bench.error),
                               null, { polling: 10 });
    const b = await page.evaluate(() => window.__bench);
    if (b.error) throw new Error('vis: ' + b.error);
    if (b.items !== corpus.items) throw new Error(`vis: ${b.items} items converted, the corpus has ${corpus.items}`);
    if (!(b.domItems > 0)) throw new Error('vis: no items in the DOM at the first draw');
    if (shots) await page.screenshot({ path: path.join(shots, `vis-${tag}-loaded.png`) });
    if (!withDrag) {
      if (errors.length) throw new Error('vis: page errors:\n' + errors.join('\n'));
      return { drawn: b.drawn };
    }
    // The same time window as ours had after its zoom, then the same drag across the middle of the items.
    await page.evaluate(([a, b]) => window.timeline.setWindow(new Date(a), new Date(b), { animation: false }),
                        [win[0] * DAY_MS, win[1] * DAY_MS]);
    await settle(page, () => window.__bench.changed);
    if (shots) await page.screenshot({ path: path.join(shots, `vis-${tag}-zoomed.png`) });
    const box = await page.evaluate(() => {
      const r = document.querySelector('.vis-panel.vis-center').getBoundingClientRect();
      return { x: r.x, y: r.y, w: r.width, h: r.height };
    });
    const w0 = await page.evaluate(() => +window.timeline.getWindow().start);
    const changed0 = await page.evaluate(() => window.__bench.changed);
    const d = await drag(page, box.x + box.w / 2 + DRAG_PX / 2, box.y + box.h * 0.6);
    const w1 = await page.evaluate(() => +window.timeline.getWindow().start);
    const changed1 = await page.evaluate(() => window.__bench.changed);
    if (!(w1 > w0)) throw new Error('vis: the drag did not pan the timeline');
    if (shots) await page.screenshot({ path: path.join(shots, `vis-${tag}-dragged.png`) });
    if (errors.length) throw new Error('vis: page errors:\n' + errors.join('\n'));
    return { drawn: b.drawn, fetched: b.fetched, converted: b.converted, domItems: b.domItems,
             drag: d, drawnDuringDrag: changed1 - changed0, pannedDays: (w1 - w0) / DAY_MS };
  } finally {
    await context.close();
  }
}

async function main() {
  const o = parseArgs(process.argv);
  dragSteps = o.dragSteps;
  const umd = path.join(o.peers, 'node_modules/vis-timeline/standalone/umd/vis-timeline-graph2d.min.js');
  if (!fs.existsSync(umd)) throw new Error(`${umd} missing: install vis-timeline (tools/bench-timeline-browser.sh does)`);
  const visVersion = JSON.parse(fs.readFileSync(path.join(o.peers, 'node_modules/vis-timeline/package.json'), 'utf8')).version;
  if (!fs.existsSync(path.join(o.site, 'index.html'))) throw new Error(`${o.site}: no built site (tools/build.sh web)`);
  if (o.shots) fs.mkdirSync(o.shots, { recursive: true });

  // The served folder: a copy of the site, the corpora, the vis page and vis-timeline's UMD build.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'timeline-bench-'));
  let server = null, browser = null;
  try {
    fs.cpSync(o.site, dir, { recursive: true });
    fs.mkdirSync(path.join(dir, 'bench-data'));
    fs.copyFileSync(umd, path.join(dir, 'vis-timeline-graph2d.min.js'));
    fs.writeFileSync(path.join(dir, 'vis.html'), VIS_PAGE);
    const corpora = o.sizes.map((n) => generate(o.corpusGen, n, path.join(dir, 'bench-data')));
    for (const c of corpora)
      console.log(`corpus gen-${c.n}.json: ${c.items} timeline items (${c.entities} entities, ${c.events} events, ` +
                  `${c.relations} relations, ${(c.bytes / 1e6).toFixed(1)} MB)`);

    const served = await startServer(dir);
    server = served.server;
    const url = served.url;
    browser = await launch();
    const chromium = browser.version();

    // Warm-up loads (not counted): the first pages of a browser pay for process start-up and such.
    await measureOurs(browser, url, corpora[0], o.shots, 'warmup', false);
    await measureVis(browser, url, corpora[0], null, o.shots, 'warmup', false);

    const results = new Map(corpora.map((c) => [c.n, { ours: [], vis: [] }]));
    for (let run = 1; run <= o.runs; ++run) {
      for (const c of corpora) {
        const tag = `${c.n}-run${run}`;
        // Ours first: vis then zooms to the window ours had for its drag.
        const r = await measureOurs(browser, url, c, o.shots, tag);
        results.get(c.n).ours.push(r);
        console.log(`timeline ours [chromium ${chromium}] items=${c.items} run=${run} ready_ms=${r.ready.toFixed(0)} ` +
                    `first_draw_ms=${r.drawn.toFixed(0)} drag_frames=${r.drag.frames} ` +
                    `drag_median_ms=${r.drag.median.toFixed(1)} drag_p95_ms=${r.drag.p95.toFixed(1)} ` +
                    `app_frames_during_drag=${r.drawnDuringDrag} panned_days=${r.pannedDays.toFixed(0)}`);
        const v = await measureVis(browser, url, c, r.window, o.shots, tag);
        results.get(c.n).vis.push(v);
        console.log(`timeline vis-timeline@${visVersion} [chromium ${chromium}] items=${c.items} run=${run} ` +
                    `fetched_ms=${v.fetched.toFixed(0)} converted_ms=${v.converted.toFixed(0)} ` +
                    `first_draw_ms=${v.drawn.toFixed(0)} vis_item_elements=${v.domItems} drag_frames=${v.drag.frames} ` +
                    `drag_median_ms=${v.drag.median.toFixed(1)} drag_p95_ms=${v.drag.p95.toFixed(1)} ` +
                    `redraws_during_drag=${v.drawnDuringDrag} panned_days=${v.pannedDays.toFixed(0)}`);
      }
    }

    console.log(`\nmedians of ${o.runs} runs; headless Chromium ${chromium}, viewport ${VIEWPORT.width}x${VIEWPORT.height}; ` +
                `ours: wasm + WebGL2, vis-timeline ${visVersion} (DOM)`);
    console.log('first draw: navigation start to the first drawn timeline (page, script, corpus fetch and parse included)');
    console.log(`drag: requestAnimationFrame deltas during a ${dragSteps}-step, ${DRAG_PX} px mouse drag after zooming both ` +
                'to the same window (deltas come in multiples of the 16.7 ms frame)');
    console.log('WebGL is software-rendered (SwiftShader) here, so absolute times are slow; the ratios are what compare.\n');
    const head = ['items', 'ours first draw ms', 'vis first draw ms', 'vis / ours',
                  'ours drag median/p95 ms', 'vis drag median/p95 ms'];
    const rows = corpora.map((c) => {
      const r = results.get(c.n);
      const of = median(r.ours.map((x) => x.drawn)), vf = median(r.vis.map((x) => x.drawn));
      const dm = (xs) => `${median(xs.map((x) => x.drag.median)).toFixed(1)} / ${median(xs.map((x) => x.drag.p95)).toFixed(1)}`;
      return [c.items, of.toFixed(0), vf.toFixed(0), (vf / of).toFixed(2) + 'x', dm(r.ours), dm(r.vis)].map(String);
    });
    const table = [head, ...rows];
    if (o.json) {
      const m = (xs, f) => median(xs.map(f));
      fs.writeFileSync(o.json, JSON.stringify({ versions: { 'vis-timeline': visVersion, chromium }, runs: o.runs,
        rows: corpora.map((c) => {
          const r = results.get(c.n);
          return { n: c.n, items: c.items,
                   ours: { first: m(r.ours, (x) => x.drawn), drag: m(r.ours, (x) => x.drag.median), dragP95: m(r.ours, (x) => x.drag.p95) },
                   vis: { first: m(r.vis, (x) => x.drawn), drag: m(r.vis, (x) => x.drag.median), dragP95: m(r.vis, (x) => x.drag.p95) } };
        }) }, null, 1));
    }
    const width = head.map((_, col) => Math.max(...table.map((row) => row[col].length)));
    for (const row of table) console.log(row.map((cell, col) => cell.padStart(width[col])).join('  '));
  } finally {
    if (browser) await browser.close();
    if (server) server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e.message);
  process.exit(1);
});
