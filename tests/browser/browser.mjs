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
