#!/usr/bin/env bash
# The whole test suite again, built with clang under AddressSanitizer and
# UndefinedBehaviorSanitizer (any finding fails its test), plus a bounded
# libFuzzer run of every harness in fuzz/ (docs/fuzzing.md).
#
# Usage: scripts/sanitize.sh [BUILD_DIR]     (default: build-sanitize)
#   FUZZ_SECONDS=N   seconds per harness for the fuzz.run.* tests (default
#                    20; 0 builds the fuzzers but does not run them)
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-build-sanitize}
bash scripts/install-deps.sh
# -O1: the sanitizers' own guidance; Debug keeps assertions on.
cmake -S . -B "$dir" -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=Debug \
  -DCMAKE_CXX_FLAGS_DEBUG="-g -O1" -DAMENDS_SANITIZE=ON -DAMENDS_FUZZ=ON \
  -DAMENDS_FUZZ_SECONDS="${FUZZ_SECONDS:-20}" >/dev/null
cmake --build "$dir"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:check_initialization_order=1:strict_init_order=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$PWD/fuzz/lsan.supp:print_suppressions=0}
ctest --test-dir "$dir" --output-on-failure -j "$(nproc)"
