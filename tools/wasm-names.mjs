// Reading a wasm and our object files by name, shared by tools/wasm-breakdown.mjs (where the bytes go) and
// tools/wasm-split-list.mjs (what goes into the deferred module).
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

// A reader of unsigned LEB128 numbers over `bytes` from `at.pos` (which it moves on).
export function lebReader(bytes, at) {
  return () => {
    let result = 0, shift = 0, b;
    do { b = bytes[at.pos++]; result += (b & 0x7f) * 2 ** shift; shift += 7; } while (b & 0x80);
    return result;
  };
}

// The function names of a wasm's name section (custom section "name", subsection 1): index -> name.
// Empty when the wasm has none (link with --profiling-funcs to keep them).
export function functionNames(bytes) {
  const at = { pos: 8 };
  const leb = lebReader(bytes, at);
  const names = new Map();
  while (at.pos < bytes.length) {
    const id = bytes[at.pos++];
    const end = leb() + at.pos;
    if (id === 0) {
      const nl = leb();
      const secName = bytes.subarray(at.pos, at.pos + nl).toString();
      at.pos += nl;
      while (secName === 'name' && at.pos < end) {
        const sub = bytes[at.pos++], subEnd = leb() + at.pos;
        if (sub === 1) {
          const n = leb();
          for (let i = 0; i < n; i++) {
            const idx = leb(), l = leb();
            names.set(idx, bytes.subarray(at.pos, at.pos + l).toString());
            at.pos += l;
          }
        }
        at.pos = subEnd;
      }
    }
    at.pos = end;
  }
  return names;
}

// llvm-nm (Debian's llvm-14 names it llvm-nm-14), or null.
export function findNm() {
  return ['llvm-nm-14', 'llvm-nm'].find((t) => {
    try { execFileSync(t, ['--version'], { stdio: 'ignore' }); return true; } catch { return false; }
  }) || null;
}

// Our object files (the core library's and the app's) under a build tree: [{ object, src }], src the
// source file it was compiled from ("src/core/search.cpp").
export function ourObjects(buildDir) {
  const objects = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.o') && /\/(core|explorer)\.dir\/src\//.test(p)) {
        objects.push({ object: p, src: p.replace(/^.*\.dir\//, '').replace(/\.o$/, '') });
      }
    }
  };
  walk(path.join(buildDir, 'CMakeFiles'));
  return objects;
}
