#!/usr/bin/env bash
# amends side by side with the tools a team would otherwise configure for
# this job, in one session on the same inputs (bench/README.md):
#   textlint + textlint-rule-prh  fed amends' phrases (bench/export_prh.py)
#   alex, write-good              their own built-in rules
#   rg -i -F -f phrases.txt       the floor for "just finding strings"
# Prints medians and each tool's ratio to amends.
#
#   bench/compare.sh             # 2 KB draft and all replies (about 240 KB)
#   bench/compare.sh --big       # also amends audit vs rg on the 200 MB+ export
#
# Environment: AMENDS (default /tmp/bench-build/amends, else build/amends),
# OUT=/tmp/amends-bench, NODE_DIR=/tmp/bench-node (npm packages are
# installed there when missing; never in the repository), RUNS=20 (SLOW_RUNS=5
# for textlint+prh on the draft; 1 on all replies, where one run takes minutes),
# MAX_PER_PATTERN=50 (export_prh.py --max-per-pattern).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
OUT=${OUT:-/tmp/amends-bench}
NODE_DIR=${NODE_DIR:-/tmp/bench-node}
RUNS=${RUNS:-20}
SLOW_RUNS=${SLOW_RUNS:-5}
MAX_PER_PATTERN=${MAX_PER_PATTERN:-50}
big=0
[[ ${1:-} == --big ]] && big=1

if [[ -z ${AMENDS:-} ]]; then
  for c in /tmp/bench-build/amends "$here/../build/amends"; do
    [[ -x $c ]] && { AMENDS=$c; break; }
  done
fi
[[ -x ${AMENDS:-} ]] || { echo "compare.sh: set AMENDS=path/to/amends" >&2; exit 2; }
for tool in hyperfine rg node npm python3; do
  command -v "$tool" >/dev/null ||
    { echo "compare.sh: needs $tool (apt install hyperfine ripgrep nodejs npm)" >&2; exit 2; }
done

bin=$NODE_DIR/node_modules/.bin
if [[ ! -x $bin/textlint || ! -x $bin/alex || ! -x $bin/write-good ||
      ! -d $NODE_DIR/node_modules/textlint-rule-prh ]]; then
  echo "compare.sh: installing textlint, textlint-rule-prh, alex, write-good into $NODE_DIR" >&2
  mkdir -p "$NODE_DIR"
  (cd "$NODE_DIR" && { [[ -f package.json ]] || npm init -y >/dev/null; } &&
   npm install --no-audit --no-fund textlint textlint-rule-prh alex write-good >/dev/null)
fi

python3 "$here/make_corpus.py" --out "$OUT"
python3 "$here/export_prh.py" --out "$OUT" --max-per-pattern "$MAX_PER_PATTERN"
cat >"$OUT/textlintrc.json" <<EOF
{"rules": {"prh": {"rulePaths": ["$OUT/prh.yml"]}}}
EOF

echo "== machine: $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== versions: amends $("$AMENDS" --version 2>/dev/null | head -1), textlint $("$bin/textlint" --version)," \
     "alex $("$bin/alex" --version), write-good $(node -p "require('$NODE_DIR/node_modules/write-good/package.json').version")," \
     "$(rg --version | sed -n 1p), hyperfine $(hyperfine --version | cut -d' ' -f2)"

textlint="$bin/textlint --config $OUT/textlintrc.json --rules-base-directory $NODE_DIR/node_modules"

# Each tool exits non-zero when it finds something: -i keeps hyperfine going.
side_by_side() {  # name, amends command, input file for the others, textlint runs
  local name=$1 amends_cmd=$2 input=$3 slow_runs=$4
  echo
  echo "== $name ($(stat -c %s "$input") bytes)"
  hyperfine -i --warmup 2 --runs "$RUNS" --export-json "$OUT/compare-$name.json" \
    -n amends "$amends_cmd > /dev/null" \
    -n alex "$bin/alex $input > /dev/null 2>&1" \
    -n write-good "$bin/write-good $input > /dev/null" \
    -n "rg -i -F -f" "rg -i -F -c -f $OUT/phrases.txt $input > /dev/null" \
    -n "rg -F -f" "rg -F -c -f $OUT/phrases.txt $input > /dev/null" >/dev/null
  # textlint+prh takes seconds to minutes a run: its own, shorter series.
  hyperfine -i --warmup 0 --runs "$slow_runs" --export-json "$OUT/compare-$name-textlint.json" \
    -n "textlint+prh" "$textlint $input > /dev/null" >/dev/null
  python3 "$here/summarize.py" "$OUT/compare-$name.json" "$OUT/compare-$name-textlint.json" --base amends --bytes "$(stat -c %s "$input")"
}

side_by_side draft-2k "$AMENDS check $OUT/draft-2k.txt" "$OUT/draft-2k.txt" "$SLOW_RUNS"
side_by_side replies "$AMENDS audit $OUT/replies.jsonl" "$OUT/replies.txt" 1

if ((big)); then
  echo
  echo "== 200 MB+ export: amends audit vs the rg floor (one run each; minutes)"
  hyperfine -i --runs 1 --export-json "$OUT/compare-big.json" \
    -n amends "$AMENDS audit $OUT/big.jsonl > /dev/null" \
    -n "rg -i -F -f" "rg -i -F -c -f $OUT/phrases.txt $OUT/big.jsonl > /dev/null" \
    -n "rg -F -f" "rg -F -c -f $OUT/phrases.txt $OUT/big.jsonl > /dev/null" >/dev/null
  python3 "$here/summarize.py" "$OUT/compare-big.json" --base amends --bytes "$(stat -c %s "$OUT/big.jsonl")"
fi
echo
echo "ratio column: each tool's median / amends' median (above 1: amends is faster)."
