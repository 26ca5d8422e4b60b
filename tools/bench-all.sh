#!/usr/bin/env bash
# Performance, side by side: every benchmark against its peers in one run on this machine, then ONE
# markdown table (ours, the peer, the ratio, the aims of issue 10, met or missed). Not a test.
#   tools/bench-all.sh [--quick] [--no-build] [--only LIST] [--out DIR] [--native-dir DIR] [--baseline-site DIR]
#     --quick       small sizes only (a smoke run of every measurement, a few minutes)
#     --only LIST   some of layout,render,timeline,page,views (the table keeps the others' last results in DIR)
#     --baseline-site DIR  a site built before a change (cp -r build/web/site DIR, then rebuild): the views
#                   rows also measure it, interleaved in the same run (5 runs), and give old / new
#     --no-build    use the built trees as they are (default: tools/setup.sh, then build what is needed)
#     --out DIR     where the JSON results, logs and table.md go (default build/bench-all)
#     --native-dir  the native build tree (default build/native)
#     --help        this text; also checks that the benchmark scripts parse
# The full run takes a long time (mostly the peers drawing 50k nodes in software-rendered WebGL; at 100k
# only ours runs).
# The peers come from npm at run time, pinned, into build/peers (git-ignored), never into the repository.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
PEERS=(d3-force@3.0.1 graphology@0.26.0 graphology-layout-forceatlas2@0.10.1 ngraph.graph@20.1.2
       ngraph.forcelayout@3.3.1 sigma@3.0.3 cytoscape@3.34.4 vis-timeline@7.7.4 vis-network@10.1.2)
SCRIPTS=(layout_peers graph_render_peers timeline_peers timeline_corpus first_draw_profile page_peers views_bench bench_report browser_bench)

quick=0 build=1 out="$here/build/bench-all" native="$here/build/native" only=layout,render,timeline,page,views baseline=
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1 ;;
    --no-build) build=0 ;;
    --only) only=$2; shift ;;
    --out) out=$(realpath -m "$2"); shift ;;
    --native-dir) native=$(realpath -m "$2"); shift ;;
    --baseline-site) baseline=$(realpath -m "$2"); shift ;;
    --help | -h)
      sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'
      for s in "${SCRIPTS[@]}"; do node --check "$here/bench/$s.mjs"; done
      exit 0 ;;
    *) echo "tools/bench-all.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

if [ "$quick" = 1 ]; then
  layout_sizes=1000,10000 render_sizes=1000 timeline=(--sizes 1000 --runs 1 --drag-steps 20)
  page=(--parse-entities 10800 --runs 1 --idle-seconds 10)
  views=(--sizes 5000 --runs 1)
else
  layout_sizes=1000,10000,100000 render_sizes=1000,10000,50000,100000 timeline=(--sizes 1000,5000,20000 --runs 3)
  page=(--parse-entities 10800,54000 --runs 3 --idle-seconds 10)
  views=(--sizes 5000,20000 --runs 3)
fi
# An A/B: 5 runs each (missed only when every new run is slower than every old one: 1 in 252 by chance).
[ -z "$baseline" ] || { views+=(--baseline-site "$baseline"); [ "$quick" = 1 ] || views+=(--runs 5); }

say() { printf '[bench-all] %s\n' "$*" >&2; }

if [ "$build" = 1 ]; then
  "$here/tools/setup.sh" >/dev/null
  [ -f "$native/build.ninja" ] || cmake -S "$here" -B "$native" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
  say "building the native benchmarks in $native"
  cmake --build "$native" --target bench-layout bench-corpus corpus-gen >/dev/null
  say "building the web site"
  # The web tree is shared: serialise with other builders when flock is there.
  if command -v flock >/dev/null; then flock /tmp/nhsx-web.lock "$here/tools/build.sh" web >/dev/null
  else "$here/tools/build.sh" web >/dev/null; fi
fi

peers="$here/build/peers"
installed=1
for p in "${PEERS[@]}"; do
  [ "$(node -p "try{require('$peers/node_modules/${p%@*}/package.json').version}catch{''}")" = "${p##*@}" ] || installed=0
done
if [ "$installed" = 0 ]; then
  say "installing the peers from npm into $peers: ${PEERS[*]}"
  mkdir -p "$peers"
  # --legacy-peer-deps: sigma and the graphology packages declare peers (types) the standalone use needs not.
  npm install --prefix "$peers" --no-audit --no-fund --loglevel=error --save-exact --legacy-peer-deps \
    "${PEERS[@]}" >/dev/null
fi

mkdir -p "$out"
# A snapshot of the site, taken under the web tree's lock: the shared tree may be rebuilt during the run.
rm -rf "$out/site"
if command -v flock >/dev/null; then flock /tmp/nhsx-web.lock cp -r "$here/build/web/site" "$out/site"
else cp -r "$here/build/web/site" "$out/site"; fi
failed=()
# Runs one benchmark (its output to DIR/NAME.log) if --only names it; a failure is reported and the others
# still run.
run() {
  local name=$1; shift
  [[ ",$only," == *",$name,"* ]] || return 0
  rm -f "$out/$name.json"
  say "$name: $* (log: $out/$name.log)"
  if ! "$@" >"$out/$name.log" 2>&1; then
    failed+=("$name")
    say "$name FAILED: $(tail -n 3 "$out/$name.log" | tr '\n' ' ')"
  fi
}
common=(--peers "$peers" --corpus-gen "$native/corpus-gen" --site "$out/site")
run layout node "$here/bench/layout_peers.mjs" --peers "$peers" --sizes "$layout_sizes" \
  --native "$native/bench-layout" --wasm "$here/build/web/bench-layout-wasm.js" --json "$out/layout.json"
run render node "$here/bench/graph_render_peers.mjs" "${common[@]}" --sizes "$render_sizes" --json "$out/render.json"
run timeline node "$here/bench/timeline_peers.mjs" "${common[@]}" "${timeline[@]}" --json "$out/timeline.json"
run page node "$here/bench/page_peers.mjs" "${common[@]}" --bench-corpus "$native/bench-corpus" "${page[@]}" \
  --json "$out/page.json"
run views node "$here/bench/views_bench.mjs" --site "$out/site" --corpus-gen "$native/corpus-gen" "${views[@]}" \
  --json "$out/views.json"

node "$here/bench/bench_report.mjs" "$out" | tee "$out/table.md"
if [ ${#failed[@]} -gt 0 ]; then
  say "failed: ${failed[*]} (see their logs in $out)"
  exit 1
fi
