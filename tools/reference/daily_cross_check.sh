#!/bin/sh
# Daily electricity (data contract v2): the oracle's own hand-computed checks, then zhizao against
# the oracle and against the hand-computed expected.json on DIR (enterprises.csv and
# electricity_daily.csv: 29 February, missing days, a zero previous sum, months without readings).
# Usage: daily_cross_check.sh ZHIZAO DIR   (exit 1 on any difference)
set -u
zhizao=$1; dir=$2
here=$(cd "$(dirname "$0")" && pwd)
python=${PYTHON:-/usr/bin/python3}
"$python" "$here/ref_daily_electricity.py" --self-test || exit 1
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
"$zhizao" import --db "$work/db" --quiet "$dir"/*.csv || exit 1
"$python" - "$zhizao" "$work/db" "$dir" "$here" <<'PY'
import json, os, subprocess, sys
zhizao, db, directory, here = sys.argv[1:]
sys.path.insert(0, here)
import ref_daily_electricity as ref
expected = json.load(open(os.path.join(directory, "expected.json")))
failed = False
for period, want in sorted(expected.items()):
    year, month = (int(p) for p in period.split("-"))
    problems = ref.cross_check(zhizao, db, directory, year, month)
    oracle = ref.nowcast_fields(directory, year, month)
    for key in ("days", "electricity_growth"):
        a, b = oracle[key], want[key]
        if (a is None) != (b is None) or (a is not None and abs(a - b) > 1e-9 * max(1, abs(b))):
            problems.append(f"oracle {period} {key}: {a!r} != expected {b!r}")
    for line in problems:
        print("FAIL " + line)
    failed = failed or bool(problems)
    if not problems:
        print(f"ok   daily {period}")
sys.exit(1 if failed else 0)
PY
