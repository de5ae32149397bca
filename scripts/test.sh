#!/usr/bin/env bash
# Installs what is missing, builds everything, and runs the whole test suite (ctest).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/install-python-refs.sh
bash scripts/build.sh
# One test at a time: two LibTorch processes with two OpenMP threads each on two cores run
# several times slower than one after the other.
ctest --test-dir build --output-on-failure --timeout 1200
