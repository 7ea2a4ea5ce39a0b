#!/usr/bin/env bash
# Installs every Debian 12 package NCF Workbench needs to build, test and run.
# Idempotent: packages already present are left alone; safe to run repeatedly.
set -euo pipefail

packages=(
    # toolchain
    build-essential cmake ninja-build ccache pkg-config git
    # Qt 6
    qt6-base-dev qt6-base-dev-tools qt6-charts-dev qt6-httpserver-dev qt6-websockets-dev qt6-svg-dev
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
    libqt6opengl6-dev libqt6sql6-sqlite libqt6svg6 qt6-qpa-plugins libgl-dev
    # LibTorch (CPU) with a fast BLAS: the reference BLAS trains ~10x slower
    libtorch-dev libopenblas0-openmp
    # Kafka client (with the mock cluster) and independent clients to test against
    librdkafka-dev kcat python3-kafka
    # storage
    libsqlite3-dev sqlite3
    # tests and benchmarks
    xvfb xauth python3 python3-pandas python3-numpy python3-torch python3-flask wrk
    fonts-dejavu-core
)

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
        missing+=("$p")
    fi
done

if [ ${#missing[@]} -eq 0 ]; then
    echo "install-deps: all ${#packages[@]} packages present"
    exit 0
fi

echo "install-deps: installing ${#missing[@]} packages: ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
