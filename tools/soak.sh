#!/usr/bin/env bash
# Soak test: MINUTES (default 10) of random pointer, wheel, key and touch input and corpus reloads against
# the real page in headless Chromium, sampling the wasm heap (tests/browser/soak.mjs). Not part of the
# quick suite. Heap samples go to build/test-artifacts/soak-heap.json.
#   tools/soak.sh [MINUTES]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$here/build/test-artifacts"
exec node "$here/tests/browser/soak.mjs" --site "$here/build/web/site" --artifacts "$here/build/test-artifacts" \
  --minutes "${1:-10}"
