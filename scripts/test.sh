#!/usr/bin/env bash
# The whole test suite: installs what is missing, builds, runs every test;
# then again under the sanitizers (scripts/sanitize.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
# The tests (and the benchmarks, when Google Benchmark is installed) on, even
# after the README's first command configured the program alone.
bash scripts/build.sh -DAMENDS_BUILD_TESTS=ON -UAMENDS_BENCH
# chromium and playwright-core for the browser tests (they skip without).
bash scripts/install-test-deps.sh || echo "amends: browser test dependencies not installed" >&2
status=0
ctest --test-dir build --output-on-failure -j "$(nproc)" || status=$?
# The same suite under ASan + UBSan, and a short run of every fuzz harness;
# run even when a test failed above, so one CI run reports both.
bash scripts/sanitize.sh build-sanitize || status=$?
exit "$status"
