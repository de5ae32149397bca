#!/usr/bin/env bash
# Configures (once) and builds into build/ with Ninja, two jobs (1 GB per LibTorch file).
# BUILD_DIR picks another folder and RAPIDUN_TORCH another LibTorch (system: Debian's 1.13, the
# default; pypi: the torch wheel in build/pyref, LibTorch 2.x with CUDA).
# usage: [BUILD_DIR=build] [RAPIDUN_TORCH=system|pypi] scripts/build.sh [ninja targets...]
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${BUILD_DIR:-build}
if [ ! -f "$dir/build.ninja" ]; then
  cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DRAPIDUN_TORCH="${RAPIDUN_TORCH:-system}"
fi
cmake --build "$dir" -j2 ${1:+--target "$@"}
