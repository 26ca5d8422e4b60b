#!/usr/bin/env bash
# Force-layout benchmark: our layout natively and as wasm under Node against d3-force on the same
# graphs (1k, 10k, 100k nodes with twice as many edges). Prints figures and a table; not a test.
#   tools/bench-layout.sh [SIZES]        e.g. tools/bench-layout.sh 1000,10000 (default 1000,10000,100000)
# d3-force comes from npm at run time into build/peers (git-ignored), never into the repository.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
"$here/tools/setup.sh" >/dev/null
"$here/tools/build.sh" all >/dev/null
peers="$here/build/peers"
if [ ! -f "$peers/node_modules/d3-force/package.json" ]; then
  mkdir -p "$peers"
  npm install --prefix "$peers" --no-audit --no-fund --loglevel=error d3-force@3 >/dev/null
fi
node "$here/bench/layout_peers.mjs" --peers "$peers" --sizes "${1:-1000,10000,100000}" \
  --native "$here/build/native/bench-layout" --wasm "$here/build/web/bench-layout-wasm.js"
