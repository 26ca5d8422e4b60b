#!/usr/bin/env bash
# Command (b): set up a fresh machine, build everything and run the whole test suite:
# Catch2 unit tests, the validator on the bundled corpus, and the real-browser test (headless Chromium).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
"$here/tools/setup.sh"
"$here/tools/build.sh" all
cd "$here/build/native"
ctest --output-on-failure -j 2 --timeout 300
# Reliability (issue 9): the unit tests and the validator under ASan + UBSan, then each fuzz target for 45 s.
"$here/tools/sanitize.sh"
"$here/tools/fuzz.sh" 45
