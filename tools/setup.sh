#!/usr/bin/env bash
# Installs everything the build and the tests need on a fresh Debian 12 machine (run as root).
# A second run checks and returns in seconds.
#   tools/setup.sh          toolchain + third-party sources + browser test deps
# Third-party code comes from Debian (packages and source packages) and npm, pinned and checksummed
# (tools/third_party.sha256, tests/browser/package-lock.json, tools/minify/package-lock.json), unpacked
# under build/third_party and into node_modules folders.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
tp="$here/build/third_party"
mkdir -p "$tp"

log() { printf '[setup] %s\n' "$*"; }

# --- Debian packages --------------------------------------------------------------------------
pkgs=(build-essential cmake ninja-build emscripten nlohmann-json3-dev libsdl2-dev libgl-dev
      chromium fonts-noto-core fonts-font-awesome python3-fonttools clang-14 lld libclang-rt-14-dev llvm-14 nodejs npm xz-utils ca-certificates gzip
      xvfb xauth libgl1-mesa-dri)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  # nodejs/npm may come from elsewhere (a newer Node is fine): skip them when node and npm exist.
  if command -v node >/dev/null && command -v npm >/dev/null; then
    missing=($(printf '%s\n' "${missing[@]}" | grep -vx -e nodejs -e npm || true))
  fi
fi
if [ ${#missing[@]} -gt 0 ]; then
  log "installing Debian packages: ${missing[*]}"
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# --- Third-party sources from Debian source packages (private apt lists, system config untouched) -
fetch_debian() {
  local dl="$tp/downloads" D="$tp/apt"
  mkdir -p "$dl" "$D/etc" "$D/lists/partial"
  local need=0
  while read -r sum name; do
    [ -f "$dl/$name" ] || need=1
  done < "$here/tools/third_party.sha256"
  if [ $need = 1 ]; then
    local uris
    uris=$(grep -m1 '^URIs:' /etc/apt/sources.list.d/debian.sources 2>/dev/null || echo 'URIs: http://deb.debian.org/debian')
    printf 'Types: deb deb-src\n%s\nSuites: bookworm trixie bookworm-backports\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
      "$uris" > "$D/etc/src.sources"
    local O=(-o Dir::Etc::sourcelist=/dev/null -o "Dir::Etc::sourceparts=$D/etc" -o "Dir::State::Lists=$D/lists"
             -o APT::Sandbox::User=root)
    log "fetching Dear ImGui, SDL2 and Catch2 from Debian"
    apt-get "${O[@]}" update -q
    (cd "$dl" && apt-get "${O[@]}" source --download-only imgui/trixie libsdl2/bookworm \
       && apt-get "${O[@]}" download libcatch2-dev/bookworm-backports)
  fi
  (cd "$dl" && sha256sum --quiet -c "$here/tools/third_party.sha256") || {
    echo "setup: checksum mismatch in $dl (see tools/third_party.sha256)" >&2; exit 1; }
}

unpack() {  # unpack ARCHIVE into DIR once, stripping the top folder
  local archive="$1" dir="$2"
  [ -f "$dir/.unpacked" ] && return 0
  rm -rf "$dir"; mkdir -p "$dir"
  tar -xf "$archive" -C "$dir" --strip-components=1
  touch "$dir/.unpacked"
}

fetch_debian
unpack "$tp/downloads/imgui_1.90.1+ds.orig.tar.xz" "$tp/imgui"
unpack "$tp/downloads/libsdl2_2.26.5+dfsg.orig.tar.gz" "$tp/SDL2"
if [ ! -f "$tp/catch2/.unpacked" ]; then
  rm -rf "$tp/catch2"; mkdir -p "$tp/catch2"
  dpkg-deb -x "$tp/downloads/libcatch2-dev_3.7.1-0.4~bpo12+1_amd64.deb" "$tp/catch2"
  touch "$tp/catch2/.unpacked"
fi

# --- npm packages for the browser tests (pinned by package-lock.json) ----------------------------
if [ ! -f "$here/tests/browser/node_modules/.package-lock.json" ] || \
   [ "$here/tests/browser/package-lock.json" -nt "$here/tests/browser/node_modules/.package-lock.json" ]; then
  log "installing browser test packages (npm ci)"
  (cd "$here/tests/browser" && npm ci --no-audit --no-fund --loglevel=error)
fi
# --- npm package for the build: terser minifies the site's scripts (pinned by package-lock.json) ---
if [ ! -f "$here/tools/minify/node_modules/.package-lock.json" ] || \
   [ "$here/tools/minify/package-lock.json" -nt "$here/tools/minify/node_modules/.package-lock.json" ]; then
  log "installing the build's minifier (npm ci)"
  (cd "$here/tools/minify" && npm ci --no-audit --no-fund --loglevel=error)
fi
log "ready"
