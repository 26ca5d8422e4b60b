// The functions to move into the deferred wasm module, one name a line, for `wasm-split --split-funcs=@FILE`:
// those of tools/deferred-code.txt, by the names in the wasm's name section (a link with
// --profiling-funcs). A source file there stands for every function its object file defines that no
// other object of ours defines (a template or inline function also made in a hot file stays in the
// primary module; so does what is not in namespace nhsx, see below); any other line is one function's name,
// or, ending in "*", every function whose name begins so.
//   node tools/wasm-split-list.mjs WASM BUILD_DIR LIST OUT
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { findNm, functionNames, ourObjects } from './wasm-names.mjs';

const [wasmPath, buildDir, listPath, outPath] = process.argv.slice(2);
if (!outPath) {
  console.error('usage: node tools/wasm-split-list.mjs WASM BUILD_DIR LIST OUT');
  process.exit(2);
}
const fail = (m) => { console.error(`wasm-split-list: ${m}`); process.exit(1); };

const wasmNames = new Set(functionNames(fs.readFileSync(wasmPath)).values());
if (wasmNames.size === 0) fail(`${wasmPath} has no name section: link it with --profiling-funcs`);

const lines = fs.readFileSync(listPath, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
const coldFiles = new Set(lines.filter((l) => l.includes('/')));
const coldFunctions = lines.filter((l) => !l.includes('/'));

// Every object file of ours (core and the app) and the functions it defines, demangled as in the name section.
const nm = findNm();
if (!nm) fail('no llvm-nm');
const cold = new Set(), hot = new Set();
const seen = new Set();
for (const { object: o, src } of ourObjects(buildDir)) {
  seen.add(src);
  const out = execFileSync(nm, ['--defined-only', '--demangle', '--format=posix', o], { encoding: 'utf8', maxBuffer: 1 << 28 });
  for (const line of out.split('\n')) {
    const m = /^(.*) ([TtWw]) [0-9a-f]+/.exec(line);  // functions only (text; weak for templates and inline functions)
    if (!m) continue;
    (coldFiles.has(src) ? cold : hot).add(m[1]);
  }
}
for (const f of coldFiles) if (!seen.has(f)) fail(`${listPath}: ${f} is not one of the build's object files`);
// Only our own functions (namespace nhsx, not templates of the standard library or nlohmann/json): the
// link's optimiser folds identical functions into one name, so a std::vector member made in a cold file
// may be the very function a hot one calls.
// A template made for a lambda of one of those functions (std::sort with its comparator, say) is that
// function's alone: its name holds the function's, then ")::$_N".
const coldOwn = new Set([...cold].filter((n) => n.startsWith('nhsx::') && !hot.has(n)));
const lambdaOwner = (n) => {
  for (const m of n.matchAll(/\)(?: const)?::\$_\d+/g)) {
    // The enclosing function's name runs back from the ")" to its "nhsx::" (balancing parentheses).
    let depth = 0, i = m.index;
    for (; i >= 0; i--) {
      if (n[i] === ')') depth++;
      else if (n[i] === '(' && --depth === 0) break;
    }
    const start = n.lastIndexOf('nhsx::', i);
    const owner = start >= 0 ? n.slice(start, m.index + m[0].indexOf('::$_')) : '';
    if (coldOwn.has(owner)) return true;
  }
  return false;
};
const split = [...cold].filter((n) => wasmNames.has(n) && !hot.has(n) && (coldOwn.has(n) || lambdaOwner(n)));
// A line ending in "*" stands for every function whose name begins with what comes before it (a member
// function whatever its parameters: "nhsx::SearchBox::query*"); it must match at least one.
for (const f of coldFunctions) {
  if (f.endsWith('*')) {
    const prefix = f.slice(0, -1);
    const matched = [...wasmNames].filter((n) => n.startsWith(prefix));
    if (matched.length === 0) fail(`${listPath}: no function ${f} in ${wasmPath}`);
    split.push(...matched);
    continue;
  }
  if (!wasmNames.has(f)) fail(`${listPath}: no function ${f} in ${wasmPath}`);
  split.push(f);
}
// Binaryen reads the name section with every character outside the text format's identifier characters
// escaped as \xx (hex), and wasm-split matches the list against those names.
const idChar = /[0-9A-Za-z!#$%&'*+\-./:<=>?@\\^_`|~]/;
const escape = (name) => (/^[0-9A-Za-z!#$%&'*+\-./:<=>?@\\^_`|~]*$/.test(name) ? name
  : [...Buffer.from(name)].map((b) => (b < 128 && idChar.test(String.fromCharCode(b)) ? String.fromCharCode(b)
    : '\\' + b.toString(16).padStart(2, '0'))).join(''));
fs.writeFileSync(outPath, [...new Set(split)].map(escape).join('\n') + '\n');
console.log(`wasm-split-list: ${new Set(split).size} functions to defer (${outPath})`);
