// Force-layout benchmark against peers: our layout natively and as wasm under Node, and d3-force (the
// JavaScript library most web graph views use) on the same graphs, with the same forces and tick counts;
// also graphology-layout-forceatlas2 (Barnes-Hut on, theta 0.9 like ours) and ngraph.forcelayout (its
// Barnes-Hut quadtree, theta 0.9) on the same graphs, where the peers are installed. Prints each figure,
// then a table. Not a test.
//
//   node bench/layout_peers.mjs [--sizes 1000,10000,100000] [--native build/native/bench-layout]
//                               [--wasm build/web/bench-layout-wasm.js] [--peers build/peers] [--json FILE]
//
// --json FILE also writes the rows as JSON (tools/bench-all.sh reads it). The peers are installed at run
// time under --peers (git-ignored), never committed: tools/bench-layout.sh and tools/bench-all.sh do that,
// build, and run this. The graphs come from the native bench (`--write-graph N FILE`, the
// core generator, seed 42); the wasm bench generates them in memory with the same generator and seed.
// Each side prints an FNV-1a hash of its edge list and this script checks they all agree.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function parseArgs(argv) {
  const o = {
    sizes: [1000, 10000, 100000],
    native: path.join(root, 'build/native/bench-layout'),
    wasm: path.join(root, 'build/web/bench-layout-wasm.js'),
    peers: path.join(root, 'build/peers'),
    json: null,
  };
  for (let i = 2; i < argv.length; i += 2) {
    const [k, v] = [argv[i], argv[i + 1]];
    if (k === '--sizes') o.sizes = v.split(',').map(Number);
    else if (['--native', '--wasm', '--peers', '--json'].includes(k)) o[k.slice(2)] = path.resolve(v);
    else throw new Error(`unknown option ${k}`);
  }
  return o;
}

// The same tick counts as bench-layout: fewer at 100k, where a d3 tick takes seconds.
const ticksFor = (n) => (n >= 100000 ? 10 : 20);

// The same forces as ForceParams' defaults (see src/core/graph_layout.h).
const FORCES = { repulsion: 30, theta: 0.9, linkDistance: 30, gravity: 0.02, velocityDecay: 0.4 };

function run(cmd, args) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

// "layout ours [native] nodes=... median_ms_per_tick=... graph_hash=..." lines, by node count.
function parseOurs(text) {
  const byNodes = new Map();
  for (const line of text.split('\n')) {
    if (!line.startsWith('layout ours')) continue;
    const f = Object.fromEntries([...line.matchAll(/(\w+)=(\S+)/g)].map((m) => [m[1], m[2]]));
    byNodes.set(Number(f.nodes), { ms: Number(f.median_ms_per_tick), hash: f.graph_hash, line });
  }
  return byNodes;
}

function readGraph(file) {
  const words = readFileSync(file, 'utf8').split(/\s+/).filter(Boolean).map(Number);
  const n = words[0];
  const links = [];
  for (let i = 1; i + 1 < words.length; i += 2) links.push({ source: words[i], target: words[i + 1] });
  return { n, links, hash: graphHash(words) };
}

// FNV-1a over the words as little-endian 32-bit integers, as bench_layout.cpp's graphHash.
function graphHash(words) {
  let h = 2166136261;
  for (const v of words)
    for (let k = 0; k < 4; ++k) h = Math.imul(h ^ ((v >>> (8 * k)) & 0xff), 16777619) >>> 0;
  return h.toString(16).padStart(8, '0');
}

function median(v) {
  const s = [...v].sort((a, b) => a - b);
  return s[s.length >> 1];
}

// d3-force with the same forces as ours; ticks driven by hand (the internal timer stopped), timed one by one.
function benchD3(d3, graph, ticks) {
  const nodes = Array.from({ length: graph.n }, () => ({}));
  const sim = d3
    .forceSimulation(nodes)
    .stop()
    .velocityDecay(FORCES.velocityDecay)
    .force('charge', d3.forceManyBody().strength(-FORCES.repulsion).theta(FORCES.theta))
    .force('link', d3.forceLink(graph.links.map((l) => ({ ...l }))).distance(FORCES.linkDistance))  // copies: d3 rewrites the ends
    .force('x', d3.forceX(0).strength(FORCES.gravity))
    .force('y', d3.forceY(0).strength(FORCES.gravity));
  const ms = [];
  for (let t = 0; t < ticks; ++t) {
    const t0 = performance.now();
    sim.tick();
    ms.push(performance.now() - t0);
  }
  return median(ms);
}

// graphology-layout-forceatlas2 with Barnes-Hut: its matrices built once (as its own layout loop does),
// then its iterate() timed tick by tick. Nodes start on a seeded square, as FA2 needs positions.
function benchFA2(Graph, fa2, graph, ticks) {
  const g = new Graph({ type: 'directed', multi: true, allowSelfLoops: true });
  let seed = 1;  // a 32-bit LCG, enough for spread-out start positions
  const rand = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 4294967296;
  for (let i = 0; i < graph.n; ++i) g.addNode(i, { x: rand() * 1000, y: rand() * 1000 });
  for (const l of graph.links) g.addEdge(l.source, l.target);
  const settings = { ...fa2.defaults, ...fa2.inferSettings(g), barnesHutOptimize: true, barnesHutTheta: FORCES.theta };
  const m = fa2.helpers.graphToByteArrays(g, () => 1);
  const ms = [];
  for (let t = 0; t < ticks; ++t) {
    const t0 = performance.now();
    fa2.iterate(settings, m.nodes, m.edges);
    ms.push(performance.now() - t0);
  }
  return median(ms);
}

// ngraph.forcelayout (Barnes-Hut quadtree, theta 0.9; its other forces at their defaults), step() timed.
function benchNgraph(createGraph, createLayout, graph, ticks) {
  const g = createGraph({ multigraph: true });
  for (let i = 0; i < graph.n; ++i) g.addNode(i);
  for (const l of graph.links) g.addLink(l.source, l.target);
  const layout = createLayout(g, { theta: FORCES.theta });
  const ms = [];
  for (let t = 0; t < ticks; ++t) {
    const t0 = performance.now();
    layout.step();
    ms.push(performance.now() - t0);
  }
  return median(ms);
}

// A peer package from --peers, or null when it is not installed (tools/bench-layout.sh installs only d3).
function optionalPeer(req, dir, name) {
  const pkg = path.join(dir, 'node_modules', name, 'package.json');
  if (!existsSync(pkg)) return null;
  return { mod: req(name), version: JSON.parse(readFileSync(pkg, 'utf8')).version };
}

async function main() {
  const o = parseArgs(process.argv);
  const req = createRequire(path.join(o.peers, 'package.json'));
  const d3 = await import(pathToFileURL(req.resolve('d3-force')).href);
  const d3Version = JSON.parse(readFileSync(path.join(o.peers, 'node_modules/d3-force/package.json'), 'utf8')).version;
  const graphology = optionalPeer(req, o.peers, 'graphology');
  const fa2 = graphology && optionalPeer(req, o.peers, 'graphology-layout-forceatlas2');
  const fa2Iterate = fa2 && req('graphology-layout-forceatlas2/iterate.js');
  const fa2Helpers = fa2 && req('graphology-layout-forceatlas2/helpers.js');
  const ngGraph = optionalPeer(req, o.peers, 'ngraph.graph');
  const ngLayout = ngGraph && optionalPeer(req, o.peers, 'ngraph.forcelayout');

  // Ours first, each in its own process, one after another (never two benchmarks at once).
  const native = parseOurs(run(o.native, o.sizes.map(String)));
  const wasm = parseOurs(run(process.execPath, [o.wasm, ...o.sizes.map(String)]));
  for (const m of [native, wasm]) for (const { line } of m.values()) console.log(line);

  const rows = [];
  for (const n of o.sizes) {
    const file = path.join(o.peers, `graph-${n}.txt`);
    run(o.native, ['--write-graph', String(n), file]);
    const graph = readGraph(file);
    for (const [name, m] of [['native', native], ['wasm', wasm]])
      if (m.get(n)?.hash !== graph.hash)
        throw new Error(`graph ${n}: ${name} hash ${m.get(n)?.hash} differs from the file's ${graph.hash}`);
    const ticks = ticksFor(n);
    const d3ms = benchD3(d3, graph, ticks);
    console.log(`layout d3-force@${d3Version} [node ${process.version}] nodes=${n} edges=${graph.links.length} ` +
                `ticks=${ticks} median_ms_per_tick=${d3ms.toFixed(3)} graph_hash=${graph.hash}`);
    const row = { n, m: graph.links.length, native: native.get(n).ms, wasm: wasm.get(n).ms, d3: d3ms };
    if (fa2) {
      const GraphClass = graphology.mod.Graph || graphology.mod;
      row.fa2 = benchFA2(GraphClass, { inferSettings: fa2.mod.inferSettings, helpers: fa2Helpers, iterate: fa2Iterate,
                                               defaults: req('graphology-layout-forceatlas2/defaults.js') },
                         graph, ticks);
      console.log(`layout graphology-layout-forceatlas2@${fa2.version} [node ${process.version}] nodes=${n} ` +
                  `edges=${graph.links.length} ticks=${ticks} median_ms_per_tick=${row.fa2.toFixed(3)} barnes_hut=on`);
    }
    if (ngLayout) {
      row.ngraph = benchNgraph(ngGraph.mod.default || ngGraph.mod, ngLayout.mod.default || ngLayout.mod, graph, ticks);
      console.log(`layout ngraph.forcelayout@${ngLayout.version} [node ${process.version}] nodes=${n} ` +
                  `edges=${graph.links.length} ticks=${ticks} median_ms_per_tick=${row.ngraph.toFixed(3)}`);
    }
    rows.push(row);
  }
  if (o.json) {
    const versions = { 'd3-force': d3Version, fa2: fa2?.version, ngraph: ngLayout?.version };
    writeFileSync(o.json, JSON.stringify({ versions, rows }, null, 1));
  }

  console.log('\nmedian ms per tick (same graphs, same forces; Barnes-Hut theta 0.9)');
  const head = ['nodes', 'edges', 'ours native', 'ours wasm', 'd3-force', 'd3 / ours wasm', 'd3 / ours native'];
  if (fa2) head.push('fa2 (BH)', 'fa2 / ours wasm');
  if (ngLayout) head.push('ngraph', 'ngraph / ours wasm');
  const table = [head, ...rows.map((r) => [r.n, r.m, r.native.toFixed(2), r.wasm.toFixed(2), r.d3.toFixed(2),
    (r.d3 / r.wasm).toFixed(1) + 'x', (r.d3 / r.native).toFixed(1) + 'x',
    ...(fa2 ? [r.fa2.toFixed(2), (r.fa2 / r.wasm).toFixed(1) + 'x'] : []),
    ...(ngLayout ? [r.ngraph.toFixed(2), (r.ngraph / r.wasm).toFixed(1) + 'x'] : [])].map(String))];
  const width = head.map((_, c) => Math.max(...table.map((row) => row[c].length)));
  for (const row of table) console.log(row.map((cell, c) => cell.padStart(width[c])).join('  '));
}

main().catch((e) => {
  console.error(e.message);
  process.exit(1);
});
