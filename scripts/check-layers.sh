#!/usr/bin/env bash
# Checks that each pipeline stage uses only the stages it depends on
# (docs/architecture.md, "Stages in the build"), from the symbols of the
# built archives.
# Usage: scripts/check-layers.sh build/layers.txt
#
# layers.txt (written by CMakeLists.txt) has one line per part of the build:
#   KIND NAME FILE[,FILE...] [DEPENDENCY...]
# KIND is stage or data (a static archive) or objects (an object library).
# For every line, each `amends` symbol its files use but do not define, and
# that a stage or data archive defines, must be defined by one inside the
# line's dependency closure; otherwise the use is printed as
#   stage X uses SYMBOL from stage Y, which it does not depend on
# and the check fails. Exit status: 0 all allowed, 1 a use is not,
# 2 a bad layers file, 77 nm is not installed.
set -euo pipefail

if [ $# -ne 1 ]; then
  echo "usage: $0 LAYERS_FILE" >&2
  exit 2
fi
layers=$1
if ! command -v nm >/dev/null 2>&1; then
  echo "check-layers: nm not found (Debian: binutils): skipped"
  exit 77
fi
if [ ! -r "$layers" ]; then
  echo "check-layers: cannot read $layers" >&2
  exit 2
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# One record per symbol and part: "D<TAB>name<TAB>symbol" for a definition,
# "U<TAB>name<TAB>symbol" for a use; amends symbols only.
while read -r kind name files deps; do
  case $kind in ''|'#'*) continue ;; esac
  case $kind in stage|data|objects) ;; *)
    echo "check-layers: $layers: unknown kind '$kind' for $name" >&2
    exit 2 ;;
  esac
  IFS=, read -ra paths <<<"$files"
  for path in "${paths[@]}"; do
    if [ ! -e "$path" ]; then
      echo "check-layers: $name: $path is not built" >&2
      exit 2
    fi
  done
  # nm's BSD format: 16 hex digits or spaces, the type letter, the name.
  nm -C -g "${paths[@]}" 2>/dev/null |
    awk -v name="$name" -v kind="$kind" '
      length($0) < 20 || index($0, "amends::") == 0 { next }
      {
        type = substr($0, 18, 1); sym = substr($0, 20)
        if (type == "U") print "U\t" name "\t" sym
        else if (type == "w" || type == "v") next  # weak and undefined
        else if (kind != "objects") print "D\t" name "\t" sym
        else print "O\t" name "\t" sym
      }' >>"$tmp/symbols"
done <"$layers"
touch "$tmp/symbols"

awk -F'\t' -v layers="$layers" '
  BEGIN {
    while ((getline line < layers) > 0) {
      n = split(line, f, /[ \t]+/)
      if (n < 3 || f[1] ~ /^#/) continue
      kind[f[2]] = f[1]; order[++parts] = f[2]
      for (i = 4; i <= n; i++) if (f[i] != "") dep[f[2], ++ndeps[f[2]]] = f[i]
    }
    for (p = 1; p <= parts; p++) {
      x = order[p]
      for (i = 1; i <= ndeps[x]; i++)
        if (!(dep[x, i] in kind)) {
          printf "check-layers: %s depends on %s, which is not in %s\n", x, dep[x, i], layers > "/dev/stderr"
          bad_file = 1
        }
    }
    if (bad_file) exit 2
    # The dependency closure of every part: reach[x, y] when x may use y.
    for (p = 1; p <= parts; p++) {
      x = order[p]; top = 0
      for (i = 1; i <= ndeps[x]; i++) stack[++top] = dep[x, i]
      while (top > 0) {
        y = stack[top--]
        if ((x, y) in reach) continue
        reach[x, y] = 1
        for (i = 1; i <= ndeps[y]; i++) stack[++top] = dep[y, i]
      }
    }
  }
  $1 == "D" {
    if ($3 in defs) defs[$3] = defs[$3] SUBSEP $2
    else defs[$3] = $2
    own[$2, $3] = 1
    next
  }
  $1 == "O" { own[$2, $3] = 1; next }
  $1 == "U" { uses[++nuses] = $2 "\t" $3 }
  END {
    if (bad_file) exit 2
    checked = 0
    for (u = 1; u <= nuses; u++) {
      split(uses[u], f, "\t"); x = f[1]; sym = f[2]
      if ((x, sym) in own || !(sym in defs)) continue
      if (seen[x, sym]++) continue
      checked++
      m = split(defs[sym], by, SUBSEP); ok = 0
      for (i = 1; i <= m; i++) if ((x, by[i]) in reach) ok = 1
      if (!ok) {
        printf "%s %s uses %s from %s %s, which it does not depend on\n", kind[x], x, sym, kind[by[1]], by[1]
        wrong++
      }
    }
    if (wrong) {
      printf "check-layers: %d use(s) across stages that the dependencies in %s do not allow\n", wrong, layers
      exit 1
    }
    printf "check-layers: %d parts, %d symbols used across them, all along the dependencies\n", parts, checked
  }' "$tmp/symbols"
