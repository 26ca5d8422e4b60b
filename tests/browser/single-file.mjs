// The one-file build opened from disk: build/web/explorer-single.html loaded from a file:// URL must
// start with the bundled corpus, fetch nothing, keep to its own hash-based Content-Security-Policy and
// draw. Prints "N passed, M failed"; exits non-zero on failure.
//   node tests/browser/single-file.mjs --html build/web/explorer-single.html --site build/web/site
//        --artifacts build/test-artifacts
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { checker, launch, parseArgs, pixelsDiffering, testOptions, watchErrors } from './browser.mjs';

const { site, artifacts } = testOptions(process.argv);
const html = path.resolve(parseArgs(process.argv).html || 'build/web/explorer-single.html');
const { check, finish } = checker();

const corpus = JSON.parse(fs.readFileSync(path.join(site, 'data', 'corpus.json'), 'utf8'));
const expected = {};
for (const e of corpus.entities) expected[e.kind] = (expected[e.kind] || 0) + 1;

const text = fs.readFileSync(html, 'utf8');
check('the file names no other file to load', !/<script[^>]+\bsrc=|<link[^>]+rel="stylesheet"/i.test(text));
const policy = (/http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(text) || [])[1] || '';
check('its policy allows no fetch, no eval and scripts only by hash',
  /connect-src 'none'/.test(policy) && !/unsafe-eval'|unsafe-inline/.test(policy.replace("'wasm-unsafe-eval'", '')) &&
  /script-src 'sha256-[^']+'/.test(policy), policy);

const browser = await launch();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = watchErrors(page);
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective}: ${e.blockedURI}`));
  });
  const url = pathToFileURL(html).href;
  await page.goto(url);
  await page.evaluate(() => window.explorer.ready);
  await page.waitForTimeout(300);

  const state = await page.evaluate(() => window.explorer.state());
  check('explorer.ready resolves with the bundled corpus', state.corpusLoaded && state.title === corpus.title,
    JSON.stringify(state.title));
  check('counts per kind match the bundled corpus',
    Object.keys(expected).every((k) => state.counts[k] === expected[k]), JSON.stringify(state.counts));
  check('relations and events match', state.relations === corpus.relations.length &&
    state.events === corpus.events.length, `${state.relations} ${state.events}`);
  check('select works', await page.evaluate(() => window.explorer.select('org-acevo')) &&
    (await page.evaluate(() => window.explorer.state())).selected === 'org-acevo');

  const others = requests.filter((u) => u !== url && !u.startsWith('data:'));
  check('nothing is fetched but the file itself', others.length === 0, others.join(' '));
  const violations = await page.evaluate(() => window.__violations);
  check('no Content-Security-Policy violations', violations.length === 0, violations.join('; '));

  const shot = await page.screenshot({ path: path.join(artifacts, 'single-file.png') });
  const px = await pixelsDiffering(page, shot, [250, 250, 247]);  // the app's clear colour
  const differ = px.differ / px.total;
  check('the canvas is not blank', differ > 0.005, String(differ));
  check('no page errors or console errors', errors.length === 0, errors.join('\n'));
} finally {
  await browser.close();
}
finish();
