#!/usr/bin/env bash
# Builds the unit tests and the validator with AddressSanitizer + UndefinedBehaviorSanitizer in
# build/asan and runs them: the unit tests, and the validator on the bundled corpus (with its seeds).
# Any sanitizer report fails the run (-fno-sanitize-recover, halt_on_error).
#   tools/sanitize.sh
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
out="$here/build/asan"
# The sibling folder CMake defaults to, when it exists (EXPLORER_SEEDS_DIR overrides it).
seeds_default() { [ -d "$here/../shared/seeds" ] && (cd "$here/../shared/seeds" && pwd) || true; }
flags="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined"

cmake -S "$here" -B "$out" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS="$flags" -DCMAKE_C_FLAGS="$flags" \
  -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" >/dev/null
cmake --build "$out" --target unit-tests explorer-validate -j2

export ASAN_OPTIONS=detect_leaks=1:halt_on_error=1:abort_on_error=0:strict_string_checks=1:detect_stack_use_after_return=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
echo "[sanitize] unit tests"
"$out/unit-tests"
echo "[sanitize] validator on data/corpus.json"
"$out/explorer-validate" "$here/data/corpus.json"
echo "[sanitize] validator on data/corpus.json with its seed documents"
status=0
bash "$here/tools/validate-quotes.sh" "$out/explorer-validate" "$(seeds_default)" || status=$?
[ $status = 0 ] || [ $status = 77 ] || exit $status
echo "[sanitize] clean"
