#!/bin/sh
# Cross-checks zhizao against the independent oracle: imports a folder of contract files into a
# fresh database, then for each period compares `zhizao report --json` with
# reference_report.py on the same files (compare_reports.py, contract keys only).
# Usage: cross_check.sh ZHIZAO_BINARY DIR PERIOD[:monthly]...   (exit 1 on any difference)
set -u
zhizao=$1; dir=$2; shift 2
here=$(cd "$(dirname "$0")" && pwd)
python=${PYTHON:-/usr/bin/python3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if ! "$zhizao" import --db "$work/db" --quiet "$dir"/*.csv; then
  echo "FAIL: zhizao refused the files of $dir"; exit 1
fi
failed=0
for spec in "$@"; do
  period=${spec%%:*}
  flag=""; [ "$spec" != "$period" ] && flag="--monthly"
  "$zhizao" report --db "$work/db" --period "$period" $flag --json > "$work/zhizao.json" || failed=1
  "$python" "$here/reference_report.py" "$dir" --period "$period" $flag > "$work/oracle.json" || failed=1
  if "$python" "$here/compare_reports.py" "$work/zhizao.json" "$work/oracle.json"; then
    echo "ok   $(basename "$dir") $spec"
  else
    echo "FAIL $(basename "$dir") $spec"; failed=1
  fi
done
exit $failed
