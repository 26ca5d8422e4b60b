// The one-file build: turns the built site into a single HTML file that works opened from disk
// (file://), where fetch() is blocked. The builder is web/one-file.js, which the page itself also uses
// to make such a file with the data it holds (Export > One-file explorer): scripts and style sheets
// that index.html names are inlined; the two wasm modules, the UI font and the corpus go into non-executed
// <script type="application/..."> blocks that explorer-boot.js reads instead of fetching. The page's
// Content-Security-Policy becomes a hash-based one that also forbids every fetch: docs/security.md.
//   node tools/inline-site.mjs SITE_DIR OUT.html
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const { build } = require('../web/one-file.js');

const [site, out] = process.argv.slice(2);
if (!site || !out) {
  console.error('usage: node tools/inline-site.mjs SITE_DIR OUT.html');
  process.exit(2);
}

function fail(message) {
  console.error(`inline-site: ${message}`);
  process.exit(1);
}

function read(rel, encoding) {
  const file = path.join(site, rel);
  if (!fs.existsSync(file)) fail(`${file}: not found (build the site first: tools/build.sh web)`);
  return fs.readFileSync(file, encoding);
}

let result;
try {
  result = await build({
    html: read('index.html', 'utf8'),
    read: (rel) => read(rel, 'utf8'),
    wasm: read('explorer.wasm').toString('base64'),
    deferred: read('explorer.deferred.wasm').toString('base64'),
    font: read('fonts/explorer-ui.ttf').toString('base64'),
    corpus: read('data/corpus.json', 'utf8'),
  });
} catch (e) {
  fail(`${site}/${e.message}`);
}
fs.writeFileSync(out, result.html);
console.log(`inline-site: wrote ${out} (${result.html.length} bytes, ${result.scripts} scripts inlined)`);
