#!/usr/bin/python3
"""Checks that two report JSON objects agree: the contract's keys (through the oracle's
tools/reference/compare_reports.py) plus each province's growth, contribution and pull.

Usage: check_agreement.py A.json B.json [--tolerance 1e-9] [--abs-tolerance 1e-12]
Prints every difference; exit 0 when there is none, 1 otherwise.
"""

import argparse
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tools",
                                "reference"))
import compare_reports  # noqa: E402  (the oracle's comparison, reused as is)


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("a")
    parser.add_argument("b")
    parser.add_argument("--tolerance", type=float, default=1e-9)
    parser.add_argument("--abs-tolerance", type=float, default=1e-12)
    args = parser.parse_args(argv)
    with open(args.a, encoding="utf-8") as a_file, open(args.b, encoding="utf-8") as b_file:
        a, b = json.load(a_file), json.load(b_file)
    comparer = compare_reports.Comparer(args.tolerance, args.abs_tolerance, False)
    comparer.compare(a, b)
    provinces_a = {p["code"]: p for p in a["industry"].get("provinces", [])}
    provinces_b = {p["code"]: p for p in b["industry"].get("provinces", [])}
    if not provinces_a or not provinces_b:
        comparer.differences.append("industry.provinces: missing on one side")
    for code in sorted(set(provinces_a) | set(provinces_b)):
        pa, pb = provinces_a.get(code), provinces_b.get(code)
        if pa is None or pb is None:
            comparer.differences.append(f"industry.provinces[{code}]: on one side only")
            continue
        for field in ("value_added_growth", "contribution", "pull"):
            comparer.value(f"industry.provinces[{code}].{field}", pa.get(field), pb.get(field))
    for line in comparer.differences:
        print(line)
    compared = (len(compare_reports.SCALARS) + 3 * (len(a["industry"]["divisions"]) +
                len(a["industry"]["regions"]) + len(provinces_a)) +
                len(a["industry"]["parks"]) + len(a["industry"]["chains"]))
    print(f"{os.path.basename(args.a)} vs {os.path.basename(args.b)}: about {compared} figures, "
          f"{len(comparer.differences)} difference(s)", file=sys.stderr)
    return 1 if comparer.differences else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
