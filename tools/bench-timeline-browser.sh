#!/usr/bin/env bash
# Timeline benchmark in headless Chromium: our timeline against vis-timeline on the same generated corpora
# (1k, 5k, 20k items), side by side in the same browser run: time to first drawn timeline and frame time
# while dragging. Prints figures and a table; not a test.
#   tools/bench-timeline-browser.sh [SIZES] [RUNS] [DRAG_STEPS]
#     e.g. tools/bench-timeline-browser.sh 1000,5000 1 (defaults: 1000,5000,20000, 3 runs, 40 drag steps)
# About 4-5 minutes with the defaults on two cores (the drags dominate: software WebGL is slow).
# vis-timeline comes from npm at run time into build/peers (git-ignored), never into the repository.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
"$here/tools/setup.sh" >/dev/null
"$here/tools/build.sh" all >/dev/null
peers="$here/build/peers"
if [ ! -f "$peers/node_modules/vis-timeline/standalone/umd/vis-timeline-graph2d.min.js" ]; then
  mkdir -p "$peers"
  # The standalone UMD build bundles vis-data and the other dependencies, so the peers are not needed.
  npm install --prefix "$peers" --no-audit --no-fund --loglevel=error --omit=peer vis-timeline@7 >/dev/null
fi
node "$here/bench/timeline_peers.mjs" --peers "$peers" --sizes "${1:-1000,5000,20000}" --runs "${2:-3}" \
  --drag-steps "${3:-40}" \
  --site "$here/build/web/site" --corpus-gen "$here/build/native/corpus-gen"
