// Page benchmarks in headless Chromium: first-visit load, idle cost, and corpus parsing in the page.
//
//   node bench/page_peers.mjs [--parse-entities 10800,54000] [--idle-seconds 10] [--runs 3]
//                             [--site build/web/site] [--peers build/peers]
//                             [--corpus-gen build/native/corpus-gen] [--bench-corpus build/native/bench-corpus]
//                             [--json FILE]
//
// Load: a fresh browser context opens our page (the site with its bundled corpus) and the peer page
//   (bench/peer_vis.html: the same corpus in vis-timeline + vis-network, standalone builds). Bytes: every
//   response of the visit, each body gzipped at level 9 (the size a gzip-serving host sends; our test server
//   sends plain bytes), in all and those that had arrived by the first interactive frame. Time to first interactive frame, from navigation start: ours, the first frame drawn
//   with the corpus loaded (the one that resolves explorer.ready); the peer, when both the timeline and the
//   network have drawn once. Median of --runs visits.
// Idle: 3 s after that, --idle-seconds with no input: frames rendered (ours: frames the app drew, from its
//   per-frame hook; the peer: vis-timeline 'changed' + vis-network 'afterDrawing' events) and main-thread
//   time from CDP Performance.getMetrics (TaskDuration, ScriptDuration). Ours in its first view and in the
//   graph view (?view=graph, whose layout runs then stops).
// Parse: corpora of ENTITIES entities, 2x relations, ENTITIES/10 events (corpus-gen, seed 1: the corpus
//   bench-corpus generates), fetched into the page as text first; then the same steps as explorer.load
//   does with a text (copy into the wasm heap, load + validate + index, read the reply), timed; MB/s of the
//   UTF-8 text, median of --runs. Natively: bench-corpus on the same counts.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import zlib from 'node:zlib';
import {
  root, median, parseOptions, OURS_HOOK, generateCorpus, benchSite, newPage, writeJson, peerVersion,
} from './browser_bench.mjs';

const o = parseOptions(process.argv, {
  'parse-entities': [10800, 54000], 'idle-seconds': 10, runs: 3,
  site: path.join(root, 'build/web/site'), peers: path.join(root, 'build/peers'),
  'corpus-gen': path.join(root, 'build/native/corpus-gen'),
  'bench-corpus': path.join(root, 'build/native/bench-corpus'), json: '',
});

// Opens a page in a fresh context; returns gzip bytes of everything it fetched and the first-frame time.
async function visit(browser, url, ours, keepOpen) {
  const { context, page, errors } = await newPage(browser, ours ? [OURS_HOOK] : []);
  const bodies = [];
  // Caught: a body still pending when the page closes (after an error) rejects, unhandled otherwise.
  // Each body with when it had arrived (ms since the epoch: the request's start plus its responseEnd).
  const onResponse = (r) => bodies.push(r.body().then((b) => {
    const t = r.request().timing();
    return { url: r.url(), raw: b.length, gz: zlib.gzipSync(b, { level: 9 }).length,
             at: t.responseEnd >= 0 ? t.startTime + t.responseEnd : Infinity };
  }, () => null));
  page.on('response', onResponse);
  await page.goto(url);
  let firstFrame;
  if (ours) {
    await page.evaluate(() => window.explorer.ready);
    firstFrame = await page.evaluate(() => window.__bench.frames.find((f) => f[2])[0]);
  } else {
    await page.waitForFunction(() => window.__peer.error ||
                               (window.__peer.timelineDrawn !== null && window.__peer.networkDrawn !== null));
    const p = await page.evaluate(() => window.__peer);
    if (p.error) throw new Error('peer page: ' + p.error);
    firstFrame = Math.max(p.timelineDrawn, p.networkDrawn);
  }
  await page.waitForLoadState('networkidle');
  page.off('response', onResponse);
  const files = await Promise.all(bodies);
  if (files.includes(null)) throw new Error(`${url}: a response body could not be read`);
  if (errors.length) throw new Error(`${url}: page errors:\n` + errors.join('\n'));
  // What the first interactive frame needed: the bodies that had arrived by then (ours fetches its
  // deferred wasm module only after that frame, in idle time; the whole visit counts it too).
  const frameAt = (await page.evaluate(() => performance.timeOrigin)) + firstFrame;
  const before = files.filter((f) => f.at <= frameAt);
  const r = { firstFrame, gz: files.reduce((s, f) => s + f.gz, 0), raw: files.reduce((s, f) => s + f.raw, 0),
              files: files.length, gzFirst: before.reduce((s, f) => s + f.gz, 0), filesFirst: before.length };
  if (keepOpen) return { ...r, context, page };
  await context.close();
  return r;
}

// Frames and main-thread time over --idle-seconds of no input, 3 s after the first frame.
async function idle(v, ours) {
  const { page, context } = v;
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics
    .map((m) => [m.name, m.value]));
  const frames = () => page.evaluate((o) => (o ? window.__bench.frames.length
                                              : window.__peer.timelineRedraws + window.__peer.networkRedraws), ours);
  await page.waitForTimeout(3000);
  const [m0, f0] = [await metrics(), await frames()];
  await page.waitForTimeout(o['idle-seconds'] * 1000);
  const [m1, f1] = [await metrics(), await frames()];
  await context.close();
  return { frames: f1 - f0, taskMs: (m1.TaskDuration - m0.TaskDuration) * 1000,
           scriptMs: (m1.ScriptDuration - m0.ScriptDuration) * 1000, seconds: o['idle-seconds'] };
}

// Times explorer.load's steps on a text already in the page; returns MB/s runs.
async function parseInPage(browser, url, file) {
  const { context, page } = await newPage(browser, [OURS_HOOK]);
  try {
    await page.goto(`${url}index.html`);
    await page.evaluate(() => window.explorer.ready);
    return await page.evaluate(async ([file, runs]) => {
      const text = await (await fetch(file)).text();
      const m = window.__mod;
      const out = [];
      for (let i = 0; i < runs; ++i) {
        const t0 = performance.now();
        const n = m.lengthBytesUTF8(text) + 1;
        const p = m._malloc(n);
        m.stringToUTF8(text, p, n);
        const name = m._malloc(16);
        m.stringToUTF8('bench.json', name, 16);
        const reply = JSON.parse(m.UTF8ToString(m._ex_load(p, n - 1, name)));
        m._free(p);
        m._free(name);
        const ms = performance.now() - t0;
        if (!reply.ok) throw new Error(`${file}: refused: ${JSON.stringify(reply.errors.slice(0, 3))}`);
        out.push({ ms, mb: (n - 1) / 1e6 });
      }
      return out;
    }, [file, o.runs]);
  } finally {
    await context.close();
  }
}

function parseNative(entities) {
  const out = execFileSync(o['bench-corpus'], [String(entities), String(2 * entities), String(o.runs)],
                           { encoding: 'utf8' });
  const mb = Number(/([\d.]+) MB\n/.exec(out)?.[1]);
  const mbs = Number(/throughput ([\d.]+) MB\/s/.exec(out)?.[1]);
  if (!(mb > 0 && mbs > 0)) throw new Error(`bench-corpus: unexpected output:\n${out}`);
  return { mb, mbs };
}

async function main() {
  const nm = (p) => path.join(o.peers, 'node_modules', p);
  const env = await benchSite(o.site, {
    'peer_vis.html': path.join(root, 'bench/peer_vis.html'),
    'vis-timeline-graph2d.min.js': nm('vis-timeline/standalone/umd/vis-timeline-graph2d.min.js'),
    'vis-network.min.js': nm('vis-network/standalone/umd/vis-network.min.js'),
  });
  const result = {
    versions: { 'vis-timeline': peerVersion(o.peers, 'vis-timeline'), 'vis-network': peerVersion(o.peers, 'vis-network'),
                chromium: env.browser.version() },
  };
  try {
    const pages = { ours: `${env.url}index.html`, peer: `${env.url}peer_vis.html` };
    await visit(env.browser, pages.ours, true);  // warm-up, not counted
    const load = { ours: [], peer: [] };
    for (let i = 0; i < o.runs; ++i)
      for (const k of ['ours', 'peer']) load[k].push(await visit(env.browser, pages[k], k === 'ours'));
    result.load = {};
    for (const k of ['ours', 'peer']) {
      const v = load[k];
      result.load[k] = { gz: v[0].gz, raw: v[0].raw, files: v[0].files, firstFrame: median(v.map((x) => x.firstFrame)),
                         gzFirst: median(v.map((x) => x.gzFirst)), filesFirst: v[0].filesFirst };
      console.log(`load ${k} files=${v[0].files} bytes=${v[0].raw} gzip_bytes=${v[0].gz} ` +
                  `before_first_frame_files=${v[0].filesFirst} before_first_frame_gzip_bytes=${result.load[k].gzFirst} ` +
                  `first_frame_ms=${v.map((x) => x.firstFrame.toFixed(0)).join(',')}`);
    }
    result.idle = {
      ours: await idle(await visit(env.browser, pages.ours, true, true), true),
      oursGraph: await idle(await visit(env.browser, pages.ours + '?view=graph', true, true), true),
      peer: await idle(await visit(env.browser, pages.peer, false, true), false),
    };
    for (const [k, v] of Object.entries(result.idle))
      console.log(`idle ${k} seconds=${v.seconds} frames=${v.frames} task_ms=${v.taskMs.toFixed(1)} script_ms=${v.scriptMs.toFixed(1)}`);
    result.parse = [];
    for (const e of o['parse-entities']) {
      const file = `bench-data/parse-${e}.json`;
      generateCorpus(o['corpus-gen'], e, 2 * e, Math.floor(e / 10), path.join(env.dir, file), 1);
      const runs = await parseInPage(env.browser, env.url, file);
      const mb = runs[0].mb;
      const page = mb / (median(runs.map((r) => r.ms)) / 1000);
      const native = parseNative(e);
      if (Math.abs(native.mb - mb) > 0.06) throw new Error(`parse: native corpus ${native.mb} MB, page ${mb} MB`);
      result.parse.push({ entities: e, mb, page, native: native.mbs });
      console.log(`parse entities=${e} mb=${mb.toFixed(1)} page_mb_s=${page.toFixed(1)} native_mb_s=${native.mbs}`);
    }
  } finally {
    await env.close();
  }
  writeJson(o.json, result);
}

main().catch((e) => {
  console.error(e.message);
  process.exit(1);
});
