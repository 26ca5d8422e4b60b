#!/usr/bin/env bash
# Payload budget: the bytes of every file of the built site, raw and gzipped (gzip -9), and the total
# a first visit to index.html downloads before its first interactive frame (the page, what it links, the
# primary wasm, the corpus's first part and the fonts). The deferred wasm (explorer.deferred.wasm: import,
# merge, export, compare, the story editor, what a click opens; web/explorer-deferred.js) and the corpus's
# second part (its citations and sources: data/corpus-citations.json; web/explorer-citations.js) are fetched
# after that frame: they are counted apart ("after the first view"), not in the first visit.
# data/corpus.json, the whole corpus, is fetched only when asked for (?data=, downloads).
#   tools/payload.sh [SITE_DIR] [BUDGET_KB]     default build/web/site, 560 (gzipped KB, 1 KB = 1000 B)
# Exits 1 when the first visit is over the budget.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
site=${1:-$here/build/web/site}
budget_kb=${2:-560}
[ -f "$site/index.html" ] || { echo "payload: no index.html in $site (run tools/build.sh web)" >&2; exit 2; }
cd "$site"

# What a first visit fetches: index.html, the src/href it names, and what explorer-api.js loads.
first=(index.html explorer.wasm data/corpus-view.json)
while read -r ref; do first+=("$ref"); done < <(grep -oE '(src|href)="[^":#?]+"' index.html | sed -E 's/^[a-z]+="(.*)"$/\1/')
while read -r f; do first+=("$f"); done < <(find fonts -type f 2>/dev/null)

is_first() { local f; for f in "${first[@]}"; do [ "$f" = "$1" ] && return 0; done; return 1; }

printf '%-32s %10s %10s  %s\n' file raw gzip-9 'first visit'
raw_all=0 gz_all=0 raw_first=0 gz_first=0
while read -r f; do
  raw=$(stat -c %s "$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  mark=''
  if is_first "$f"; then mark=yes; raw_first=$((raw_first + raw)); gz_first=$((gz_first + gz)); fi
  raw_all=$((raw_all + raw)); gz_all=$((gz_all + gz))
  printf '%-32s %10d %10d  %s\n' "$f" "$raw" "$gz" "$mark"
done < <(find . -type f -printf '%P\n' | sort)
printf '%-32s %10d %10d\n' 'all files' "$raw_all" "$gz_all"
printf '%-32s %10d %10d  (budget %d KB gzipped)\n' 'first visit' "$raw_first" "$gz_first" "$budget_kb"
for after in explorer.deferred.wasm data/corpus-citations.json; do
  if [ -f "$after" ]; then
    printf '%-32s %10d %10d  (fetched after the first view)\n' "after: $after" \
      "$(stat -c %s "$after")" "$(gzip -9 -c "$after" | wc -c)"
  fi
done
if [ -f explorer.deferred.wasm ]; then
  printf '%-32s %10d %10d  (primary; the whole app: %d gzipped)\n' 'wasm: explorer.wasm' \
    "$(stat -c %s explorer.wasm)" "$(gzip -9 -c explorer.wasm | wc -c)" \
    "$(( $(gzip -9 -c explorer.wasm | wc -c) + $(gzip -9 -c explorer.deferred.wasm | wc -c) ))"
fi
# Where the wasm's bytes go, by library and by our source file (the whole linked module before the split,
# which keeps the function names: build/web/app/explorer.wasm.orig; skipped when the build tree is not there).
orig=$here/build/web/app/explorer.wasm.orig
if [ "$site" = "$here/build/web/site" ] && [ -f "$orig" ]; then
  export NODE_PATH=/usr/share/nodejs
  echo
  echo "Function bodies of the whole app (both modules) by library and by our source file (raw bytes; -O3"
  echo "inlines a function's callees into it, so a file's figure includes what it inlined, e.g. the frame"
  echo "loop in main.cpp):"
  node "$here/tools/wasm-breakdown.mjs" "$orig" "$here/build/web" 15
fi
if [ "$gz_first" -gt $((budget_kb * 1000)) ]; then
  echo "payload: first visit is $((gz_first / 1000)) KB gzipped, over the $budget_kb KB budget" >&2
  exit 1
fi
