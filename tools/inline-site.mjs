// The one-file build: turns the built site into a single HTML file that works opened from disk
// (file://), where fetch() is blocked. Scripts and style sheets that index.html names are inlined; the
// wasm, the UI font and the corpus go into non-executed <script type="application/..."> blocks that
// explorer-api.js reads instead of fetching. The page's Content-Security-Policy becomes a hash-based one
// (inline script is unavoidable here) that also forbids every fetch: see docs/security.md.
//   node tools/inline-site.mjs SITE_DIR OUT.html
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

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

// Inline text may not end its <script>/<style> element early or open an HTML comment in it.
function checkInlinable(rel, text, tag) {
  const m = new RegExp(`</${tag}|<!--`, 'i').exec(text);
  if (m) {
    const line = text.slice(0, m.index).split('\n').length;
    fail(`${rel}:${line}: contains "${m[0]}", which would break out of an inline <${tag}>`);
  }
  return text;
}

const sha256 = (text) => `'sha256-${crypto.createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const scriptHashes = [];
const styleHashes = [];
let html = read('index.html', 'utf8');

html = html.replace(/<link rel="stylesheet" href="([^"]+)">/g, (_, rel) => {
  const css = checkInlinable(rel, read(rel, 'utf8'), 'style');
  styleHashes.push(sha256(css));
  return `<style>${css}</style>`;
});

let scripts = 0;
html = html.replace(/<script src="([^"]+)"><\/script>/g, (_, rel) => {
  const js = checkInlinable(rel, read(rel, 'utf8'), 'script');
  scriptHashes.push(sha256(js));
  scripts++;
  return `<script>${js}</script>`;
});
if (scripts === 0) fail(`${site}/index.html: no <script src="..."></script> to inline`);

// The data blocks go before the first script, which reads them at start-up. JSON keeps its text with
// every "<" escaped (legal JSON: "<" can only occur inside strings); binary files are base64.
const corpus = read('data/corpus.json', 'utf8').replace(/</g, '\\u003c');
const blocks = [
  `<script type="application/octet-stream" id="explorer-wasm">${read('explorer.wasm').toString('base64')}</script>`,
  `<script type="application/octet-stream" id="explorer-font">${read('fonts/explorer-ui.ttf').toString('base64')}</script>`,
  `<script type="application/json" id="explorer-corpus">${corpus}</script>`,
].join('\n  ');
const first = html.indexOf('<script>');
html = html.slice(0, first) + blocks + '\n  ' + html.slice(first);

// Nothing may be fetched (connect-src 'none'); scripts and styles only by hash; wasm from bytes.
const policy = [
  "default-src 'none'",
  `script-src ${scriptHashes.join(' ')} 'wasm-unsafe-eval'`,
  `style-src ${styleHashes.join(' ')}`,
  "img-src data: blob:",
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
const meta = /(<meta http-equiv="Content-Security-Policy" content=")[^"]*(">)/;
if (!meta.test(html)) fail(`${site}/index.html: no <meta http-equiv="Content-Security-Policy" content="..."> to replace`);
html = html.replace(meta, (_, a, b) => a + policy + b);

fs.writeFileSync(out, html);
console.log(`inline-site: wrote ${out} (${html.length} bytes, ${scripts} scripts inlined)`);
