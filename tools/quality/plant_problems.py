#!/usr/bin/env python3
"""Plant data-quality problems into a directory of the contract's CSV files (evaluation of
`zhizao quality`, docs/methodology.md "Data quality").

Reads DIR/monthly.csv (e.g. from `zhizao demo --enterprises 5000 --csv-dir DIR`), picks
PER_CHECK enterprises per check at random (seeded) among those with records in every month of
YEAR-01..YEAR-MONTH, plants one problem each, writes OUT/monthly.csv (other files copied) and
OUT/plants.csv (uscc,check). Then `evaluate.py` compares `zhizao quality --json` with it.

Usage: plant_problems.py DIR OUT --period 2021-06 [--per-check 10] [--seed 1]
"""
import argparse
import csv
import math
import os
import random
import shutil


def number(text):
    return float(text) if text not in ("", None) else None


def fmt(value):
    if value is None:
        return ""
    return f"{value:.1f}"


def invented(rng):
    # Every first digit equally likely over three orders of magnitude (a person inventing figures).
    return round((rng.randrange(1, 10) + rng.random()) * 10 ** rng.randrange(1, 4), 1)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("dir")
    parser.add_argument("out")
    parser.add_argument("--period", required=True)
    parser.add_argument("--per-check", type=int, default=10)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    year, last = (int(x) for x in args.period.split("-"))
    rng = random.Random(args.seed)

    with open(os.path.join(args.dir, "monthly.csv"), newline="", encoding="utf-8-sig") as f:
        reader = csv.DictReader(f)
        header = reader.fieldnames
        rows = list(reader)
    by_uscc = {}
    for row in rows:
        by_uscc.setdefault(row["uscc"], {})[row["period"]] = row
    window = [f"{year}-{m:02d}" for m in range(1, last + 1)]
    before = [f"{year - 1}-{m:02d}" for m in range(1, 13)]
    eligible = sorted(u for u, months in by_uscc.items()
                      if all(p in months for p in window + before)
                      and all(number(months[p]["electricity"]) for p in window + before)
                      and all(number(months[p]["output"]) and number(months[p]["output"]) > 50
                              for p in window + before))
    checks = ["electricity_divergence", "value_added_ratio", "copied_last_year",
              "constant_series", "unexplained_jump", "benford_first_digit",
              "last_digit_uniformity"]
    chosen = rng.sample(eligible, args.per_check * len(checks))
    plants = []
    for i, uscc in enumerate(chosen):
        check = checks[i // args.per_check]
        months = by_uscc[uscc]
        plants.append((uscc, check))
        for period, row in sorted(months.items()):
            out = number(row["output"])
            va = number(row["value_added"])
            el = number(row["electricity"])
            if check == "electricity_divergence" and period in window:
                out, el = out * 1.7, el * 0.95
                va = va * 1.7 if va is not None else None
            elif check == "value_added_ratio":
                va = out * 0.9
            elif check == "copied_last_year" and period in window:
                prior = months[f"{year - 1}{period[4:]}"]
                out, va, el = number(prior["output"]), number(prior["value_added"]), number(
                    prior["electricity"])
                row["output_prev"] = row["value_added_prev"] = row["electricity_prev"] = ""
            elif check == "constant_series" and period in window[-4:]:
                el = number(months[window[-5] if len(window) >= 5 else before[-1]]["electricity"])
            elif check == "unexplained_jump" and period == window[-2]:
                out = out * 4
                va = va * 4 if va is not None else None
            elif check == "benford_first_digit":
                out, el = invented(rng), invented(rng)
                va = invented(rng) if va is not None else None
            elif check == "last_digit_uniformity":
                out = round(out / 5) * 5
                va = round(va / 5) * 5 if va is not None else None
            row["output"], row["value_added"], row["electricity"] = fmt(out), fmt(va), fmt(el)
            if check == "benford_first_digit":
                row["output_prev"] = row["value_added_prev"] = row["electricity_prev"] = ""

    os.makedirs(args.out, exist_ok=True)
    for name in os.listdir(args.dir):
        if name != "monthly.csv" and name.endswith(".csv"):
            shutil.copy(os.path.join(args.dir, name), os.path.join(args.out, name))
    with open(os.path.join(args.out, "monthly.csv"), "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=header)
        writer.writeheader()
        writer.writerows(rows)
    with open(os.path.join(args.out, "plants.csv"), "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["uscc", "check"])
        writer.writerows(plants)
    print(f"planted {len(plants)} enterprises ({args.per_check} per check) of {len(by_uscc)}")


if __name__ == "__main__":
    main()
