#!/usr/bin/env bash
# Validates the bundled corpus against its seed documents: each text present and the one the corpus was
# modelled from, every quote verbatim. The folder is EXPLORER_SEEDS_DIR, else DEFAULT (see CMakeLists.txt).
# Exit 77 (reported as skipped by CTest) when no folder is configured; a folder named but missing fails.
#   tools/validate-quotes.sh VALIDATOR [DEFAULT]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
validator=$1
dir=${EXPLORER_SEEDS_DIR:-${2:-}}
if [ -z "$dir" ]; then
  echo "skipped: the seed documents are not here; set EXPLORER_SEEDS_DIR to their folder to check every quote"
  exit 77
fi
exec "$validator" --seeds "$dir" "$here/data/corpus.json"
