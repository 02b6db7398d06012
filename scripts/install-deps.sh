#!/usr/bin/env bash
# Installs the Debian 12 packages amends builds and tests with. Idempotent:
# does nothing when they are all present. Needs root (or sudo).
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config
  libicu-dev libre2-dev nlohmann-json3-dev libcli11-dev catch2
  libgmime-3.0-dev libgumbo-dev
  libtbb-dev  # amends audit: the parallel pipeline (oneTBB)
  libsimdjson-dev  # amends audit: reading JSON lines
  libcld2-dev  # the draft's language (Compact Language Detector 2)
  libcpp-httplib-dev  # amends serve: HTTP (header + shared library)
  clang libclang-rt-14-dev  # scripts/sanitize.sh: ASan + UBSan and libFuzzer
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]} == 0)); then
  exit 0
fi

sudo=""
if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
echo "amends: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
