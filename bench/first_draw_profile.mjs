// Where the first drawn timeline's time goes: the phases of a cold page load, from the page's own marks
// (performance marks and measures "ex:…": web/explorer-boot.js for the page's steps, the app's from C++
// through the bridge for the corpus load's steps and each early frame's font atlas, UI and GL phases) and
// the browser's resource timing (the fetches). Medians of --runs cold loads in headless Chromium, one or
// more builds of the site side by side in the same run (loads interleaved), so a change is measured A/B:
//
//   node bench/first_draw_profile.mjs [--site DIR | --site NAME=DIR ...] [--runs 7] [--items 1000]
//                                     [--bundled] [--view timeline] [--corpus-gen build/native/corpus-gen]
//
// The page is loaded as bench/timeline_peers.mjs loads it for its "first draw" (a generated corpus of
// about --items timeline items by ?data=, at 1280x800, ?view=timeline), or with the bundled corpus
// (--bundled). "first draw" is measured the same way as there: the time (from navigation start) of the
// frame after the one that resolved explorer.ready, read from a per-frame hook. A site built before the
// marks existed shows only the resource timings and that figure.
// Each row is a phase: when it starts and how long it takes (ms from navigation start; medians of the
// runs, separately, so the rows need not add up). "gap" rows are the time between two frames: the wait
// for the next animation frame, during which the browser composites and rasterises the last one (software
// WebGL here, so that is most of it). Not a test; compare builds within one run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../tools/serve.mjs';
import { launch, watchErrors } from '../tests/browser/browser.mjs';
import { generate } from './timeline_corpus.mjs';
import { OURS_HOOK, firstDrawn, median } from './browser_bench.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const VIEWPORT = { width: 1280, height: 800 };
const LOAD_TIMEOUT = 120000;

function parseArgs(argv) {
  const o = { sites: [], runs: 7, items: 1000, bundled: false, view: 'timeline',
              corpusGen: path.join(root, 'build/native/corpus-gen') };
  for (let i = 2; i < argv.length; ++i) {
    const k = argv[i];
    if (k === '--bundled') { o.bundled = true; continue; }
    const v = argv[++i];
    if (v === undefined) throw new Error(`option ${k} needs a value`);
    if (k === '--site') {
      const eq = v.indexOf('=');
      const [name, dir] = eq > 0 ? [v.slice(0, eq), v.slice(eq + 1)] : [path.basename(path.dirname(path.resolve(v))), v];
      o.sites.push({ name, dir: path.resolve(dir) });
    } else if (k === '--runs') o.runs = Math.max(1, Number(v));
    else if (k === '--items') o.items = Number(v);
    else if (k === '--view') o.view = v;
    else if (k === '--corpus-gen') o.corpusGen = path.resolve(v);
    else throw new Error(`unknown option ${k}`);
  }
  if (!o.sites.length) o.sites.push({ name: 'site', dir: path.join(root, 'build/web/site') });
  return o;
}


// One cold load: [{name, start, dur}] phases, with "first draw" as in bench/timeline_peers.mjs.
async function profileLoad(browser, url, query) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript({ content: OURS_HOOK });
  const page = await context.newPage();
  page.setDefaultTimeout(LOAD_TIMEOUT);
  const errors = watchErrors(page);
  try {
    await page.goto(`${url}index.html?${query}`);
    await page.evaluate(() => window.explorer.ready);
    await firstDrawn(page);
    const rows = await page.evaluate(() => {
      const out = [];
      const add = (name, start, end) => out.push({ name, start, dur: end - start });
      const nav = performance.getEntriesByType('navigation')[0];
      add('page: navigation to the HTML received', 0, nav.responseEnd);
      for (const r of performance.getEntriesByType('resource')) {
        const file = new URL(r.name).pathname.split('/').pop();
        if (/\.(js|css)$/.test(file) && file !== 'explorer.js') continue;  // our small scripts: see 'boot script'
        add(`fetch ${file}`, r.startTime, r.responseEnd);
      }
      const marks = performance.getEntriesByType('mark').filter((m) => m.name.startsWith('ex:'));
      const at = (n) => { const m = marks.find((x) => x.name === 'ex:' + n); return m ? m.startTime : null; };
      if (at('boot script') !== null) add('scripts parsed and run (to explorer-boot.js)', nav.responseEnd, at('boot script'));
      const main = performance.getEntriesByType('measure').find((m) => m.name === 'ex:main');
      const wasm = performance.getEntriesByType('resource').find((r) => r.name.endsWith('.wasm'));
      if (main && wasm) add('wasm compile + instantiate (fetched to main())', wasm.responseEnd, main.startTime);
      if (main && at('module ready') !== null) add('main() returned to module promise', main.startTime + main.duration, at('module ready'));
      if (at('fetches awaited') !== null) add('await font + corpus fetches', at('module ready'), at('fetches awaited'));
      let prevEnd = null;
      for (const m of performance.getEntriesByType('measure')) {
        if (!m.name.startsWith('ex:')) continue;
        const frame = /^ex:frame (\d+)( \(no corpus\))?$/.exec(m.name);
        if (frame && prevEnd !== null) add(`gap before frame ${frame[1]}`, prevEnd, m.startTime);
        if (frame) prevEnd = m.startTime + m.duration;
        add(m.name.slice(3), m.startTime, m.startTime + m.duration);
      }
      const f = window.__bench.frames;
      const ready = f.find((r) => r[2]);
      const next = f.find((r) => r[1] >= ready[1] + 1);
      add('READY (explorer.ready: first frame with the corpus)', 0, ready[0]);
      add('FIRST DRAW (the frame after ready, as bench/timeline_peers.mjs)', 0, next[0]);
      return out;
    });
    if (errors.length) throw new Error('page errors:\n' + errors.join('\n'));
    return rows;
  } finally {
    await context.close();
  }
}

async function main() {
  const o = parseArgs(process.argv);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'first-draw-'));
  let server = null, browser = null;
  try {
    // Each site in its own folder under one server, with the same generated corpus beside it.
    let corpus = null;
    if (!o.bundled) {
      fs.mkdirSync(path.join(dir, 'bench-data'));
      corpus = generate(o.corpusGen, o.items, path.join(dir, 'bench-data'));
    }
    o.sites.forEach((s, i) => {
      if (!fs.existsSync(path.join(s.dir, 'index.html'))) throw new Error(`${s.dir}: no built site`);
      fs.cpSync(s.dir, path.join(dir, `s${i}`), { recursive: true });
      if (corpus) fs.cpSync(path.join(dir, 'bench-data'), path.join(dir, `s${i}`, 'bench-data'), { recursive: true });
    });
    const served = await startServer(dir);
    server = served.server;
    browser = await launch();
    const query = (o.bundled ? '' : `data=bench-data/gen-${o.items}.json&`) + `view=${o.view}`;
    console.log(`first draw profile: ${o.bundled ? 'the bundled corpus' : `gen-${o.items}.json, ${corpus.items} timeline items`}, ` +
                `?${query}, ${VIEWPORT.width}x${VIEWPORT.height}, headless Chromium ${browser.version()}, ` +
                `medians of ${o.runs} cold loads per site, interleaved`);
    for (let i = 0; i < o.sites.length; ++i) await profileLoad(browser, `${served.url}s${i}/`, query);  // warm-up
    const runs = o.sites.map(() => []);
    for (let r = 0; r < o.runs; ++r) {
      for (let i = 0; i < o.sites.length; ++i) {
        const rows = await profileLoad(browser, `${served.url}s${i}/`, query);
        runs[i].push(rows);
        const fd = rows.find((x) => x.name.startsWith('FIRST DRAW'));
        console.log(`  run ${r + 1} ${o.sites[i].name}: first draw ${fd.dur.toFixed(0)} ms`);
      }
    }
    // Rows in the order of their median start; each site's median start and duration.
    const names = new Map();
    runs.forEach((siteRuns, i) => siteRuns.forEach((rows) => rows.forEach((x) => {
      if (!names.has(x.name)) names.set(x.name, o.sites.map(() => ({ start: [], dur: [] })));
      names.get(x.name)[i].start.push(x.start);
      names.get(x.name)[i].dur.push(x.dur);
    })));
    const order = [...names.entries()].map(([name, per]) => {
      const starts = per.flatMap((p) => p.start);
      return { name, per, key: name.startsWith('READY') || name.startsWith('FIRST') ? Infinity : median(starts) };
    }).sort((a, b) => a.key - b.key || (a.name < b.name ? -1 : 1));
    const head = ['phase', ...o.sites.flatMap((s) => [`${s.name} start`, `${s.name} ms`])];
    const table = [head, ...order.map(({ name, per }) => [name, ...per.flatMap((p) => {
      if (!p.dur.length) return ['', ''];
      const n = p.dur.length < o.runs ? ` (${p.dur.length}/${o.runs})` : '';
      return [median(p.start).toFixed(1), median(p.dur).toFixed(1) + n];
    })])];
    console.log('\n| ' + head.join(' | ') + ' |\n|' + head.map((_, c) => (c ? '---:' : '---')).join('|') + '|');
    for (const row of table.slice(1)) console.log('| ' + row.join(' | ') + ' |');
    if (o.sites.length > 1) {
      const fd = (i) => median(runs[i].map((rows) => rows.find((x) => x.name.startsWith('FIRST DRAW')).dur));
      for (let i = 1; i < o.sites.length; ++i)
        console.log(`\nfirst draw ${o.sites[i].name} / ${o.sites[0].name}: ${(fd(i) / fd(0)).toFixed(2)}x ` +
                    `(${fd(i).toFixed(0)} / ${fd(0).toFixed(0)} ms, medians of ${o.runs})`);
    }
  } finally {
    if (browser) await browser.close();
    if (server) server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e.stack || e.message);
  process.exit(1);
});
