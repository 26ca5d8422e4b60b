// Shared pieces of the browser benchmarks (graph_render_peers.mjs, page_peers.mjs): statistics, the hooks
// injected into pages, a served temporary folder holding the site, the peers' builds and generated corpora.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../tools/serve.mjs';
import { launch, watchErrors } from '../tests/browser/browser.mjs';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const VIEWPORT = { width: 1280, height: 800 };

export function median(v) {
  const s = [...v].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

export function percentile(v, p) {
  const s = [...v].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

// "--key value" pairs over defaults; a key not in the defaults is an error. Numbers and lists keep their type.
export function parseOptions(argv, defaults) {
  const o = { ...defaults };
  for (let i = 2; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '');
    const v = argv[i + 1];
    if (!(key in defaults)) throw new Error(`unknown option ${argv[i]} (known: ${Object.keys(defaults).join(', ')})`);
    if (v === undefined) throw new Error(`option ${argv[i]} needs a value`);
    const d = defaults[key];
    o[key] = Array.isArray(d) ? v.split(',').map(Number) : typeof d === 'number' ? Number(v) : v;
  }
  return o;
}

// Ours: wraps the Emscripten factory (a global var in explorer.js) to keep the module (window.__mod, for
// the parse timing) and timestamp every frame the app renders (window.__bench.frames).
export const OURS_HOOK = `(() => {
  const rec = window.__bench = { frames: [] };
  let factory;
  Object.defineProperty(window, 'createExplorerModule', {
    configurable: true,
    get() { return factory; },
    set(f) {
      factory = (opts = {}) => {
        const inner = opts.onExplorerFrame;
        opts.onExplorerFrame = (frames, loaded, events) => {
          rec.frames.push([performance.now(), frames, loaded]);
          if (inner) inner(frames, loaded, events);
        };
        return f(opts).then((m) => (window.__mod = m));
      };
    },
  });
})();`;

// With OURS_HOOK: the times of the frame that resolved `explorer.ready` and of the frame after it, the
// first one drawn with Dear ImGui's window sizes settled ("first draw" in every benchmark), once drawn.
export async function firstDrawn(page) {
  await page.waitForFunction(() => {
    const f = window.__bench.frames;
    const first = f.findIndex((r) => r[2]);
    return first >= 0 && f.some((r) => r[1] >= f[first][1] + 1);
  }, null, { polling: 10 });
  return page.evaluate(() => {
    const f = window.__bench.frames;
    const ready = f.find((r) => r[2]);
    return { ready: ready[0], drawn: f.find((r) => r[1] >= ready[1] + 1)[0] };
  });
}

// Every page: requestAnimationFrame timestamps between __rafStart() and __rafStop().
export const RAF_HOOK = `(() => {
  let on = false, ts = [];
  function tick(t) { ts.push(t); if (on) requestAnimationFrame(tick); }
  window.__rafStart = () => { ts = []; on = true; requestAnimationFrame(tick); };
  window.__rafStop = () => { on = false; return ts; };
})();`;

export function deltas(ts) {
  const d = [];
  for (let i = 1; i < ts.length; ++i) d.push(ts[i] - ts[i - 1]);
  return d;
}

// Writes `corpus-gen ENTITIES RELATIONS EVENTS SEED` to FILE; returns its text.
export function generateCorpus(corpusGen, entities, relations, events, file, seed = 42) {
  const text = execFileSync(corpusGen, [String(entities), String(relations), String(events), String(seed)],
                            { maxBuffer: 1 << 30 });
  fs.writeFileSync(file, text);
  return text;
}

// A temporary folder with a copy of the site (and the given extra files), served on loopback, and a
// headless Chromium. close() removes it all.
export async function benchSite(site, extra = {}) {
  if (!fs.existsSync(path.join(site, 'index.html'))) throw new Error(`${site}: no built site (tools/build.sh web)`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nhsx-bench-'));
  fs.cpSync(site, dir, { recursive: true });
  fs.mkdirSync(path.join(dir, 'bench-data'));
  for (const [name, from] of Object.entries(extra)) {
    if (!fs.existsSync(from)) throw new Error(`${from} missing: install the peers (tools/bench-all.sh does)`);
    fs.copyFileSync(from, path.join(dir, name));
  }
  const { server, url } = await startServer(dir);
  const browser = await launch();
  return {
    dir, url, browser,
    async close() {
      await browser.close();
      server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function newPage(browser, hooks, timeout = 600000) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  for (const h of hooks) await context.addInitScript({ content: h });
  const page = await context.newPage();
  page.setDefaultTimeout(timeout);
  return { context, page, errors: watchErrors(page) };
}

// Waits until a counter read in the page stops changing for 250 ms.
export async function settle(page, read) {
  let last = await page.evaluate(read);
  for (;;) {
    await page.waitForTimeout(250);
    const now = await page.evaluate(read);
    if (now === last) return;
    last = now;
  }
}

export function writeJson(file, value) {
  if (file) fs.writeFileSync(file, JSON.stringify(value, null, 1));
}

export function peerVersion(peers, name) {
  return JSON.parse(fs.readFileSync(path.join(peers, 'node_modules', name, 'package.json'), 'utf8')).version;
}
