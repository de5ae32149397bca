#!/usr/bin/env bash
# Configures (once) and builds into build/ with Ninja, two jobs (1 GB per LibTorch file).
# usage: scripts/build.sh [ninja targets...]
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f build/build.ninja ]; then
  cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release
fi
cmake --build build -j2 ${1:+--target "$@"}
