#!/usr/bin/python3
"""Cross-checks zhizao against the oracle on one folder, for several periods, in one process.

Usage:
    python3 tools/reference/cross_check_case.py ZHIZAO DIR PERIOD[:monthly]...

Same check as cross_check.sh (import into a fresh database, then `zhizao report --json` against
reference_report.py, compared on the contract's keys by compare_reports.py), but the oracle reads
the files once and runs in this process, which keeps many random cases fast.  Prints one line per
period and every difference; exit 0 when all agree, 1 otherwise.
"""

import contextlib
import io
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import compare_reports  # noqa: E402
import reference_report  # noqa: E402
import ref_service  # noqa: E402
import ref_steering  # noqa: E402
import ref_products  # noqa: E402
import ref_warnings  # noqa: E402
import ref_safety  # noqa: E402
import ref_daily_electricity  # noqa: E402


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 1
    zhizao, directory, specs = argv[0], argv[1], argv[2:]
    name = os.path.basename(os.path.normpath(directory))
    files = sorted(os.path.join(directory, f) for f in os.listdir(directory)
                   if f.endswith(".csv"))
    oracle_log = io.StringIO()
    with contextlib.redirect_stderr(oracle_log):
        try:
            data = reference_report.Dataset(directory)
        except reference_report.DataError as error:
            print(f"FAIL {name}: the oracle refused the files:\n" + "\n".join(error.messages))
            return 1
    with tempfile.TemporaryDirectory() as work:
        db = os.path.join(work, "db")
        imported = subprocess.run([zhizao, "import", "--db", db, "--quiet", *files],
                                  capture_output=True, text=True)
        if imported.returncode != 0:
            print(f"FAIL {name}: zhizao refused the files (exit {imported.returncode}):\n"
                  + imported.stdout + imported.stderr)
            return 1
        failed = False
        for spec in specs:
            period, _, monthly = spec.partition(":")
            flags = ["--monthly"] if monthly else []
            run = subprocess.run([zhizao, "report", "--db", db, "--period", period, *flags,
                                  "--json"], capture_output=True, text=True)
            if run.returncode != 0:
                print(f"FAIL {name} {spec}: zhizao report exit {run.returncode}: {run.stderr}")
                failed = True
                continue
            year, month = reference_report.parse_period(period)
            with contextlib.redirect_stderr(oracle_log):
                expected = reference_report.report(data, year, month, bool(monthly), True)
                ref_service.add_to(expected, directory, year, month, bool(monthly))
                ref_steering.add_to(expected, data, directory, year, month)
                ref_products.add_to(expected, data, directory, year, month, bool(monthly))
                ref_warnings.add_to(expected, data, directory, year, month, bool(monthly))
                ref_safety.add_to(expected, directory, year, month, bool(monthly))
            # Through JSON both ways, so that both sides are compared as the contract's text.
            expected = json.loads(json.dumps(expected, allow_nan=False))
            differences = compare_reports.Comparer(1e-9, 1e-12, False).compare(
                json.loads(run.stdout), expected)
            if differences:
                failed = True
                print(f"FAIL {name} {spec}")
                for line in differences:
                    print("    " + line)
            else:
                print(f"ok   {name} {spec}")
            if os.path.exists(os.path.join(directory, "electricity_daily.csv")) and not monthly:
                for line in ref_daily_electricity.cross_check(zhizao, db, directory, year, month):
                    failed = True
                    print(f"FAIL {name} {spec}: {line}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
