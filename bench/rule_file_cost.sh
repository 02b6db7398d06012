#!/usr/bin/env bash
# What each changed rule file costs per reply, in instructions (callgrind,
# repeatable on a noisy machine): for every *.rules or *.macros file that
# differs between two lexicon folders, the base folder with that one file
# swapped in is audited over the bench replies once and twice, and the
# difference (the per-reply cost, start-up left out) is printed beside the
# base's and the new folder's.
#
#   bench/rule_file_cost.sh BASE_DIR NEW_DIR     # e.g. a copy of lexicons/en before a change
#
# A rule that is slow to match shows up as its file's line: one antipattern
# whose three gaps were tried as nested loops cost 27 M of 252 M before the
# engine merged them (bench/README.md, "Round 12's rules").
#
# Environment: AMENDS (default build/amends), OUT=/tmp/amends-bench (its
# replies.jsonl, from bench/make_corpus.py). Both folders are compiled at
# start-up (--lexicons), so figures compare with each other, not with the
# built-in image's.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
AMENDS=${AMENDS:-$here/../build/amends}
OUT=${OUT:-/tmp/amends-bench}
if [[ $# -ne 2 || ! -d $1 || ! -d $2 ]]; then
  echo "usage: bench/rule_file_cost.sh BASE_DIR NEW_DIR (two lexicon folders)" >&2
  exit 2
fi
base=$(cd "$1" && pwd)
new=$(cd "$2" && pwd)
replies=$OUT/replies.jsonl
if [[ ! -s $replies ]]; then
  echo "rule_file_cost: $replies is missing; run bench/make_corpus.py --out $OUT" >&2
  exit 2
fi
command -v valgrind >/dev/null || { echo "rule_file_cost: valgrind is not installed" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat "$replies" "$replies" >"$work/twice.jsonl"

instructions() {  # FOLDER INPUT: instructions of one audit, one thread
  valgrind --tool=callgrind --callgrind-out-file=/dev/null \
    "$AMENDS" --no-config --lexicons "$1" audit --threads 1 "$2" 2>&1 >/dev/null |
    awk '/refs:/ { gsub(",", "", $NF); print $NF }'
}

per_reply() {  # FOLDER: millions of instructions per pass over the replies
  local once twice
  once=$(instructions "$1" "$replies")
  twice=$(instructions "$1" "$work/twice.jsonl")
  echo $(((twice - once) / 1000000))
}

base_cost=$(per_reply "$base")
printf '%-24s %8s %8s\n' "folder or file" "M/pass" "vs base"
printf '%-24s %8d %8s\n' "base" "$base_cost" ""
changed=0
for path in "$new"/*.rules "$new"/*.macros; do
  [[ -e $path ]] || continue
  name=$(basename "$path")
  cmp -s "$path" "$base/$name" 2>/dev/null && continue
  changed=1
  rm -rf "$work/variant"
  cp -r "$base" "$work/variant"
  cp "$path" "$work/variant/$name"
  cost=$(per_reply "$work/variant")
  printf '%-24s %8d %+8d\n' "$name" "$cost" $((cost - base_cost))
done
[[ $changed == 1 ]] || echo "(no rule or macro file differs)"
new_cost=$(per_reply "$new")
printf '%-24s %8d %+8d\n' "new, all files" "$new_cost" $((new_cost - base_cost))
