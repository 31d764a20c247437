#!/bin/sh
# Cross-checks zhizao against the oracle on N random datasets (random_cases.py): each case is
# imported into a fresh database and compared on several report periods, cumulative and monthly
# (2021-02 and 2021-03 always, the case's last month, and two periods of 2020).
# Usage: random_cross_check.sh ZHIZAO_BINARY N SEED   (exit 1 on any difference)
# KEEP=DIR keeps the generated cases in DIR instead of a temporary directory.
set -u
if [ $# -ne 3 ]; then
  echo "usage: $0 ZHIZAO_BINARY N SEED" >&2; exit 1
fi
zhizao=$1; count=$2; seed=$3
here=$(cd "$(dirname "$0")" && pwd)
python=${PYTHON:-/usr/bin/python3}
if [ -n "${KEEP:-}" ]; then
  cases=$KEEP; mkdir -p "$cases"
else
  cases=$(mktemp -d); trap 'rm -rf "$cases"' EXIT
fi
"$python" "$here/random_cases.py" "$cases" --count "$count" --seed "$seed" || exit 1
failed=0
for dir in "$cases"/case_*; do
  last=$(cat "$dir/periods.txt")
  last=$(printf '2021-%02d' "$last")
  periods=$(printf '%s\n' 2021-02 2021-02:monthly 2021-03 2021-03:monthly "$last" \
    "$last:monthly" 2020-03 2020-12:monthly | awk '!seen[$0]++')
  # shellcheck disable=SC2086  # the periods are words
  if ! "$python" "$here/cross_check_case.py" "$zhizao" "$dir" $periods; then
    echo "FAIL case $(basename "$dir") (seed $seed)"; failed=1
  fi
done
exit $failed
