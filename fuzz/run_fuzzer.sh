#!/usr/bin/env bash
# A bounded libFuzzer run: fuzz/run_fuzzer.sh FUZZER SECONDS WORKDIR [SEED...]
#
# SEEDs are files or folders (missing ones are skipped); they are copied into
# WORKDIR/corpus, which the fuzzer grows. A crash leaves its input in
# WORKDIR/artifacts/ and fails the run; copy it to fuzz/regressions/NAME/
# with the fix (docs/fuzzing.md). Extra libFuzzer flags: FUZZ_FLAGS.
set -euo pipefail
fuzzer=$1 seconds=$2 work=$3
shift 3
mkdir -p "$work/corpus" "$work/artifacts"
for seed in "$@"; do
  if [[ -d $seed ]]; then
    find "$seed" -type f -size -1024k -exec cp -f -t "$work/corpus/" {} + 2>/dev/null || true
  elif [[ -f $seed ]]; then
    cp -f "$seed" "$work/corpus/"
  fi
done
# -rss_limit_mb: a reply must not need more than this; -timeout: nor take
# more than this many seconds; -max_len: room for whole rule files.
exec "$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
  -print_final_stats=1 -artifact_prefix="$work/artifacts/" ${FUZZ_FLAGS:-} "$work/corpus"
