#!/usr/bin/env bash
# The whole test suite: installs what is missing, builds, runs every test;
# then again under the sanitizers (scripts/sanitize.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
ctest --test-dir build --output-on-failure -j "$(nproc)"
# The same suite under ASan + UBSan, and a short run of every fuzz harness.
bash scripts/sanitize.sh build-sanitize
