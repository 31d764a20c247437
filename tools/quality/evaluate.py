#!/usr/bin/env python3
"""Compares `zhizao quality --json` with the plants of plant_problems.py: for each check, how
many planted enterprises were raised with that check (recall), and the share of the other
enterprises raised by any check (the false-flag rate), overall and per check.

Usage: evaluate.py FINDINGS.json PLANTS.csv ENTERPRISES_WITH_WINDOW_RECORDS
"""
import collections
import csv
import json
import sys


def main():
    findings = json.load(open(sys.argv[1], encoding="utf-8"))["findings"]
    plants = dict(csv.reader(open(sys.argv[2], encoding="utf-8")))
    plants.pop("uscc", None)
    checked = int(sys.argv[3])
    raised = collections.defaultdict(set)
    for f in findings:
        raised[f["uscc"]].add(f["check"])
    print("check                      planted  found  also raised")
    by_check = collections.defaultdict(list)
    for uscc, check in plants.items():
        by_check[check].append(uscc)
    for check, usccs in sorted(by_check.items()):
        found = sum(check in raised[u] for u in usccs)
        others = collections.Counter(c for u in usccs for c in raised[u] if c != check)
        print(f"{check:26} {len(usccs):7d} {found:6d}  {dict(others)}")
    clean = checked - len(plants)
    flagged = [u for u in raised if u not in plants]
    per_check = collections.Counter(c for u in flagged for c in raised[u])
    print(f"clean enterprises: {clean}, flagged: {len(flagged)} "
          f"({100 * len(flagged) / clean:.2f} %)")
    for check, count in sorted(per_check.items()):
        print(f"  {check:26} {count:6d} ({100 * count / clean:.2f} %)")


if __name__ == "__main__":
    main()
