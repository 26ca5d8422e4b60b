#!/usr/bin/env bash
# CPU time per frame of the real app (the desktop build, same code as the web app), natively under
# Xvfb: the graph at 10k nodes / 20k edges and 100k / 200k, the timeline at 10k and 100k entities.
# llvmpipe is kept on the main thread (LP_NUM_THREADS=0) so its rasterising does not compete with
# the measured UI work on this 2-core machine; GL submit times are software rendering, not comparable.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
"$here/tools/setup.sh" >/dev/null
"$here/tools/build.sh" native >/dev/null
data="$here/build/bench-data"
mkdir -p "$data"
gen() { [ -f "$data/$1.json" ] || "$here/build/native/corpus-gen" "$2" "$3" "$4" > "$data/$1.json"; }
gen graph-10k 10000 20000 0
gen graph-100k 100000 200000 0
gen timeline-100k 100000 1000 10000
run() {
  LP_NUM_THREADS=0 EXPLORER_BENCH="$1" xvfb-run -a -s "-screen 0 1400x900x24" \
    "$here/build/native/explorer-desktop" "$data/$2.json" | grep -v '^$'
}
run graph graph-10k
run graph graph-100k
run timeline graph-10k
run timeline timeline-100k
