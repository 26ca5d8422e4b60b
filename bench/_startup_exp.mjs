import path from 'node:path';
import { root, OURS_HOOK, generateCorpus, benchSite, newPage } from './browser_bench.mjs';
const n = Number(process.argv[2] || 5000);
const env = await benchSite(path.join(root, 'build/web/site'));
generateCorpus(path.join(root, 'build/native/corpus-gen'), n * 5 / 8, n * 5 / 8, n / 2, path.join(env.dir, `bench-data/tl.json`));
const WASM_HOOK = `(() => { const t = window.__wasmT = {}; const is = WebAssembly.instantiateStreaming; WebAssembly.instantiateStreaming = async (...a) => { t.start = performance.now(); const r = await is.apply(WebAssembly, a); t.end = performance.now(); return r; }; const i = WebAssembly.instantiate; WebAssembly.instantiate = async (...a) => { t.start2 = performance.now(); const r = await i.apply(WebAssembly, a); t.end2 = performance.now(); return r; }; })();`;
for (let run = 0; run < 3; ++run) {
  const { context, page } = await newPage(env.browser, [OURS_HOOK, WASM_HOOK]);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 100 }); await cdp.send('Profiler.start');
  await page.goto(`${env.url}index.html?data=bench-data/tl.json&view=timeline`);
  await page.evaluate(() => window.explorer.ready);
  if (run === 99) {
    const prof = (await cdp.send('Profiler.stop')).profile;
    const byId = new Map(prof.nodes.map((n) => [n.id, n])); const self = new Map(); const incl = new Map();
    const parent = new Map(); for (const n of prof.nodes) for (const c of n.children || []) parent.set(c, n.id);
    const nm = (nd) => (nd.callFrame.functionName || '(anon)') + ' ' + path.basename(nd.callFrame.url || '') + ':' + nd.callFrame.lineNumber;
    for (let i = 0; i < prof.samples.length; ++i) { let id = prof.samples[i]; const nd = byId.get(id); self.set(nm(nd), (self.get(nm(nd)) || 0) + prof.timeDeltas[i] / 1000);
      const seen = new Set(); while (id !== undefined) { const k = nm(byId.get(id)); if (!seen.has(k)) { seen.add(k); incl.set(k, (incl.get(k) || 0) + prof.timeDeltas[i] / 1000); } id = parent.get(id); } }
    console.log('SELF ' + [...self].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => k + '=' + v.toFixed(0)).join('\n  '));
    console.log('INCL ' + [...incl].sort((a, b) => b[1] - a[1]).slice(0, 40).map(([k, v]) => k + '=' + v.toFixed(0)).join('\n  '));
  }
  await page.waitForTimeout(500);
  const r = await page.evaluate(() => ({
    res: performance.getEntriesByType('resource').map((e) => [e.name.split('/').pop().split('?')[0], Math.round(e.startTime), Math.round(e.responseEnd)]),
    nav: (({ domContentLoadedEventEnd, loadEventEnd, responseEnd }) => ({ responseEnd: Math.round(responseEnd), dcl: Math.round(domContentLoadedEventEnd), load: Math.round(loadEventEnd) }))(performance.getEntriesByType('navigation')[0]),
    wasm: window.__wasmT,
    frames: window.__bench.frames.slice(0, 6).map((f) => [Math.round(f[0]), f[1], f[2]]),
  }));
  console.log(JSON.stringify(r));
  await context.close();
}
await env.close();
