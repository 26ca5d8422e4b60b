// The site's page loads its scripts as one file: the run of deferred <script src> elements at the end of
// index.html (Emscripten's glue explorer.js and our small modules, each already minified into SCRIPTS_DIR
// by tools/minify-site.mjs) is joined, in that order, into SITE_DIR/explorer-page.js, and the site's
// index.html names that one file instead; the other scripts (the head's explorer-fetch.js, the demo host
// page's) are copied as they are. One request instead of fourteen: over HTTP/1.1 the browser opens six connections
// to a host, and the scripts queued behind each other and behind the wasm and the corpus (issue 23, the
// first draw). The repository keeps one small file per concern (web/); only the shipped page is joined.
// Deferred classic scripts share one global scope and run in order, so the joined file behaves the same.
//   node tools/bundle-page.mjs SITE_DIR SCRIPTS_DIR
import fs from 'node:fs';
import path from 'node:path';

const [site, scripts] = process.argv.slice(2);
if (!site || !scripts) {
  console.error('usage: node tools/bundle-page.mjs SITE_DIR SCRIPTS_DIR');
  process.exit(2);
}
const BUNDLE = 'explorer-page.js';
const indexFile = path.join(site, 'index.html');
const html = fs.readFileSync(indexFile, 'utf8');
// The run of deferred scripts: consecutive <script src="X" defer></script> lines (comments between kept out).
const tag = /^[ \t]*<script src="([^"]+)" defer><\/script>\n/gm;
const found = [...html.matchAll(tag)];
if (found.length === 0) {
  // Already joined (a rebuild of an unchanged page): the page names the bundle and nothing else.
  if (html.includes(`<script src="${BUNDLE}" defer></script>`)) process.exit(0);
  console.error(`bundle-page: ${indexFile}: no deferred <script src> elements`);
  process.exit(1);
}
for (let i = 1; i < found.length; ++i) {
  const between = html.slice(found[i - 1].index + found[i - 1][0].length, found[i].index);
  if (between.trim() !== '') {
    console.error(`bundle-page: ${indexFile}: the deferred scripts are not one run (text between ${found[i - 1][1]} and ${found[i][1]})`);
    process.exit(1);
  }
}
const parts = found.map((m) => {
  const file = path.join(scripts, m[1]);
  if (!fs.existsSync(file)) {
    console.error(`bundle-page: ${file}: not found (index.html names it)`);
    process.exit(1);
  }
  // Each part ends its last statement itself: a part that ends in an expression without ';' would
  // otherwise run into the next part's opening '('.
  return `/* ${m[1]} */\n${fs.readFileSync(file, 'utf8').trimEnd()};\n`;
});
function writeIfChanged(file, text) {  // a rebuild leaves an unchanged file (and its time) alone
  if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== text) fs.writeFileSync(file, text);
}
writeIfChanged(path.join(site, BUNDLE), parts.join(''));
const first = found[0], last = found[found.length - 1];
const indent = /^[ \t]*/.exec(first[0])[0];
writeIfChanged(indexFile, html.slice(0, first.index) + `${indent}<script src="${BUNDLE}" defer></script>\n` +
  html.slice(last.index + last[0].length));
const joined = new Set(found.map((m) => m[1]));
for (const name of fs.readdirSync(scripts)) {
  const target = path.join(site, name);
  if (joined.has(name)) fs.rmSync(target, { force: true });  // (left by a build before the bundle)
  else writeIfChanged(target, fs.readFileSync(path.join(scripts, name), 'utf8'));
}
console.log(`bundle-page: ${found.length} scripts joined into ${BUNDLE}`);
