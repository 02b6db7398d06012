#!/usr/bin/env bash
# `amends lsp` driven over stdio by real LSP clients (CTest: lsp.node_client,
# lsp.neovim_client):
#   node    tests/lsp/client.mjs, on vscode-languageserver-protocol from npm
#           (the library VS Code's client is built on): UTF-16 and UTF-8
#           sessions, open, change, hover, code actions, configuration,
#           shutdown/exit, and a 10,000-edit random session;
#   neovim  tests/lsp/neovim.lua in Debian's neovim, headless, with its
#           built-in LSP client.
# Exits 77 (CTest: skipped) after saying what is missing when node, the npm
# package or neovim is absent; scripts/install-test-deps.sh installs them.
# Usage: scripts/lsp-test.sh node|neovim AMENDS_BINARY NODE_MODULES_PARENT
set -euo pipefail
cd "$(dirname "$0")/.."
client=$1
bin=$2
node_dir=$3
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
case $client in
  node)
    missing=()
    command -v node >/dev/null || missing+=("node (apt-get install nodejs)")
    [[ -d $node_dir/node_modules/vscode-languageserver-protocol ]] ||
      missing+=("vscode-languageserver-protocol in $node_dir (scripts/install-test-deps.sh)")
    if ((${#missing[@]})); then
      echo "SKIPPED: the LSP client test needs ${missing[*]}" >&2
      exit 77
    fi
    cp tests/lsp/client.mjs "$node_dir/client.mjs"  # beside its node_modules
    HOME=$scratch node "$node_dir/client.mjs" "$bin"
    ;;
  neovim)
    if ! command -v nvim >/dev/null; then
      echo "SKIPPED: the neovim test needs nvim (apt-get install neovim)" >&2
      exit 77
    fi
    # No user configuration or plugins: only what the test script sets up.
    HOME=$scratch XDG_CONFIG_HOME=$scratch/config XDG_DATA_HOME=$scratch/data \
      XDG_STATE_HOME=$scratch/state XDG_CACHE_HOME=$scratch/cache \
      AMENDS_BIN=$bin AMENDS_SCRATCH=$scratch \
      timeout 120 nvim --headless --clean -u NONE -i NONE -n \
      -c "luafile tests/lsp/neovim.lua" 2>&1 | tee "$scratch/out" >&2
    grep -q "^amends neovim test: passed" "$scratch/out"
    ;;
  *)
    echo "usage: scripts/lsp-test.sh node|neovim AMENDS_BINARY NODE_MODULES_PARENT" >&2
    exit 2
    ;;
esac
