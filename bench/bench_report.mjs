// Prints the one table of tools/bench-all.sh (markdown) from the JSON files its benchmarks wrote:
//   node bench/bench_report.mjs DIR      reads DIR/{layout,render,timeline,page,views}.json (those present)
// Each row: our figure, the peer's, the ratio (peer / ours for times and bytes, so above 1x means we are
// ahead), the aim from issue 10 and whether it is met. A missing file leaves its rows out, saying so.
// The views rows (issue 23) have no peer: with a baseline build their "peer" is that build, measured in the
// same run, and the ratio is old / new (above 1x: the new build is faster).
import fs from 'node:fs';
import path from 'node:path';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node bench/bench_report.mjs DIR');
  process.exit(2);
}
const read = (name) => {
  const f = path.join(dir, `${name}.json`);
  return fs.existsSync(f) ? JSON.parse(fs.readFileSync(f, 'utf8')) : null;
};

const AHEAD = 'ahead of the peer';
const rows = [];
const ms = (v) => `${v < 10 ? v.toFixed(2) : v.toFixed(0)} ms`;
const kb = (b) => `${(b / 1024).toFixed(0)} KB`;
const size = (n) => (n >= 1000 ? `${n / 1000}k` : String(n));
// Ahead on a pair of figures (median and p95, lower is better): no worse on either, better on one.
const aheadOn = (ours, peer, m, q) => peer[m] >= ours[m] && peer[q] >= ours[q] && (peer[m] > ours[m] || peer[q] > ours[q]);
// One row; `ratio` is peer / ours, `met` true/false, or null when the aim is not a comparison.
function row(area, what, ours, peer, ratio, aim, met) {
  rows.push([area, what, ours, peer, ratio == null ? '' : `${ratio.toFixed(ratio < 10 ? 2 : 0)}x`, aim,
             met == null ? '' : met ? 'met' : '**missed**']);
}

const layout = read('layout');
if (layout) {
  const peers = [['d3', 'd3-force'], ['fa2', 'forceatlas2 (BH)'], ['ngraph', 'ngraph.forcelayout']];
  for (const r of layout.rows)
    for (const [k, name] of peers) {
      if (r[k] == null) continue;
      const ratio = r[k] / r.wasm;
      const five = k === 'd3' && r.n === 10000;
      row('Layout (ms/tick)', `${size(r.n)} nodes, ${size(r.m)} edges vs ${name}`,
          `${ms(r.wasm)} wasm / ${ms(r.native)} native`, ms(r[k]), ratio,
          five ? '>= 5x d3-force (wasm)' : AHEAD, five ? ratio >= 5 : ratio > 1);
    }
}

const render = read('render');
if (render) {
  // Two frame times: rAF intervals (a page that draws nothing in a tick still ticks at 16.7 ms) and the
  // intervals between frames each page actually drew, each row judged by aheadOn.
  const pair = (a, b) => `${ms(a)} / ${ms(b)}`;
  // A generated corpus's themes are folded away in the opening picture: every side draws the shown nodes.
  const nodes = (r) => (r.shown && r.shown !== r.n ? `${size(r.n)} nodes (${r.shown} shown)` : `${size(r.n)} nodes`);
  for (const r of render.rows) {
    for (const lib of ['sigma', 'cytoscape']) {
      const [o, p] = [r.ours, r[lib]];
      if (!p) continue;
      if (p.error) {
        row('Rendering', `${nodes(r)} pan+zoom vs ${lib}`, `${ms(o.median)} / ${ms(o.p95)}`,
            `failed: ${p.error.slice(0, 80)}`, null, AHEAD, true);
        continue;
      }
      row('Rendering (rAF frame ms, median / p95)', `${nodes(r)} pan+zoom vs ${lib}`,
          pair(o.median, o.p95), pair(p.median, p.p95), p.median / o.median, AHEAD, aheadOn(o, p, 'median', 'p95'));
      row('Rendering (drawn frame interval ms, median / p95)', `${nodes(r)} pan+zoom vs ${lib}`,
          pair(o.drawnMedian, o.drawnP95), pair(p.drawnMedian, p.drawnP95), p.drawnMedian / o.drawnMedian, AHEAD,
          aheadOn(o, p, 'drawnMedian', 'drawnP95'));
    }
  }
  const big = render.rows.find((r) => r.n >= 100000);
  if (big) {
    const o = big.ours;
    row('Rendering', `${size(big.n)} nodes: laid out in the page (s), then pan+zoom drawn frame median / p95`,
        `${o.settleS.toFixed(0)} s; ${ms(o.drawnMedian)} / ${ms(o.drawnP95)}`, 'no peer run at this size', null,
        'interactive at 100k (median drawn frame under 100 ms)', o.drawnMedian < 100);
  } else {
    row('Rendering', '100k nodes laid out and drawn with LOD, interactive', 'not run', '', null, 'interactive at 100k', null);
  }
}

const timeline = read('timeline');
if (timeline) {
  for (const r of timeline.rows) {
    const first = r.vis.first / r.ours.first;
    const twenty = r.n === 5000;
    row('Timeline', `first draw, ${r.items} items vs vis-timeline`, ms(r.ours.first), ms(r.vis.first), first,
        twenty ? '>= 20x vis-timeline' : AHEAD, twenty ? first >= 20 : first > 1);
    const drag = r.vis.drag / r.ours.drag;
    // Issue 23's aim: a drag's p95 no worse than vis-timeline's (rAF deltas come in 16.7 ms steps: a tie is
    // a frame for a frame).
    row('Timeline (frame ms, median / p95)', `drag, ${r.items} items vs vis-timeline`,
        `${ms(r.ours.drag)} / ${ms(r.ours.dragP95)}`, `${ms(r.vis.drag)} / ${ms(r.vis.dragP95)}`, drag,
        "p95 no worse than the peer's", r.ours.dragP95 <= r.vis.dragP95 + 0.5);
  }
}

const page = read('page');
if (page) {
  const { ours, peer } = page.load;
  // Bytes before the first interactive frame (ours fetches its deferred wasm module after it), and the
  // whole visit; a page.json from before that split has only the whole visit.
  const first = (x) => (x.gzFirst !== undefined ? x.gzFirst : x.gz);
  row('Load', 'first visit, gzip bytes before the first interactive frame vs vis-timeline + vis-network page',
      kb(first(ours)), kb(first(peer)), first(peer) / first(ours), AHEAD, first(peer) > first(ours));
  row('Load', 'first visit, gzip bytes before the first interactive frame', kb(first(ours)), '', null, '<= 420 KB (issue 23)',
      first(ours) <= 420 * 1000);
  row('Load', 'whole first visit (ours: with the deferred module fetched after the first frame), gzip bytes',
      kb(ours.gz), kb(peer.gz), peer.gz / ours.gz, AHEAD, peer.gz > ours.gz);
  row('Load', 'time to first interactive frame', ms(ours.firstFrame), ms(peer.firstFrame),
      peer.firstFrame / ours.firstFrame, AHEAD, peer.firstFrame > ours.firstFrame);
  const pi = page.idle.peer;
  for (const [k, label] of [['ours', 'first view'], ['oursGraph', 'graph view']]) {
    const o = page.idle[k];
    row('Idle', `${o.seconds} s, ours in its ${label}: frames`, String(o.frames), String(pi.frames), null,
        'zero frames', o.frames === 0);
    row('Idle', `${o.seconds} s, ours in its ${label}: main-thread task / script ms`,
        `${o.taskMs.toFixed(0)} / ${o.scriptMs.toFixed(0)} ms`, `${pi.taskMs.toFixed(0)} / ${pi.scriptMs.toFixed(0)} ms`,
        pi.taskMs / Math.max(o.taskMs, 0.1), AHEAD, o.taskMs < pi.taskMs);
  }
  for (const p of page.parse)
    row('Corpus parsing (MB/s)', `${p.mb.toFixed(0)} MB corpus: in the page (wasm) / native`,
        `${p.page.toFixed(1)} / ${p.native.toFixed(1)}`, 'no peer', null, 'reported', null);
}

const views = read('views');
// The views' frame rows held to one 60 Hz frame (p95 of rAF deltas under views.overMs, i.e. no dropped
// frame in 95%): those met when the aim was set, named `view corpus measure` ('timeline bundled hover').
// The others are reported. Empty when set (issue 23): in software WebGL on the shared machine no row had a
// p95 under 66 ms (each real input event takes two or three frames to be acknowledged there); add a row
// here once it is met, so that it stays met.
const VIEW_FRAME_AIMS = new Set([]);
if (views) {
  const frame = `${(views.frameMs).toFixed(1)} ms`;
  const span = ([a, b], f) => (views.runs > 1 ? ` (runs ${f(a)}-${f(b)})` : '');
  const int = (v) => v.toFixed(0);
  const one = (v) => v.toFixed(1);
  for (const r of views.rows) {
    const what = `${r.corpus === 'bundled' ? 'bundled corpus' : `generated ${r.corpus}`} (${r.items} items, ${r.entities} entities)`;
    const [o, b] = [r.ours, r.baseline];
    // With a baseline: not slower beyond noise, i.e. missed only when every run of the new build was slower
    // than every run of the old (runs interleaved; a chance of 1 in 20 for two identical builds at 3 runs,
    // 1 in 252 at 5). One run has no spread (identical builds then differ by 2x here): reported.
    const judged = b && views.runs >= 3;
    const ab = (newRange, oldRange) => (judged ? newRange[0] <= oldRange[1] : null);
    const abAim = judged ? 'not slower than the previous build beyond noise (missed: every new run slower than every old one)'
                         : 'reported (A/B judged from 3 runs)';
    row(`Views: ${r.view}`, `first draw, ${what}`, `${ms(o.first)}${span(o.firstRange, int)}`,
        b ? `previous build: ${ms(b.first)}${span(b.firstRange, int)}` : 'no peer', b ? b.first / o.first : null,
        b ? abAim : 'reported', b ? ab(o.firstRange, b.firstRange) : null);
    for (const [k, label] of [['drag', 'drag (pan)'], ['hover', 'hover item to item']]) {
      const [f, g] = [o[k], b && b[k]];
      const cell = (x) => `${one(x.median)} / ${one(x.p95)} ms, max ${int(x.max)}, ${int(x.over)}/${int(x.frames)} over ${views.overMs} ms` +
        (k === 'hover' ? `, hovered ${x.hits}/${x.targets}` : '');
      const held = VIEW_FRAME_AIMS.has(`${r.view} ${r.corpus} ${k}`);
      let aim = held ? `p95 within one 60 Hz frame (${frame})` : 'reported', met = held ? f.p95 <= views.overMs : null;
      if (b) {
        aim = held ? `${aim}; ${abAim}` : abAim;
        if (judged) met = (met ?? true) && ab(f.p95Range, g.p95Range);
      }
      const p95s = (x) => span(x.p95Range, one).replace('runs', 'p95 runs');
      row(`Views: ${r.view} (rAF frame ms, median / p95)`, `${label}, ${what}`, cell(f) + p95s(f),
          g ? `previous build: ${cell(g)}${p95s(g)}` : 'no peer', g ? g.p95 / f.p95 : null, aim, met);
    }
    const drawn = (x) => `${x.labels}${x.shown != null ? ` labels, ${x.shown} nodes` : ''}`;
    row(`Views: ${r.view}`, `${o.shown != null ? 'labels and nodes' : 'labels'} drawn at rest, ${what}`, drawn(o),
        b ? `previous build: ${drawn(b)}` : 'no peer',
        null, 'reported (fewer labels can look faster)', null);
    if (o.settleS != null)
      row(`Views: ${r.view}`, `layout run to rest (reduced motion), ${what}`, `${o.settleS.toFixed(1)} s`,
          b ? `previous build: ${b.settleS.toFixed(1)} s` : 'no peer',
          b && Math.min(b.settleS, o.settleS) >= 0.5 ? b.settleS / o.settleS : null, 'reported', null);
  }
}

const versions = Object.assign({}, ...[layout, render, timeline, page, views].filter(Boolean).map((x) => x.versions));
console.log(`\n## Performance, side by side (one run, ${new Date().toISOString().slice(0, 16)}Z)\n`);
console.log(`Peers: ${Object.entries(versions).filter(([, v]) => v).map(([k, v]) => `${k} ${v}`).join(', ')}. ` +
            'Ratio = peer / ours (above 1x: ours is ahead). Browser rows: headless Chromium, software WebGL.' +
            (views ? ` Views rows: medians of ${views.runs} run(s); ${views.baseline ? 'the peer is the previous build, ' +
              'measured in the same run, ratio = old / new (of the p95 for frame rows)' : 'no peer (--baseline-site adds the previous build)'}; ` +
              'rAF deltas step by 16.7 ms, a delta over 25 ms is a dropped frame.' : '') + '\n');
const head = ['area', 'measure', 'ours', 'peer', 'ratio', 'aim', 'met?'];
console.log(`| ${head.join(' | ')} |`);
console.log(`|${head.map(() => '---').join('|')}|`);
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
const missing = ['layout', 'render', 'timeline', 'page', 'views'].filter((n) => !read(n));
if (missing.length) console.log(`\nNot measured in this run: ${missing.join(', ')}.`);
const missed = rows.filter((r) => r[6].includes('missed')).length;
console.log(`\n${rows.filter((r) => r[6]).length - missed} aims met, ${missed} missed.`);
