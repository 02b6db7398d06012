#!/usr/bin/env bash
# The web page of `amends serve` in a real headless Chromium (Debian's
# chromium, driven by playwright-core from npm), typing a draft and reading
# the highlights: tests/page/typing.mjs. Run by CTest (serve.page_in_chromium).
# Exits 77 (CTest: skipped) after saying what is missing when chromium, node
# or playwright-core is absent; scripts/install-test-deps.sh installs them.
# Usage: scripts/page-test.sh AMENDS_BINARY NODE_MODULES_PARENT
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$1
node_dir=$2
chromium=""
for c in /usr/bin/chromium /usr/bin/chromium-browser; do [[ -x $c ]] && chromium=$c && break; done
missing=()
[[ -n $chromium ]] || missing+=("chromium (apt-get install chromium)")
command -v node >/dev/null || missing+=("node (apt-get install nodejs)")
[[ -d $node_dir/node_modules/playwright-core ]] ||
  missing+=("playwright-core in $node_dir (scripts/install-test-deps.sh)")
if ((${#missing[@]})); then
  echo "SKIPPED: the page test needs ${missing[*]}" >&2
  exit 77
fi
scratch=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$scratch"' EXIT
"$bin" --no-config serve --listen 127.0.0.1:0 --quiet >"$scratch/out" 2>"$scratch/err" &
server=$!
for _ in $(seq 300); do grep -q listening "$scratch/out" 2>/dev/null && break; sleep 0.1; done
url=$(sed -n 's/.*listening on \(http[^ ]*\)/\1/p' "$scratch/out")
[[ -n $url ]] || { echo "amends serve did not start:" >&2; cat "$scratch/err" >&2; exit 1; }
cp tests/page/typing.mjs "$node_dir/typing.mjs"  # beside its node_modules
HOME=$scratch node "$node_dir/typing.mjs" "$url" "$chromium"
