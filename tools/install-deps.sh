#!/usr/bin/env bash
# Usage: install-deps.sh [build|test|bench]. Installs what zhizao needs to build (and test), from Debian's packages only, and only what is
# missing (so a machine that has everything is not touched). Run as root on Debian 12.
set -euo pipefail

# `build`: what `make build` and `make demo` need. `test`: also what the tests drive (LibreOffice,
# pdftoppm, Chromium, CJK fonts, Python for the reference oracle).
build_packages=(
  g++ cmake ninja-build pkg-config make
  libsqlite3-dev nlohmann-json3-dev libcli11-dev libfmt-dev libexpected-dev
  libzip-dev zipcmp zipmerge ziptool libpugixml-dev libexpat1-dev libxlsxwriter-dev libsodium-dev
  libmuparser-dev libcpp-httplib-dev libtomlplusplus-dev librsvg2-dev libcairo2-dev libicu-dev
  libboost-dev libssl-dev zlib1g-dev libbrotli-dev
  fonts-noto-cjk dpkg-dev
)
test_packages=(
  libgtest-dev libgmock-dev libbenchmark-dev python3 python3-jsonschema openssl wrk dpkg-dev
  libreoffice-writer libreoffice-calc poppler-utils
  chromium
  clang-14 libclang-rt-14-dev
  clickhouse-server clickhouse-client
)

# `bench`: what `make bench` needs beyond the build (the SQLite peer, GNU time for peak memory,
# wrk for the load test on each size).
bench_packages=(sqlite3 time python3 wrk)

packages=("${build_packages[@]}")
if [ "${1:-test}" = "test" ]; then
  packages+=("${test_packages[@]}")
fi
if [ "${1:-test}" = "bench" ]; then
  packages+=("${bench_packages[@]}")
fi

missing=()
# The dashboard (web/) builds with Node.js and npm; the machine's nodejs package ships both, and
# Debian's own (nodejs + npm) are taken only when there is none.
if ! command -v npm > /dev/null 2>&1; then
  missing+=(nodejs npm)
fi
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
