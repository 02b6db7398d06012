#!/usr/bin/env bash
# What the browser and editor tests need beyond the build: Debian's chromium,
# neovim and node; playwright-core from npm in build/page-test-node
# (scripts/page-test.sh) and vscode-languageserver-protocol in
# build/lsp-test-node (scripts/lsp-test.sh).
# Idempotent. The tests themselves fetch nothing; without these they skip,
# saying so. Needs root (or sudo) for apt.
set -euo pipefail
cd "$(dirname "$0")/.."
playwright_version=1.65.1
lsp_protocol_version=3.17.5
sudo=""
if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
missing=()
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
command -v nvim >/dev/null || missing+=(neovim)
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
dir=build/lsp-test-node
if [[ ! -f $dir/node_modules/vscode-languageserver-protocol/package.json ]] ||
   ! grep -q "\"version\": \"$lsp_protocol_version\"" \
     "$dir/node_modules/vscode-languageserver-protocol/package.json"; then
  mkdir -p "$dir"
  npm install --prefix "$dir" --no-audit --no-fund --silent \
    "vscode-languageserver-protocol@$lsp_protocol_version"
fi
