// Puts the site's scripts and corpus into the site folder in their shipped form: each JavaScript file
// minified with terser (compress + mangle of local names; top-level names, which the page's scripts
// share as globals, and property names stay), each JSON file without indentation. The repository's
// copies stay readable. A file is written only when its content changes, so a rebuild leaves the
// rest of the site (and its times) alone. terser comes from npm, pinned by tools/minify/package-lock.json
// (tools/setup.sh installs it).
//   node tools/minify-site.mjs OUT_DIR FILE.js|FILE.json ...
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const [outDir, ...files] = process.argv.slice(2);
if (!outDir || files.length === 0) {
  console.error('usage: node tools/minify-site.mjs OUT_DIR FILE.js|FILE.json ...');
  process.exit(2);
}
const here = path.dirname(fileURLToPath(import.meta.url));
let terser;
try {
  terser = createRequire(path.join(here, 'minify', 'package.json'))('terser');
} catch {
  console.error('minify-site: terser is not installed in tools/minify (run tools/setup.sh)');
  process.exit(1);
}

function writeIfChanged(file, text) {
  if (fs.existsSync(file) && fs.readFileSync(file, 'utf8') === text) return;
  fs.writeFileSync(file, text);
}

fs.mkdirSync(outDir, { recursive: true });
for (const file of files) {
  const source = fs.readFileSync(file, 'utf8');
  const out = path.join(outDir, path.basename(file));
  if (file.endsWith('.json')) {
    writeIfChanged(out, JSON.stringify(JSON.parse(source)));
    continue;
  }
  // Classic scripts sharing globals: no top-level renaming or dropping; no eval anywhere (the page's
  // Content-Security-Policy forbids it). inline_script escapes "</script" for the one-file build, and
  // constant expressions stay unfolded, so a script that writes '<scr' + 'ipt src=' to keep that text
  // out of an inlined page (web/one-file.js) still does.
  const result = await terser.minify(source, {
    ecma: 2020,
    toplevel: false,
    compress: { passes: 2, evaluate: false },
    mangle: true,
    format: { comments: false, inline_script: true },
  });
  if (result.code === undefined) {
    console.error(`minify-site: ${file}: terser produced nothing`);
    process.exit(1);
  }
  writeIfChanged(out, result.code + '\n');
}
