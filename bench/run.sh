#!/usr/bin/env bash
# Whole-process benchmarks of amends (bench/README.md): one 2 KB draft, an
# empty draft (start-up + lexicon load), `amends audit` over a 200 MB+ JSONL
# export, peak RSS at three input sizes, and the in-process lexicon load.
#
#   bench/run.sh                 # everything (the audit runs take minutes)
#   bench/run.sh --no-big        # skip the 200 MB audit
#
# Environment:
#   AMENDS=path/to/amends        default /tmp/bench-build/amends, else build/amends
#   AMENDS_BENCH=path/to/amends_bench   default: next to AMENDS in bench/
#   OUT=/tmp/amends-bench        scratch folder for corpora and results
#   RUNS=50 BIG_RUNS=3           hyperfine runs for the draft / the big audit
#   THREADS=                     passed as `audit --threads` when set
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
OUT=${OUT:-/tmp/amends-bench}
RUNS=${RUNS:-50}
BIG_RUNS=${BIG_RUNS:-3}
big=1
[[ ${1:-} == --no-big ]] && big=0

if [[ -z ${AMENDS:-} ]]; then
  for c in /tmp/bench-build/amends "$here/../build/amends"; do
    [[ -x $c ]] && { AMENDS=$c; break; }
  done
fi
[[ -x ${AMENDS:-} ]] || { echo "run.sh: set AMENDS=path/to/amends" >&2; exit 2; }
AMENDS_BENCH=${AMENDS_BENCH:-$(dirname "$AMENDS")/bench/amends_bench}
for tool in hyperfine /usr/bin/time python3; do
  command -v "$tool" >/dev/null || { echo "run.sh: needs $tool (apt install hyperfine time)" >&2; exit 2; }
done

python3 "$here/make_corpus.py" --out "$OUT"
threads=()
[[ -n ${THREADS:-} ]] && threads=(--threads "$THREADS")

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== amends: $AMENDS ($("$AMENDS" --version 2>/dev/null | head -1))"

echo
echo "== one draft, whole process (target: 2 KB draft <= 5 ms; empty draft = start-up + lexicon load)"
hyperfine -N -i --warmup 5 --runs "$RUNS" --export-json "$OUT/draft.json" \
  -n "check draft-2k.txt" "$AMENDS check $OUT/draft-2k.txt" \
  -n "check empty.txt" "$AMENDS check $OUT/empty.txt" \
  -n "check --format json draft-2k.txt" "$AMENDS check --format json $OUT/draft-2k.txt" >/dev/null
python3 "$here/summarize.py" "$OUT/draft.json"

if [[ -x $AMENDS_BENCH ]]; then
  echo
  echo "== lexicon load + compile in process (target <= 2 ms)"
  "$AMENDS_BENCH" --benchmark_filter='BM_LexiconLoad' --benchmark_repetitions=5 \
    --benchmark_report_aggregates_only=true 2>/dev/null | grep -E 'median|BM_' | grep -v mean || true
fi

rss() {  # peak RSS in MB and wall seconds of one run
  local log
  log=$(mktemp)
  /usr/bin/time -v "$@" >/dev/null 2>"$log" || true
  awk -F': ' '/Maximum resident/ {rss=$2} /Elapsed \(wall/ {wall=$2}
              END {printf "peak RSS %6.1f MB   wall %s\n", rss/1024, wall}' "$log"
  rm -f "$log"
}

echo
echo "== peak RSS of audit by input size (target <= 100 MB, flat)"
head -c 21000000 "$OUT/big.jsonl" | sed '$d' >"$OUT/big-21mb.jsonl"
printf '%-28s' "audit replies.jsonl (0.6 MB)"; rss "$AMENDS" audit "${threads[@]}" "$OUT/replies.jsonl"
printf '%-28s' "audit big-21mb.jsonl"; rss "$AMENDS" audit "${threads[@]}" "$OUT/big-21mb.jsonl"
if ((big)); then
  printf '%-28s' "audit big.jsonl"; rss "$AMENDS" audit "${threads[@]}" "$OUT/big.jsonl"
fi

echo
echo "== audit throughput (target >= 50 MB/s over 2 cores)"
size=$(stat -c %s "$OUT/big-21mb.jsonl")
hyperfine -i --warmup 1 --runs 5 --export-json "$OUT/audit-21mb.json" \
  -n "audit big-21mb.jsonl" "$AMENDS audit ${threads[*]} $OUT/big-21mb.jsonl > /dev/null" >/dev/null
python3 "$here/summarize.py" "$OUT/audit-21mb.json" --bytes "$size"
if ((big)); then
  size=$(stat -c %s "$OUT/big.jsonl")
  hyperfine -i --warmup 0 --runs "$BIG_RUNS" --export-json "$OUT/audit-big.json" \
    -n "audit big.jsonl" "$AMENDS audit ${threads[*]} $OUT/big.jsonl > /dev/null" >/dev/null
  python3 "$here/summarize.py" "$OUT/audit-big.json" --bytes "$size"
fi
echo
echo "results: $OUT/*.json (hyperfine --export-json)"
