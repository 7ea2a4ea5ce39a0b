#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine, builds NCF Workbench and runs the whole test suite
# through CTest. Exits non-zero when any test fails.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
bash "$top/packaging/install-deps.sh"
bash "$top/packaging/build.sh"
cd "$top/build"
export QT_QPA_PLATFORM=offscreen
ctest --output-on-failure --timeout 900 -j "${NCF_TEST_JOBS:-2}"
