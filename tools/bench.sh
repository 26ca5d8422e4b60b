#!/usr/bin/env bash
# Benchmarks that run the real code and print figures (not timed tests).
#   tools/bench.sh [ENTITIES RELATIONS RUNS]    default 100000 500000 5
# Corpus load + validate + index, natively and as wasm under Node, on the same generated corpus.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
"$here/tools/setup.sh" >/dev/null
"$here/tools/build.sh" all >/dev/null
"$here/build/native/bench-corpus" "$@"
node "$here/build/web/bench-corpus-wasm.js" "$@"
