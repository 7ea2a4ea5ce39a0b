#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine, builds NCF Workbench and opens it on the embedded demo
# (a generated MovieLens-100K-shaped dataset).
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
bash "$top/packaging/install-deps.sh"
bash "$top/packaging/build.sh"
exec "$top/build/bin/ncf-workbench" --demo "$@"
