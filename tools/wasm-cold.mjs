// What of the primary wasm no first view runs: candidates for the deferred module (tools/deferred-code.txt).
// Instruments the whole linked module (build/web/app/explorer.wasm.orig; binaryen's wasm-split
// --instrument), serves a copy of the site with it, opens the default view and the first views deep links
// open (wide and narrow) in headless Chromium, reads each page's profile (__write_profile: which functions
// ran) and lists the functions still in the primary module that none ran, biggest first, with their
// library or source file. A function listed may yet run on a reader's first click or key: the list is
// where to look, not what to move (tests/browser/deferred-wasm.mjs checks the first views after a change).
//   node tools/wasm-cold.mjs [BUILD_DIR] [TOP]        default build/web, 60
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startServer } from './serve.mjs';
import { launch } from '../tests/browser/browser.mjs';
import { findNm, functionNames, lebReader, ourObjects } from './wasm-names.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const buildDir = path.resolve(process.argv[2] || path.join(here, '..', 'build', 'web'));
const top = Number(process.argv[3] || 60);
const orig = path.join(buildDir, 'app', 'explorer.wasm.orig');
const splitList = path.join(buildDir, 'app', 'deferred-functions.txt');
const links = ['', '#view=timeline', '#view=graph&sel=org-nhs-england', '?select=org-nhs-england', '?embed=1&view=graph',
  '#view=timeline&group=body', '#view=graph&col=theme', '?pres=1', '?theme=dark',
  '#view=timeline&story=story-mandates-2012-to-2025&step=1', '#view=graph&story=story-cancer-unit&step=2', '?embed=1'];

// The site with the instrumented module in the primary's place.
const site = fs.mkdtempSync(path.join(os.tmpdir(), 'wasm-cold-'));
fs.cpSync(path.join(buildDir, 'site'), site, { recursive: true });
execFileSync('wasm-split', ['--instrument', orig, '--enable-mutable-globals', '-o', path.join(site, 'explorer.wasm')]);

// Defined functions' body sizes and names (imports take the first indices).
const bytes = fs.readFileSync(orig);
const names = functionNames(bytes);
const at = { pos: 8 };
const leb = lebReader(bytes, at);
let imported = 0;
const sizes = [];
while (at.pos < bytes.length) {
  const id = bytes[at.pos++];
  const end = leb() + at.pos;
  if (id === 2) {
    const n = leb();
    for (let i = 0; i < n; i++) {
      for (let k = 0; k < 2; k++) { const l = leb(); at.pos += l; }
      const kind = bytes[at.pos++];
      if (kind === 0) { leb(); imported++; } else if (kind === 1) { at.pos++; const f = leb(); leb(); if (f & 1) leb(); }
      else if (kind === 2) { const f = leb(); leb(); if (f & 1) leb(); } else if (kind === 3) at.pos += 2;
    }
  } else if (id === 10) {
    const n = leb();
    for (let i = 0; i < n; i++) { const s = leb(); sizes.push(s); at.pos += s; }
  }
  at.pos = end;
}

// Each first view's profile: 8 bytes of the module's hash, then a 32-bit timestamp per defined function
// (0: it never ran).
const ran = new Set();
const { server, url } = await startServer(site);
const browser = await launch();
try {
  for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
    for (const link of links) {
      const context = await browser.newContext({ viewport });
      await context.addInitScript(() => {  // the instance, to call its __write_profile
        const wrap = (f) => async function (...a) {
          const r = await f.apply(this, a);
          const inst = r.instance || r;
          if (inst.exports && inst.exports.__write_profile) window.__instrumented = inst;
          return r;
        };
        WebAssembly.instantiate = wrap(WebAssembly.instantiate);
        WebAssembly.instantiateStreaming = wrap(WebAssembly.instantiateStreaming);
      });
      const page = await context.newPage();
      await page.goto(url + link);
      await page.waitForFunction(() => window.explorer && window.explorer.ready, null, { timeout: 30000 });
      await page.evaluate(() => window.explorer.ready);
      await page.waitForTimeout(1000);  // the first frames and what the page does after them (the app sleeps when idle)
      const profile = await page.evaluate((n) => {
        const e = window.__instrumented.exports;
        const mem = Object.values(e).find((x) => x instanceof WebAssembly.Memory);
        const p = mem.grow(Math.ceil((8 + 4 * n) / 65536)) * 65536;  // fresh pages: nothing of the app's there
        const len = e.__write_profile(p, 8 + 4 * n);
        return Array.from(new Uint8Array(mem.buffer, p, len));
      }, sizes.length);
      const dv = new DataView(Uint8Array.from(profile).buffer);
      for (let i = 0; 8 + 4 * i + 4 <= profile.length; i++) if (dv.getUint32(8 + 4 * i, true) !== 0) ran.add(i);
      await context.close();
    }
  }
} finally {
  await browser.close();
  server.close();
  fs.rmSync(site, { recursive: true, force: true });
}

// Who defines each function: our source file (llvm-nm over our objects), else a library by its name.
const owner = new Map();
const nm = findNm();
if (nm) {
  for (const { object, src } of ourObjects(buildDir)) {
    const out = execFileSync(nm, ['--defined-only', '--demangle', '--format=just-symbols', object], { encoding: 'utf8', maxBuffer: 1 << 28 });
    for (const sym of out.split('\n')) if (sym && !owner.has(sym)) owner.set(sym, src);
  }
}
const library = (n) => owner.get(n) || (/^(ImGui|Im[A-Z]|stb|STB)|(^|::)ImGui/.test(n) ? 'Dear ImGui'
  : /^(SDL|Emscripten_)/.test(n) ? 'SDL2' : 'C/C++ runtime and templates');
const unescape = (s) => s.replace(/\\([0-9a-f]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16)));
const deferred = new Set(fs.existsSync(splitList) ? fs.readFileSync(splitList, 'utf8').split('\n').map(unescape) : []);
const cold = [];
let hotBytes = 0, deferredBytes = 0;
sizes.forEach((size, i) => {
  const name = names.get(i + imported) || `#${i + imported}`;
  if (deferred.has(name)) deferredBytes += size;
  else if (ran.has(i)) hotBytes += size;
  else cold.push({ size, name, lib: library(name) });
});
const coldBytes = cold.reduce((a, c) => a + c.size, 0);
console.log(`function bodies (raw bytes): ran in a first view ${hotBytes}; in the primary but never ran ${coldBytes}; deferred ${deferredBytes}`);
const byLib = new Map();
for (const c of cold) byLib.set(c.lib, (byLib.get(c.lib) || 0) + c.size);
console.log('\n| never ran, by library or file | bytes |\n|---|---|');
[...byLib].sort((a, b) => b[1] - a[1]).slice(0, 25).forEach(([k, v]) => console.log(`| ${k} | ${v} |`));
console.log('\n| never ran: function | bytes | where |\n|---|---|---|');
cold.sort((a, b) => b.size - a.size).slice(0, top).forEach((c) => console.log(`| ${c.name.slice(0, 120)} | ${c.size} | ${c.lib} |`));
