#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/fuzz_*.cpp, clang++-14 with ASan + UBSan) in build/fuzz and runs
# each for a bounded time, one after the other (the machine has two cores shared with others).
#   tools/fuzz.sh [SECONDS-PER-TARGET]   default 60
# Prints executions and coverage per target; exits 1 when a target finds a crash, timeout or
# out-of-memory, leaving the input in build/fuzz/crashes/TARGET/. Keep a fixed crasher as a regression
# case in tests/data/fuzz-regressions/TARGET/ (replayed by tests/unit/test_fuzz_regressions.cpp).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
secs=${1:-60}
out="$here/build/fuzz"

cmake -S "$here/fuzz" -B "$out" -G Ninja -DCMAKE_CXX_COMPILER=clang++-14 -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$out" -j2

# Longest input per target: a few corpus items or CSV rows, a few dates, a long link.
max_len() {
  case "$1" in
    edtf) echo 64 ;;
    url_state) echo 4096 ;;
    *) echo 16384 ;;
  esac
}
# Extra seeds used in place rather than copied into fuzz/corpus/.
extra_seeds() {
  case "$1" in
    loader) echo "-seed_inputs=$here/data/corpus.json,$here/tests/data/bad-corpus.json" ;;
  esac
}

# Symbolised stack traces in reports (llvm-14 from tools/setup.sh).
[ -x /usr/lib/llvm-14/bin/llvm-symbolizer ] && export ASAN_SYMBOLIZER_PATH=/usr/lib/llvm-14/bin/llvm-symbolizer
status=0
summary=()
for bin in "$out"/fuzz_*; do
  [ -x "$bin" ] || continue
  t=${bin##*/fuzz_}
  work="$out/corpus/$t" crashes="$out/crashes/$t" log="$out/$t.log"
  mkdir -p "$work" "$crashes"
  dirs=("$work")  # new inputs go to the first folder; the others only seed it
  for d in "$here/fuzz/corpus/$t" "$here/tests/data/fuzz-regressions/$t"; do [ -d "$d" ] && dirs+=("$d"); done
  dict=()  # fuzz/TARGET.dict: tokens of the input's language
  [ -f "$here/fuzz/$t.dict" ] && dict=(-dict="$here/fuzz/$t.dict")
  echo "[fuzz] $t: ${secs}s, max_len $(max_len "$t")"
  rc=0
  "$bin" -max_total_time="$secs" -max_len="$(max_len "$t")" -rss_limit_mb=2048 -timeout=10 \
    -print_final_stats=1 -artifact_prefix="$crashes/" "${dict[@]}" $(extra_seeds "$t") "${dirs[@]}" \
    >"$log" 2>&1 || rc=$?
  # libFuzzer's last status line, e.g. "#123456	DONE   cov: 1234 ft: 5678 corp: 90/12Kb ...".
  final=$(grep -E '^#[0-9]+[[:space:]]+(DONE|INITED|pulse|NEW|REDUCE)' "$log" | tail -1 || true)
  runs=$(grep -oE 'stat::number_of_executed_units: [0-9]+' "$log" | grep -oE '[0-9]+$' || echo "?")
  cov=$(grep -oE 'cov: [0-9]+' <<<"$final" | grep -oE '[0-9]+' || echo "?")
  ft=$(grep -oE 'ft: [0-9]+' <<<"$final" | grep -oE '[0-9]+' || echo "?")
  if [ $rc -ne 0 ]; then
    status=1
    summary+=("$(printf '%-10s FAILED (exit %d), input saved: %s' "$t" "$rc" "$(ls "$crashes" | head -3 | tr '\n' ' ')")")
    grep -E 'ERROR|SUMMARY|runtime error|Test unit written' "$log" | head -8 >&2 || true
  else
    summary+=("$(printf '%-10s %10s execs  cov %6s  ft %6s' "$t" "$runs" "$cov" "$ft")")
  fi
done
echo "[fuzz] results (${secs}s per target; logs in $out/*.log, crashers in $out/crashes/)"
printf '  %s\n' "${summary[@]}"
exit $status
