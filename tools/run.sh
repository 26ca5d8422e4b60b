#!/usr/bin/env bash
# Command (a): set up a fresh machine, build the web app and serve it with the bundled corpus.
#   tools/run.sh [PORT]        (default 8080) then open the printed URL
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
port=${1:-${PORT:-8080}}
"$here/tools/setup.sh"
"$here/tools/build.sh" web
exec node "$here/tools/serve.mjs" "$here/build/web/site" "$port"
