// Rendering benchmark in headless Chromium: frame times during a scripted pan and zoom over the same graph
// with the same node positions, ours (wasm + WebGL2) vs sigma.js (WebGL) and Cytoscape.js (canvas).
//
//   node bench/graph_render_peers.mjs [--sizes 1000,10000,50000] [--seconds 5] [--site build/web/site]
//                                     [--peers build/peers] [--corpus-gen build/native/corpus-gen]
//                                     [--json FILE] [--shots DIR] [--profile 1] [--peers-up-to 50000]
//
// For each size N: a generated corpus of N entities and 2N relations (no events). Ours opens it in the
// graph view (?data=...&view=graph), runs its force layout until state().layout.settled, then every node's
// position is read back with explorer.entityScreenPos; the peers' page (bench/peer_graph.html) draws the
// same nodes and edges at those positions (sized by degree, no labels) in a full-window container: the
// nodes ours shows (its opening picture folds themes away) and the edges between them.
// The gesture, the same mouse input for all three: wheel 3 notches out around the graph's middle (so that
// a point left of the graph is empty: a drag there pans rather than dragging a node), then for --seconds
// repeat {drag 200 px right in 20 moves, drag back, wheel 3 notches in, 3 out} at that point; each input
// event is awaited (Chromium acknowledges it), so slower pages get fewer events in the same time.
// Frame time, two ways: deltas of requestAnimationFrame timestamps over the gesture (a page that draws
// nothing in a tick still ticks), and deltas between the frames each page actually drew (ours: the app's
// frame callback; sigma: afterRender; Cytoscape: render), median and p95 of each. Also printed: the
// page's main-thread task and script time per frame (CDP), and with --profile 1 the top self times and,
// for ours, the time in each WebGL getParameter query.
// WebGL is software-rendered (SwiftShader) here: compare the ratios within one run, not absolute times.
import fs from 'node:fs';
import path from 'node:path';
import {
  root, VIEWPORT, median, percentile, parseOptions, OURS_HOOK, RAF_HOOK, deltas, generateCorpus, benchSite,
  newPage, settle, writeJson, peerVersion,
} from './browser_bench.mjs';

const o = parseOptions(process.argv, {
  sizes: [1000, 10000, 50000], seconds: 5,
  site: path.join(root, 'build/web/site'), peers: path.join(root, 'build/peers'),
  'corpus-gen': path.join(root, 'build/native/corpus-gen'), json: '', shots: '', profile: 0,
  'peers-up-to': 50000,  // larger sizes run ours only (sigma takes seconds a frame at 50k already)
});
const SETTLE_TIMEOUT = 1800000;  // ms: 50k nodes lay out slowly while every frame is software-rendered
const ZOOM_OUT = 3;

// Main-thread time (CDP Performance.getMetrics) and, with --profile, a CPU profile's top self times,
// taken around the gesture: they tell whether a frame's time goes to the page's main thread or elsewhere
// (the GPU process, where SwiftShader rasterises).
async function probe(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics
    .map((m) => [m.name, m.value]));
  const m0 = await metrics();
  if (o.profile) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.start');
  }
  return async () => {
    const m1 = await metrics();
    const r = { taskMs: (m1.TaskDuration - m0.TaskDuration) * 1000, scriptMs: (m1.ScriptDuration - m0.ScriptDuration) * 1000 };
    if (o.profile) r.top = topSelfTimes((await cdp.send('Profiler.stop')).profile, 12);
    await cdp.detach();
    return r;
  };
}

// The functions with the most self time in a CDP CPU profile: [[name, ms], ...].
function topSelfTimes(profile, k) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  for (let i = 0; i < profile.samples.length; ++i) {
    const n = byId.get(profile.samples[i]);
    const name = `${n.callFrame.functionName || '(anonymous)'} ${path.basename(n.callFrame.url || '')}`.trim();
    self.set(name, (self.get(name) || 0) + profile.timeDeltas[i] / 1000);
  }
  return [...self].sort((a, b) => b[1] - a[1]).slice(0, k).map(([n, ms]) => [n, Math.round(ms)]);
}

// The scripted pan and zoom at point p (x, y); returns rAF frame deltas, the deltas between drawn frames
// (renderTimes() reads the page's list of draw timestamps) and the input events sent.
async function gesture(page, p, renderTimes) {
  await page.mouse.move(p.x, p.y);
  await page.waitForTimeout(300);
  const done = await probe(page);
  await page.evaluate(() => window.__rafStart());
  const end = Date.now() + o.seconds * 1000;
  let events = 0;
  while (Date.now() < end) {
    for (const [from, to] of [[p.x, p.x + 200], [p.x + 200, p.x]]) {
      await page.mouse.move(from, p.y);
      await page.mouse.down();
      for (let i = 1; i <= 20; ++i) await page.mouse.move(from + ((to - from) * i) / 20, p.y);
      await page.mouse.up();
      events += 22;
    }
    await page.mouse.move(p.x, p.y);
    for (const dy of [-100, -100, -100, 100, 100, 100]) await page.mouse.wheel(0, dy);
    events += 7;
  }
  const ts = await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(window.__rafStop()))));
  const d = deltas(ts);
  const drawn = deltas((await page.evaluate(renderTimes)).filter((t) => t >= ts[0] && t <= ts[ts.length - 1]));
  return { median: median(d), p95: percentile(d, 95), frames: d.length, events,
           drawnMedian: median(drawn), drawnP95: percentile(drawn, 95), drawn: drawn.length + 1, ...await done() };
}

// With --profile: time spent in each WebGL getParameter query (by name), the sync points of a frame.
const GL_QUERY_HOOK = `(() => {
  const spent = window.__glQueries = {};
  const P = WebGL2RenderingContext.prototype, get = P.getParameter, names = {};
  for (const k in WebGL2RenderingContext) if (typeof WebGL2RenderingContext[k] === 'number') names[WebGL2RenderingContext[k]] ??= k;
  P.getParameter = function (p) {
    const t0 = performance.now();
    try { return get.call(this, p); } finally {
      const k = names[p] || p, e = spent[k] ||= [0, 0];
      e[0]++; e[1] += performance.now() - t0;
    }
  };
})();`;

async function measureOurs(browser, url, n, ids, shots) {
  const hooks = [OURS_HOOK, RAF_HOOK, ...(o.profile ? [GL_QUERY_HOOK] : [])];
  const { context, page, errors } = await newPage(browser, hooks, SETTLE_TIMEOUT);
  try {
    // Laid out as a reader who asks for reduced motion sees it: the layout runs to its end in big steps
    // rather than one tick a frame (drawing 50k nodes every tick in software WebGL would take an hour);
    // then motion is allowed again, so pan and zoom behave as for everyone.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(`${url}index.html?data=bench-data/graph-${n}.json&view=graph`);
    await page.evaluate(() => window.explorer.ready);
    const t0 = Date.now();
    await page.waitForFunction(() => window.explorer.state().layout.settled, null, { polling: 500 });
    const settleS = (Date.now() - t0) / 1000;
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await settle(page, () => window.explorer.state().frames);
    const s0 = await page.evaluate(() => window.explorer.state());
    if (s0.view !== 'graph' || s0.entities !== n) throw new Error(`ours: view ${s0.view}, ${s0.entities} entities`);
    const pos = [];
    for (let i = 0; i < ids.length; i += 5000)
      pos.push(...await page.evaluate((c) => c.map((id) => window.explorer.entityScreenPos(id)), ids.slice(i, i + 5000)));
    // The opening picture folds themes away (they are a filter and a colour, not hubs): the nodes ours
    // draws are those with a screen position, and the peers are given exactly those.
    const shown = pos.filter((q) => q).length;
    if (shown < 0.5 * n) throw new Error(`ours: only ${shown} of ${n} nodes have a screen position`);
    // The graph's middle, zoom out there, and a point left of the shrunken graph (empty space).
    const xs = pos.filter((q) => q).map((q) => q.x), ys = pos.filter((q) => q).map((q) => q.y);
    const box = { x0: Math.min(...xs), x1: Math.max(...xs), y0: Math.min(...ys), y1: Math.max(...ys) };
    const c = { x: (box.x0 + box.x1) / 2, y: (box.y0 + box.y1) / 2 };
    const start = { x: Math.max(4, c.x - (c.x - box.x0) / Math.pow(1.15, ZOOM_OUT) - 20), y: c.y };
    await page.mouse.move(c.x, c.y);
    for (let i = 0; i < ZOOM_OUT; ++i) await page.mouse.wheel(0, 100);
    await settle(page, () => window.explorer.state().frames);
    const f0 = await page.evaluate(() => window.__bench.frames.length);
    if (o.profile) await page.evaluate(() => { for (const k in window.__glQueries) delete window.__glQueries[k]; });
    const g = await gesture(page, start, () => window.__bench.frames.map((f) => f[0]));
    if (o.profile) {
      const q = Object.entries(await page.evaluate(() => window.__glQueries)).sort((a, b) => b[1][1] - a[1][1]);
      g.glQueries = q.slice(0, 8).map(([k, [count, ms]]) => [k, count, Math.round(ms)]);
    }
    const s1 = await page.evaluate(() => window.explorer.state());
    g.appFrames = (await page.evaluate(() => window.__bench.frames.length)) - f0;
    // A drag that caught a node would pin it and restart the layout: not a pan.
    if (s1.layout.iterations !== s0.layout.iterations) throw new Error('ours: the gesture moved a node (layout ran)');
    if (shots) await page.screenshot({ path: path.join(shots, `render-ours-${n}.png`) });
    if (errors.length) throw new Error('ours: page errors:\n' + errors.join('\n'));
    return { ...g, pos, shown, settleS, iterations: s0.layout.iterations, start, centre: c };
  } finally {
    await context.close();
  }
}

const PEER_TIMEOUT = 900000;  // ms: a peer that has not drawn the graph by then is reported as such

async function measurePeer(browser, url, lib, n, ours, shots) {
  const { context, page, errors } = await newPage(browser, [RAF_HOOK], PEER_TIMEOUT);
  try {
    await page.goto(`${url}peer_graph.html?lib=${lib}&data=bench-data/pos-${n}.json`);
    await page.waitForFunction(() => window.__peer.ready || window.__peer.error, null, { polling: 100 });
    const p = await page.evaluate(() => window.__peer);
    if (p.error) throw new Error(`${lib}: ${p.error}`);
    if (p.nodes !== ours.shown) throw new Error(`${lib}: ${p.nodes} nodes drawn, expected ${ours.shown}`);
    await page.mouse.move(ours.centre.x, ours.centre.y);
    for (let i = 0; i < ZOOM_OUT; ++i) await page.mouse.wheel(0, 100);
    await settle(page, () => window.__peer.renders);
    const r0 = await page.evaluate(() => window.__peer.renders);
    const g = await gesture(page, ours.start, () => window.__peer.renderTimes);
    g.appFrames = (await page.evaluate(() => window.__peer.renders)) - r0;
    if (!(g.appFrames > 0)) throw new Error(`${lib}: nothing was redrawn during the gesture`);
    if (shots) await page.screenshot({ path: path.join(shots, `render-${lib}-${n}.png`) });
    if (errors.length) throw new Error(`${lib}: page errors:\n` + errors.join('\n'));
    return g;
  } finally {
    await context.close();
  }
}

const drawnFrames = (g) => `drawn=${g.drawn} drawn_median_ms=${g.drawnMedian.toFixed(1)} drawn_p95_ms=${g.drawnP95.toFixed(1)}`;
const perFrame = (g) => `main_thread_task_ms_per_frame=${(g.taskMs / g.frames).toFixed(1)} ` +
                        `script_ms_per_frame=${(g.scriptMs / g.frames).toFixed(1)}`;

async function main() {
  const nm = (p) => path.join(o.peers, 'node_modules', p);
  const env = await benchSite(o.site, {
    'peer_graph.html': path.join(root, 'bench/peer_graph.html'),
    'sigma.min.js': nm('sigma/dist/sigma.min.js'),
    'graphology.umd.min.js': nm('graphology/dist/graphology.umd.min.js'),
    'cytoscape.min.js': nm('cytoscape/dist/cytoscape.min.js'),
  });
  if (o.shots) fs.mkdirSync(o.shots, { recursive: true });
  const versions = { sigma: peerVersion(o.peers, 'sigma'), cytoscape: peerVersion(o.peers, 'cytoscape'),
                     chromium: env.browser.version() };
  const rows = [];
  try {
    for (const n of o.sizes) {
      const text = generateCorpus(o['corpus-gen'], n, 2 * n, 0, path.join(env.dir, `bench-data/graph-${n}.json`));
      const corpus = JSON.parse(text.toString('utf8'));
      const ids = corpus.entities.map((e) => e.id);
      const index = new Map(ids.map((id, i) => [id, i]));
      const edges = corpus.relations.flatMap((r) => [index.get(r.from), index.get(r.to)]);
      const ours = await measureOurs(env.browser, env.url, n, ids, o.shots);
      // The peers draw what ours draws: the shown nodes, and the edges between two shown nodes.
      const keep = ours.pos.map((q) => !!q), newIndex = [];
      let k = 0;
      for (let i = 0; i < n; ++i) newIndex.push(keep[i] ? k++ : -1);
      const shownEdges = [];
      for (let i = 0; i < edges.length; i += 2) {
        if (keep[edges[i]] && keep[edges[i + 1]]) shownEdges.push(newIndex[edges[i]], newIndex[edges[i + 1]]);
      }
      const degree = new Array(ours.shown).fill(0);
      for (const i of shownEdges) degree[i]++;
      const shownPos = ours.pos.filter((q) => q);
      writeJson(path.join(env.dir, `bench-data/pos-${n}.json`), {
        width: VIEWPORT.width, height: VIEWPORT.height, x: shownPos.map((q) => q.x), y: shownPos.map((q) => q.y),
        size: degree.map((d) => Math.min(12, 2 + Math.sqrt(d))), edges: shownEdges,
      });
      delete ours.pos;
      const row = { n, shown: ours.shown, edges: shownEdges.length / 2, ours };
      console.log(`render ours n=${n} shown=${ours.shown} settled_after_s=${ours.settleS.toFixed(1)} layout_ticks=${ours.iterations} ` +
                  `frames=${ours.frames} app_frames=${ours.appFrames} events=${ours.events} ` +
                  `median_ms=${ours.median.toFixed(1)} p95_ms=${ours.p95.toFixed(1)} ${drawnFrames(ours)} ${perFrame(ours)}`);
      if (ours.top) console.log('  ours top self times (ms): ' + ours.top.map(([f, t]) => `${f}=${t}`).join(', '));
      if (ours.glQueries) console.log('  ours WebGL getParameter (name calls ms): ' + ours.glQueries.map((q) => q.join(' ')).join(', '));
      for (const lib of n <= o['peers-up-to'] ? ['sigma', 'cytoscape'] : []) {
        try {
          row[lib] = await measurePeer(env.browser, env.url, lib, n, ours, o.shots);
        } catch (e) {  // e.g. not drawn within the page timeout: a result too, and the other rows still run
          row[lib] = { error: e.message.split('\n')[0] };
          console.log(`render ${lib}@${versions[lib]} n=${n} error=${JSON.stringify(row[lib].error)}`);
          continue;
        }
        const g = row[lib];
        console.log(`render ${lib}@${versions[lib]} n=${n} frames=${g.frames} renders=${g.appFrames} ` +
                    `events=${g.events} median_ms=${g.median.toFixed(1)} p95_ms=${g.p95.toFixed(1)} ${drawnFrames(g)} ${perFrame(g)}`);
      }
      rows.push(row);
      writeJson(o.json, { versions, rows });  // after each size: a long run that is stopped keeps its rows
    }
  } finally {
    await env.close();
  }
}

main().catch((e) => {
  console.error(e.message);
  process.exit(1);
});
