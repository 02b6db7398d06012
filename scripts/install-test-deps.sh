#!/usr/bin/env bash
# What the browser tests need beyond the build: Debian's chromium, node, and
# playwright-core from npm in build/page-test-node (scripts/page-test.sh).
# Idempotent. The tests themselves fetch nothing; without these they skip,
# saying so. Needs root (or sudo) for apt.
set -euo pipefail
cd "$(dirname "$0")/.."
playwright_version=1.65.1
sudo=""
if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
missing=()
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
if ((${#missing[@]})); then
  echo "amends: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
dir=build/page-test-node
if [[ ! -f $dir/node_modules/playwright-core/package.json ]] ||
   ! grep -q "\"version\": \"$playwright_version\"" "$dir/node_modules/playwright-core/package.json"; then
  mkdir -p "$dir"
  npm install --prefix "$dir" --no-audit --no-fund --silent "playwright-core@$playwright_version"
fi
