import fs from 'node:fs';
import path from 'node:path';
import { root, RAF_HOOK, OURS_HOOK, deltas, median, generateCorpus, benchSite, newPage, settle } from './browser_bench.mjs';
const n = Number(process.argv[2] || 1000);
const which = process.argv[3] || 'ours';
const env = await benchSite(path.join(root, 'build/web/site'), {
  'peer_graph.html': path.join(root, 'bench/peer_graph.html'),
  'sigma.min.js': path.join(root, 'build/peers/node_modules/sigma/dist/sigma.min.js'),
  'graphology.umd.min.js': path.join(root, 'build/peers/node_modules/graphology/dist/graphology.umd.min.js'),
  'cytoscape.min.js': path.join(root, 'build/peers/node_modules/cytoscape/dist/cytoscape.min.js'),
});
generateCorpus(path.join(root, 'build/native/corpus-gen'), n, 2 * n, which === 'timeline' ? n : 0, path.join(env.dir, `bench-data/graph-${n}.json`));
const noop = (process.argv[4] || '').split(',').filter(Boolean);
const NOOP_HOOK = `(() => { const P = WebGL2RenderingContext.prototype; for (const spec of ${JSON.stringify(noop)}) { const [f, t] = spec.split(':'); const orig = P[f]; let k = 0; const [tt, which] = (t || '').split('/'); P[f] = function (...a) { if (tt && a[2] != tt) return orig.apply(this, a); if (which !== undefined && (k++ % 3) != which) return orig.apply(this, a); }; } })();`;
const COUNT_HOOK = `(() => { const P = WebGL2RenderingContext.prototype; const c = window.__glc = {}; for (const f of ['drawElements','drawArrays','clear','bufferData','bufferSubData','texImage2D','texSubImage2D','scissor','useProgram','bindTexture']) { const o = P[f]; P[f] = function (...a) { const k = f + (f === 'drawElements' ? ':' + a[2] : ''); const e = c[k] ||= [0, 0]; e[0]++; e[1] += (f.startsWith('draw') ? a[1] : 0); return o.apply(this, a); }; } })();`;
const SHRINK_HOOK = process.env.SHRINK ? `(() => { const P = WebGL2RenderingContext.prototype; const gul = P.getUniformLocation; P.getUniformLocation = function (p, n) { const l = gul.call(this, p, n); if (l) l.__n = n; return l; }; const u1 = P.uniform1f; P.uniform1f = function (l, v) { if (l && (l.__n === 'uScale' || l.__n === 'uMinRadiusPx')) v *= 0.001; return u1.call(this, l, v); }; })();` : '';
const { context, page } = await newPage(env.browser, [OURS_HOOK, RAF_HOOK, NOOP_HOOK, COUNT_HOOK, SHRINK_HOOK]);
if (which === 'timeline') {
await page.goto(`${env.url}index.html?data=bench-data/graph-${n}.json&view=timeline`);
await page.evaluate(() => window.explorer.ready);
await page.waitForTimeout(1000);
await page.mouse.move(500, 400);
for (let i = 0; i < 8; ++i) await page.mouse.wheel(0, -100);
await settle(page, () => window.explorer.state().frames);
} else if (which === 'ours') {
await page.goto(`${env.url}index.html?data=bench-data/graph-${n}.json&view=graph`);
await page.evaluate(() => window.explorer.ready);
await page.waitForFunction(() => window.explorer.state().layout.settled, null, { polling: 500 });
await settle(page, () => window.explorer.state().frames);
} else {
  const x = [], y = [], size = [], edges = [];
  for (let i = 0; i < n; ++i) { x.push(300 + Math.random() * 900); y.push(50 + Math.random() * 700); size.push(4); }
  for (let i = 0; i < 2 * n; ++i) edges.push(i % n, (i * 7919) % n);
  fs.writeFileSync(path.join(env.dir, 'bench-data/pos.json'), JSON.stringify({ width: 1280, height: 800, x, y, size, edges }));
  await page.goto(`${env.url}peer_graph.html?lib=${which}&data=bench-data/pos.json`);
  await page.waitForFunction(() => window.__peer.ready || window.__peer.error, null, { polling: 100 });
  await page.waitForTimeout(500);
}
const p = which === 'timeline' ? { x: 700, y: 400 } : { x: 60, y: 400 };
await page.mouse.move(p.x, p.y);
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 200 }); await cdp.send('Profiler.start');
await env.browser.startTracing(page, { path: '/tmp/exp/trace.json', categories: ['gpu', 'viz', 'cc', 'toplevel', 'benchmark', 'disabled-by-default-gpu.service', 'disabled-by-default-devtools.timeline'] });
await page.evaluate(() => { window.__rafStart(); for (const k in window.__glc) delete window.__glc[k]; });
const end = Date.now() + 4000;
while (Date.now() < end) {
  for (const [from, to] of which === 'timeline' ? [[p.x, p.x - 200], [p.x - 200, p.x]] : [[p.x, p.x + 200], [p.x + 200, p.x]]) {
    await page.mouse.move(from, p.y); await page.mouse.down();
    for (let i = 1; i <= 20; ++i) await page.mouse.move(from + ((to - from) * i) / 20, p.y);
    await page.mouse.up();
  }
}
const ts = await page.evaluate(() => window.__rafStop());
console.log(JSON.stringify(await page.evaluate(() => window.__glc)));
await env.browser.stopTracing();
const prof = (await cdp.send('Profiler.stop')).profile;
{ const byId = new Map(prof.nodes.map((n) => [n.id, n])); const self = new Map();
  for (let i = 0; i < prof.samples.length; ++i) { const nd = byId.get(prof.samples[i]); const name = (nd.callFrame.functionName || '(anon)') + ' ' + path.basename(nd.callFrame.url || '') + ':' + nd.callFrame.lineNumber; self.set(name, (self.get(name) || 0) + prof.timeDeltas[i] / 1000); }
  console.log('PROFILE ' + [...self].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => k + '=' + v.toFixed(0)).join('\n  ')); }
console.log('frames', ts.length, 'median', median(deltas(ts)).toFixed(1));
await page.screenshot({ path: '/tmp/exp/shot.png' });
await context.close(); await env.close();
const tr = JSON.parse(fs.readFileSync('/tmp/exp/trace.json', 'utf8'));
const ev = tr.traceEvents || tr;
const tname = new Map();
for (const e of ev) if (e.ph === 'M' && e.name === 'thread_name') tname.set(e.pid + ':' + e.tid, e.args.name);
const agg = new Map();
for (const e of ev) if (e.ph === 'X' && e.dur) {
  const k = (tname.get(e.pid + ':' + e.tid) || e.tid) + ' | ' + e.name;
  const a = agg.get(k) || [0, 0]; a[0]++; a[1] += e.dur / 1000; agg.set(k, a);
}
for (const [k, [c, ms]] of [...agg].sort((a, b) => b[1][1] - a[1][1]).slice(0, 400)) console.log(ms.toFixed(0).padStart(7), String(c).padStart(5), k);
