// Shared helpers for the browser tests: launch Debian's Chromium headless through playwright-core.
import fs from 'node:fs';
import { chromium } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist',
];

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

// Waits until fn (run in the page with arg) returns something truthy: that value, or null after `ms`.
export async function until(page, fn, arg, ms = 15000) {
  try {
    return await (await page.waitForFunction(fn, arg, { timeout: ms, polling: 50 })).jsonValue();
  } catch {
    return null;
  }
}

// One of the app's named controls (explorer.controls(); docs/embedding.md lists the names) once it is drawn
// and has stayed put for a few polls (a popup measures itself in its first frames, so its rows move
// before they settle): {name, x, y, w, h} in CSS pixels, or null when it is not drawn within `ms`.
export async function control(page, name, ms = 15000) {
  try {
    await page.evaluate((n) => { if (window.__controlSeen) delete window.__controlSeen[n]; }, name);  // seen anew
    const handle = await page.waitForFunction((n) => {
      const c = window.explorer.controls().find((x) => x.name === n) || null;
      const now = JSON.stringify(c);
      const seen = (window.__controlSeen = window.__controlSeen || {});
      seen[n] = seen[n] && seen[n].text === now ? { text: now, n: seen[n].n + 1 } : { text: now, n: 0 };
      return c && seen[n].n >= 5 ? c : null;
    }, name, { timeout: ms, polling: 50 });
    return await handle.jsonValue();
  } catch {
    return null;
  }
}

// Opens the ☰ menu and clicks its row `item` by real clicks, as a reader does, up to three times (a
// popup is measured in its first frame and placed in the next: its row is clicked where it settled);
// true once every control named in `shown` is drawn.
export async function fromMenu(page, item, shown) {
  const centre = (r) => [r.x + r.w / 2, r.y + r.h / 2];
  for (let attempt = 0; attempt < 3; attempt++) {
    const menu = await control(page, 'menu', 4000);
    if (!menu) continue;
    await page.mouse.click(...centre(menu));
    const row = await control(page, item, 4000);
    if (!row) continue;
    await page.mouse.click(...centre(row));
    let all = true;
    for (const name of shown) all = all && !!(await control(page, name));
    if (all) return true;
  }
  return false;
}

export function parseArgs(argv) {
  const out = {};
  for (let i = 2; i < argv.length; i += 2) out[argv[i].replace(/^--/, '')] = argv[i + 1];
  return out;
}

// Collects page errors and console errors so a test can assert there were none.
export function watchErrors(page) {
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console.error: ${m.text()}`); });
  page.on('response', (r) => { if (r.status() >= 400) errors.push(`HTTP ${r.status()}: ${r.url()}`); });
  return errors;
}

// Pixels of a PNG screenshot that differ from `other` (a same-size PNG, or an [r, g, b] colour) by more
// than 30 summed over r, g and b: { differ, total }. Decoded in the page (WebGL's drawing buffer is not
// kept after compositing, so tests compare screenshots).
export function pixelsDiffering(page, png, other) {
  return page.evaluate(async ([a64, b]) => {
    const pixels = async (b64) => {
      const img = new Image();
      img.src = 'data:image/png;base64,' + b64;
      await img.decode();
      const ctx = new OffscreenCanvas(img.width, img.height).getContext('2d');
      ctx.drawImage(img, 0, 0);
      return ctx.getImageData(0, 0, img.width, img.height).data;
    };
    const p = await pixels(a64);
    const q = typeof b === 'string' ? await pixels(b) : null;
    let differ = 0;
    for (let i = 0; i < p.length; i += 4) {
      const [r, g, bl] = q ? [q[i], q[i + 1], q[i + 2]] : b;
      differ += Math.abs(p[i] - r) + Math.abs(p[i + 1] - g) + Math.abs(p[i + 2] - bl) > 30;
    }
    return { differ, total: p.length / 4 };
  }, [png.toString('base64'), Buffer.isBuffer(other) ? other.toString('base64') : other]);
}

// The command line of a browser test: --site DIR (the built site), --artifacts DIR (screenshots).
export function testOptions(argv) {
  const args = parseArgs(argv);
  const site = args.site || 'build/web/site';
  const artifacts = args.artifacts || 'build/test-artifacts';
  fs.mkdirSync(artifacts, { recursive: true });
  return { site, artifacts };
}

// Named checks that print "ok"/"FAIL" lines and end with "N passed, M failed" and the exit status.
export function checker() {
  let passed = 0, failed = 0;
  return {
    check(name, ok, detail = '') {
      if (ok) { passed++; console.log(`ok   ${name}`); } else { failed++; console.log(`FAIL ${name} ${detail}`); }
    },
    finish() {
      console.log(`${passed} passed, ${failed} failed`);
      process.exit(failed ? 1 : 0);
    },
  };
}
