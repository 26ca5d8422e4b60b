// A/B of two wasm builds' speed, for build-flag changes (tools/payload.sh says what they save in bytes):
// runs the wasm benchmarks of folder A and of folder B (copies of build/web/bench-*-wasm.js) in
// alternation, round after round, so a busy machine's noise falls on both alike, and prints each
// figure's median per build and the ratio B / A (above 1: B is slower). Not a test.
//   node tools/bench-wasm-ab.mjs DIR_A DIR_B [ROUNDS]      (default 5 rounds)
// Figures: corpus load+validate+index (20k entities, 100k relations), force layout ms per tick at 10k
// nodes, timeline ms per frame and a full repack at 90k items, search index build at 100k entities.
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const [dirA, dirB, roundsArg] = process.argv.slice(2);
if (!dirA || !dirB) {
  console.error('usage: node tools/bench-wasm-ab.mjs DIR_A DIR_B [ROUNDS]');
  process.exit(2);
}
const rounds = Number(roundsArg || 5);

// Each benchmark: its script, its arguments, and the figures read from its output (milliseconds).
const benches = [
  { file: 'bench-corpus-wasm.js', args: ['20000', '100000', '1'],
    figures: { 'corpus load ms': /median ([\d.]+) ms/ } },
  { file: 'bench-layout-wasm.js', args: ['10000'],
    figures: { 'layout 10k ms/tick': /nodes=10000 .*median_ms_per_tick=([\d.]+)/ } },
  { file: 'bench-timeline-wasm.js', args: [],
    figures: { 'timeline ms/frame': /median_ms=([\d.]+)/, 'timeline full repack ms': /full_repack_ms=([\d.]+)/ } },
  { file: 'bench-search-wasm.js', args: [],
    figures: { 'search index build ms': /index build: ([\d.]+) ms/ } },
];

const samples = { A: {}, B: {} };
for (let r = 0; r < rounds; ++r) {
  for (const b of benches) {
    // Alternate which build goes first, so neither always runs on a cooler or warmer machine.
    for (const side of r % 2 ? ['B', 'A'] : ['A', 'B']) {
      const out = execFileSync(process.execPath, [path.join(side === 'A' ? dirA : dirB, b.file), ...b.args],
        { encoding: 'utf8', maxBuffer: 1 << 26 });
      for (const [name, re] of Object.entries(b.figures)) {
        const m = re.exec(out);
        if (!m) throw new Error(`${b.file}: no "${name}" in its output:\n${out}`);
        (samples[side][name] ||= []).push(Number(m[1]));
      }
    }
  }
  process.stderr.write(`round ${r + 1}/${rounds} done\n`);
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2; };
console.log(`| figure (median of ${rounds}) | A: ${dirA} | B: ${dirB} | B / A |`);
console.log('|---|---|---|---|');
for (const name of Object.keys(samples.A)) {
  const a = median(samples.A[name]), b = median(samples.B[name]);
  console.log(`| ${name} | ${a.toFixed(2)} | ${b.toFixed(2)} | ${(b / a).toFixed(2)} |`);
}
