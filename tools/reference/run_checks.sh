#!/bin/sh
# Runs the reference oracle on every case under tests/data/reference/ and compares its report with
# the hand-computed expected_<YYYY-MM>[_monthly][_no_fold].json next to the CSV files.
# Usage: tools/reference/run_checks.sh   (from anywhere; exit 1 when any case differs)
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
python=${PYTHON:-/usr/bin/python3}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
failed=0
for expected in "$root"/tests/data/reference/*/expected_*.json; do
  dir=$(dirname "$expected")
  name=$(basename "$expected" .json)
  period=$(echo "$name" | sed -n 's/^expected_\([0-9]\{4\}-[0-9]\{2\}\).*/\1/p')
  set -- --period "$period"
  case "$name" in *_monthly*) set -- "$@" --monthly ;; esac
  case "$name" in *_no_fold*) set -- "$@" --no-jan-feb-fold ;; esac
  label="$(basename "$dir")/$name"
  if ! "$python" "$here/reference_report.py" "$dir" "$@" > "$out/report.json"; then
    echo "FAIL $label: reference_report.py failed"
    failed=1
  elif "$python" "$here/compare_reports.py" "$out/report.json" "$expected"; then
    echo "ok   $label"
  else
    echo "FAIL $label"
    failed=1
  fi
done
# A report for January alone is refused with exit 1.
"$python" "$here/reference_report.py" "$root/tests/data/reference/plain" --period 2021-01 \
  > /dev/null 2>&1
if [ $? -eq 1 ]; then echo "ok   January alone refused"; else echo "FAIL January alone"; failed=1; fi
# The safety figures' oracle on its hand-computed register (docs/safety.md).
"$python" "$here/ref_safety_check.py" || failed=1
exit $failed
