#!/usr/bin/env bash
# The GPU check of issue 16, for a lent GPU machine (the library's `device` tool), <= 8 minutes:
#   1. builds core, the CLI, the GPU tests and bench_device against that machine's torch wheel
#      (RAPIDUN_TORCH=pypi, GUI off; Debian's packages from RAPIDUN_DEPS_ROOT, the folder
#      scripts/make-deps-folder.sh makes, where the machine lacks them);
#   2. runs the GPU tests: test_kernels_cuda (each kernel against its CPU reference) and test_model
#      (cpu against cuda logits and greedy text);
#   3. measures on a random-weight model of Llama-3.2-1B's shape (scripts/make_random_model.py) at
#      sequence 256, bf16: the card's bf16 GEMM peak, influence samples/s and MFU, one unlearning
#      step, generation tokens/s (bench_device), and the GPU's peak memory (nvidia-smi, sampled).
# Prints "key value" lines; writes everything to $OUT (default build-gpu/out).
# usage: [RAPIDUN_DEPS_ROOT=DIR] [PYTHON=python3] bash scripts/device-check.sh
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${OUT:-build-gpu/out}
PY=${PYTHON:-python3}
mkdir -p "$OUT"
exec > >(tee "$OUT/device-check.txt") 2>&1
start=$(date +%s)
step() { echo "== $1 ($(( $(date +%s) - start )) s)"; }

step "machine"
nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader | sed 's/^/card /'
"$PY" -c 'import torch; print("torch", torch.__version__, "cuda", torch.version.cuda, "gpus", torch.cuda.device_count())'

step "build"
GUI=OFF
cmake -S . -B build-gpu -G Ninja -DCMAKE_BUILD_TYPE=Release -DRAPIDUN_BUILD_GUI=$GUI -DRAPIDUN_TORCH=pypi \
      -DRAPIDUN_TORCH_PYTHON="$(command -v "$PY")" ${RAPIDUN_DEPS_ROOT:+-DRAPIDUN_DEPS_ROOT=$RAPIDUN_DEPS_ROOT} > "$OUT/configure.log"
grep "rapidun:" "$OUT/configure.log"
cmake --build build-gpu -j"$(nproc)" --target rapidun test_kernels_cuda test_model bench_device > "$OUT/build.log" 2>&1 \
  || { tail -40 "$OUT/build.log"; exit 1; }

step "GPU tests"
status=0
build-gpu/bin/test_kernels_cuda || status=1
build-gpu/bin/test_model || status=1

step "measure: random Llama-3.2-1B shape, bf16, sequence 256"
M=build-gpu/llama-3.2-1b
[ -f "$M/model.safetensors" ] || "$PY" scripts/make_random_model.py llama-3.2-1b "$M" --dtype bf16 > /dev/null
nvidia-smi --query-gpu=memory.used --format=csv,noheader,nounits -lms 200 > "$OUT/gpu-memory.log" &
smi=$!
build-gpu/bin/bench_device "$M" --device cuda --bf16 --seq 256 --n 64 --batch 8 --steps 8 || status=1
kill $smi 2>/dev/null || true
echo "gpu_peak_memory_mib $(sort -n "$OUT/gpu-memory.log" | tail -1)"

step "done, status $status"
exit $status
