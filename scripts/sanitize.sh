#!/usr/bin/env bash
# The core and CLI tests under AddressSanitizer + UndefinedBehaviorSanitizer: builds build-asan/
# (gcc, -fsanitize=address,undefined on every C++ file of the project; no GUI, no CUDA kernels;
# LibTorch as installed) and runs its ctest. Any report fails the test that made it (UBSan does not
# recover; ASan halts; leaks are checked at exit). Extra arguments go to ctest (e.g. -R test_io).
# usage: [BUILD_DIR=build-asan] scripts/sanitize.sh [ctest arguments...]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/install-python-refs.sh
dir=${BUILD_DIR:-build-asan}
if [ ! -f "$dir/build.ninja" ]; then
  cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DRAPIDUN_SANITIZE=ON -DRAPIDUN_BUILD_GUI=OFF \
        -DRAPIDUN_ENABLE_CUDA=OFF -DRAPIDUN_TORCH=system
fi
cmake --build "$dir" -j2
# alloc_dealloc_mismatch=0: the sentencepiece plug-in is bound deeply (RTLD_DEEPBIND), so inside
# libsentencepiece operator new resolves to libstdc++'s (which calls ASan's malloc) and operator
# delete to ASan's: two labels on one heap, reported as a mismatch when the plug-in loads. Every
# other check (overflows, use after free, leaks, undefined behaviour) stays on.
export ASAN_OPTIONS="detect_leaks=1:halt_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1:alloc_dealloc_mismatch=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
ctest --test-dir "$dir" --output-on-failure --timeout 2400 "$@"
