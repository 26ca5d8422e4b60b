#!/usr/bin/env bash
# Writes docs/corpus-coverage.md from `explorer-validate --report data/corpus.json` (per kind: items,
# dated, citing a seed, only external; per source: citations). With --check, fails when the file is not
# what the bundled corpus gives now (CTest runs that, so the published figures never go stale).
#   tools/corpus-report.sh [--check] [VALIDATOR]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
check=0
if [ "${1:-}" = "--check" ]; then check=1; shift; fi
validator=${1:-$here/build/native/explorer-validate}
out="$here/docs/corpus-coverage.md"
new=$(mktemp)
trap 'rm -f "$new"' EXIT
{
  echo "# Coverage of the bundled corpus"
  echo
  echo "Made by \`tools/corpus-report.sh\` from \`explorer-validate --report data/corpus.json\`; a test fails when"
  echo "this file no longer matches the corpus. *Dated*: the item has a date of its own (people are placed on"
  echo "the timeline by the dates of their roles, which are on their relations). *Cite a seed*: at least one"
  echo "citation quotes one of the five source documents; *only external*: every citation is of a public page."
  echo
  "$validator" --report "$here/data/corpus.json" | sed -n '/^| what/,$p'
} > "$new"
if [ $check = 1 ]; then
  diff -u "$out" "$new" || { echo "docs/corpus-coverage.md is stale: run tools/corpus-report.sh" >&2; exit 1; }
else
  cp "$new" "$out"
  echo "wrote $out"
fi
