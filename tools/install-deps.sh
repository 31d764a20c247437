#!/usr/bin/env bash
# Installs what zhizao needs to build and test, from Debian's packages only, and only what is
# missing (so a machine that has everything is not touched). Run as root on Debian 12.
set -euo pipefail

packages=(
  g++ cmake ninja-build pkg-config make
  libsqlite3-dev nlohmann-json3-dev libcli11-dev libfmt-dev libexpected-dev
  libgtest-dev libgmock-dev libbenchmark-dev python3
  libzip-dev zipcmp zipmerge ziptool libpugixml-dev libxlsxwriter-dev libsodium-dev
  libmuparser-dev libcpp-httplib-dev
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ "${#missing[@]}" -eq 0 ]; then
  exit 0
fi
echo "installing: ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
  echo "error: missing packages and not root; run: sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
