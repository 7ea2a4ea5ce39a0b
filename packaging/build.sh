#!/usr/bin/env bash
# Configures and builds NCF Workbench (Release by default) into build/.
# Usage: packaging/build.sh [extra cmake -D options]
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
build_type=${NCF_BUILD_TYPE:-Release}
jobs=${NCF_JOBS:-$(nproc)}
generator=()
command -v ninja >/dev/null 2>&1 && generator=(-G Ninja)
if [ ! -f build/CMakeCache.txt ]; then
    cmake -S . -B build "${generator[@]}" -DCMAKE_BUILD_TYPE="$build_type" "$@"
else
    cmake -S . -B build -DCMAKE_BUILD_TYPE="$build_type" "$@" >/dev/null
fi
cmake --build build -j "$jobs"
