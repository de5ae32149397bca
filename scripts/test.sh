#!/usr/bin/env bash
# Installs what is missing, builds everything, and runs the whole test suite (ctest) twice: against
# Debian's LibTorch 1.13 (build/, the default build) and against PyPI's LibTorch 2.x with CUDA
# (build-torch2/, the torch wheel install-python-refs.sh puts in build/pyref; its CUDA code compiles
# and links here, its tests run on the CPU). Without that wheel (no network) the second is skipped
# with a message. Then a short, reproducible run of every fuzz target (scripts/fuzz.sh: clang,
# libFuzzer, ASan + UBSan, its own build-fuzz/).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/install-python-refs.sh
bash scripts/build.sh
# One test at a time: two LibTorch processes with two OpenMP threads each on two cores run
# several times slower than one after the other.
ctest --test-dir build --output-on-failure --timeout 1200
if build/pyref/bin/python3 -c "import torch" 2>/dev/null; then
  BUILD_DIR=build-torch2 RAPIDUN_TORCH=pypi bash scripts/build.sh
  ctest --test-dir build-torch2 --output-on-failure --timeout 1200
else
  echo "test.sh: SKIP the LibTorch 2.x build: PyPI's torch is not installed in build/pyref" >&2
fi
bash scripts/fuzz.sh --runs 20000 --seed 1
