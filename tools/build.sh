#!/usr/bin/env bash
# Builds the native tree (core, unit tests, tools, benchmarks, desktop app) and the web site.
#   tools/build.sh [native|web|all]      (default all; run tools/setup.sh first)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
export NODE_PATH=/usr/share/nodejs  # emcc's JS optimiser needs Debian's acorn (see ../shared/TOOLCHAIN.md)
what=${1:-all}
jobs=$(nproc)

build_native() {
  [ -f "$here/build/native/build.ninja" ] ||
    cmake -S "$here" -B "$here/build/native" -G Ninja -DCMAKE_BUILD_TYPE=Release
  cmake --build "$here/build/native" -j "$jobs"
}

build_web() {
  [ -f "$here/build/web/build.ninja" ] ||
    emcmake cmake -S "$here" -B "$here/build/web" -G Ninja -DCMAKE_BUILD_TYPE=Release
  cmake --build "$here/build/web" -j "$jobs"
}

case "$what" in
  native) build_native ;;
  web) build_web ;;
  all) build_native; build_web ;;
  *) echo "usage: tools/build.sh [native|web|all]" >&2; exit 2 ;;
esac
