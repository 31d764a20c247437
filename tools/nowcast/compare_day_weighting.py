#!/usr/bin/env python3
"""Back-test of the nowcast's two regressors (docs/methodology.md, "Daily electricity and the
nowcast", "The day weighting") on a database, at several days of the month.

For each cut day D it runs `zhizao nowcast --period P --json --cut-day D` with
`--day-weighting none` and `--day-weighting fitted` and prints the city's mean absolute error,
the mean over the divisions back-tested on the same number of windows by both, and in how many
of those divisions the fitted weighting has the smaller error. Both models back-test the same
windows (every window after the first six with statistics), so the errors compare directly.

Usage: compare_day_weighting.py ZHIZAO DB PERIOD [CUT_DAY ...]
  e.g. zhizao demo --db demo.db && compare_day_weighting.py build/zhizao demo.db 2021-06
"""
import json
import subprocess
import sys


def nowcast(zhizao, db, period, model, cut):
    out = subprocess.run([zhizao, "nowcast", "--db", db, "--period", period, "--json",
                          "--day-weighting", model, "--cut-day", str(cut)],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out)


def mae(figures):
    return figures["backtest"]["mean_absolute_error"]


def main(argv):
    if len(argv) < 3:
        print(__doc__)
        return 2
    zhizao, db, period = argv[:3]
    cuts = [int(c) for c in argv[3:]] or [5, 10, 15, 20, 25, 31]
    print("| cut day | city: none | city: fitted | back-test months | divisions: none "
          "| divisions: fitted | fitted better |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for cut in cuts:
        none = nowcast(zhizao, db, period, "none", cut)
        fitted = nowcast(zhizao, db, period, "fitted", cut)
        pairs = [(mae(a), mae(b)) for a, b in zip(none["divisions"], fitted["divisions"])
                 if a["backtest"]["months"] and a["backtest"]["months"] == b["backtest"]["months"]]
        if mae(none) is None or mae(fitted) is None or not pairs:
            print(f"| {cut} | nothing back-tested |")
            continue
        better = sum(1 for a, b in pairs if b < a)
        print(f"| {cut} | {mae(none):.2f} | {mae(fitted):.2f} | {none['backtest']['months']}"
              f"/{fitted['backtest']['months']} | {sum(a for a, _ in pairs) / len(pairs):.2f} "
              f"| {sum(b for _, b in pairs) / len(pairs):.2f} | {better}/{len(pairs)} |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
