// Where the bytes of explorer.wasm go: the size of every function body (from the code section), named by
// the wasm's name section (a link with --profiling-funcs: the same code, names kept; a symbol map from
// --emit-symbol-map does not match the final function order), attributed to a library (Dear ImGui, SDL2,
// nlohmann/json, the C/C++ runtime) or to our own source file (by the functions each of our object files
// defines, read with llvm-nm). Prints two tables, by library and by our file, in raw bytes.
//   node tools/wasm-breakdown.mjs WASM BUILD_DIR [TOP]
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { findNm, functionNames, ourObjects } from './wasm-names.mjs';

const [wasmPath, buildDir, topArg] = process.argv.slice(2);
if (!wasmPath || !buildDir) {
  console.error('usage: node tools/wasm-breakdown.mjs WASM BUILD_DIR [TOP]');
  process.exit(2);
}
const top = Number(topArg || 25);
const bytes = fs.readFileSync(wasmPath);

// --- The wasm: function imports (they take the first indices) and the code section's body sizes. ---
let pos = 8;
const leb = () => {
  let result = 0, shift = 0, b;
  do { b = bytes[pos++]; result += (b & 0x7f) * 2 ** shift; shift += 7; } while (b & 0x80);
  return result;
};
let importedFuncs = 0;
const bodySizes = [];
const sectionBytes = {};
const names = functionNames(bytes);  // index -> name
while (pos < bytes.length) {
  const id = bytes[pos++];
  const size = leb();
  const end = pos + size;
  sectionBytes[id] = (sectionBytes[id] || 0) + size;
  if (id === 2) {  // imports: count the functions
    const n = leb();
    for (let i = 0; i < n; i++) {
      for (let k = 0; k < 2; k++) { const l = leb(); pos += l; }  // module, field (leb() moves pos: read it first)
      const kind = bytes[pos++];
      if (kind === 0) { leb(); importedFuncs++; } else if (kind === 1) { pos++; const f = leb(); leb(); if (f & 1) leb(); }
      else if (kind === 2) { const f = leb(); leb(); if (f & 1) leb(); } else if (kind === 3) { pos += 2; }
    }
  } else if (id === 10) {  // code
    const n = leb();
    for (let i = 0; i < n; i++) { const s = leb(); bodySizes.push(s); pos += s; }  // s read before pos moves
  }
  pos = end;
}

if (names.size === 0) {
  console.error(`${wasmPath} has no name section: link it with --profiling-funcs`);
  process.exit(2);
}

// --- Our object files: which functions each defines (demangled), for attribution to a source file. ---
const nm = findNm();
const ownerOf = new Map();
if (nm) {
  for (const { object: o, src } of ourObjects(buildDir)) {
    const out = execFileSync(nm, ['--defined-only', '--demangle', '--format=just-symbols', o], { encoding: 'utf8', maxBuffer: 1 << 28 });
    for (const sym of out.split('\n')) if (sym && !ownerOf.has(sym)) ownerOf.set(sym, src);
  }
}

const library = (name) => {
  if (ownerOf.has(name)) return 'ours';
  if (/^(ImGui|Im[A-Z]|stb|ImGui_Impl)/.test(name) || /(^|::)ImGui/.test(name)) return 'Dear ImGui';
  if (/^(SDL_|Emscripten_|SDL2?)/.test(name)) return 'SDL2';
  if (/nlohmann/.test(name)) return 'nlohmann/json';
  if (/^(gl[A-Z]|emscripten_gl)/.test(name)) return 'WebGL imports';
  return 'C/C++ runtime and templates';
};
const byLib = new Map(), byFile = new Map();
let total = 0;
bodySizes.forEach((size, i) => {
  const name = names.get(i + importedFuncs) || `#${i + importedFuncs}`;
  total += size;
  const lib = library(name);
  byLib.set(lib, (byLib.get(lib) || 0) + size);
  if (lib === 'ours') { const f = ownerOf.get(name); byFile.set(f, (byFile.get(f) || 0) + size); }
});
const table = (title, m, n) => {
  console.log(`\n| ${title} | bytes | share |\n|---|---|---|`);
  [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, n).forEach(([k, v]) =>
    console.log(`| ${k} | ${v} | ${(100 * v / total).toFixed(1)}% |`));
};
console.log(`${path.basename(wasmPath)}: function bodies ${total} bytes in ${bodySizes.length} functions; data ${sectionBytes[11] || 0} bytes; names ${sectionBytes[0] || 0} bytes (not shipped)`);
table('library', byLib, 20);
table('our source file', byFile, top);
