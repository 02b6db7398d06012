#!/usr/bin/env bash
# Scores amends on the labeled replies in ../shared/corpora/dev, with and
# without the customers' messages, then dev, dev2 and dev3 pooled and fold
# by fold (scripts/eval_folds.py). Skips (exit 0) when they are absent.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${SHARED:-../shared}
dev=$shared/corpora/dev
if [[ ! -f $dev/labels.jsonl || ! -f $shared/tools/eval_facts.py ]]; then
  echo "eval-dev: $dev not found, skipping"
  exit 0
fi
bin=${AMENDS:-build/amends}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$bin" audit "$dev/replies.jsonl" >"$out/with.jsonl" 2>/dev/null || [[ $? -le 1 ]]
python3 - "$dev/replies.jsonl" >"$out/alone.in.jsonl" <<'PY'
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    if line.strip():
        o = json.loads(line)
        o["customer_message"] = None
        print(json.dumps(o, ensure_ascii=False))
PY
"$bin" audit "$out/alone.in.jsonl" >"$out/alone.jsonl" 2>/dev/null || [[ $? -le 1 ]]
echo "== with the customer's message"
python3 "$shared/tools/eval_facts.py" "$dev/labels.jsonl" "$out/with.jsonl" "$@"
echo
echo "== reply alone"
python3 "$shared/tools/eval_facts.py" "$dev/labels.jsonl" "$out/alone.jsonl" "$@"
echo
echo "== dev, dev2 and dev3 pooled, by fold (fold 0 is never read for rule writing)"
python3 scripts/eval_folds.py "$bin" "$shared" --held-out 0
