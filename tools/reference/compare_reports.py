#!/usr/bin/python3
"""Compare two zhizao report JSON objects on the data contract's keys only.

Usage:
    python3 tools/reference/compare_reports.py A.json B.json [--tolerance 1e-9]
        [--abs-tolerance 1e-12] [--strict-lists]

Numbers are equal when |a − b| ≤ max(tolerance × max(|a|, |b|), abs-tolerance); the absolute
floor only keeps figures that should be 0 (a growth of exactly 0, say) from failing on 1e-15
noise.  A null must match a null.  Names and extra keys are ignored.  The lists of divisions,
regions (matched by code), parks and chains (matched by id) are compared entry by entry; an entry
present on one side only is a difference unless all its figures are null (a set with no
comparable pair may be listed or left out), and --strict-lists makes that a difference too.

Prints every difference, one a line; exit 0 when there is none, 1 otherwise (or on bad usage /
unreadable input).
"""

import argparse
import json
import math
import sys
import os

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ref_service  # noqa: E402
import ref_steering  # noqa: E402
import ref_products  # noqa: E402
import ref_warnings  # noqa: E402
import ref_safety  # noqa: E402

SCALARS = [
    ("period",),
    ("window", "from"),
    ("window", "to"),
    ("industry", "value_added_growth"),
    ("industry", "manufacturing_value_added_growth"),
    ("industry", "output_growth"),
    ("industry", "electricity_growth"),
    ("industry", "enterprises"),
    ("industry", "manufacturing_breadth", "with_data"),
    ("industry", "manufacturing_breadth", "growing"),
    ("industry", "manufacturing_breadth", "double_digit"),
    ("industry", "manufacturing_breadth", "share"),
    ("key_enterprises", "count"),
    ("key_enterprises", "output_growth"),
    ("key_enterprises", "over_50"),
    ("key_enterprises", "doubled"),
    ("projects", "investment"),
    ("projects", "planned_starts"),
    ("projects", "actual_starts"),
    ("projects", "year_planned_starts"),
    ("projects", "start_share"),
    ("projects", "planned_completions"),
    ("projects", "actual_completions"),
]

LISTS = [
    ("divisions", "code", ("value_added_growth", "contribution", "pull")),
    ("regions", "code", ("value_added_growth", "contribution", "pull")),
    ("parks", "id", ("value_added_growth",)),
    ("chains", "id", ("value_added_growth",)),
]

MISSING = object()


def lookup(obj, path):
    for key in path:
        if not isinstance(obj, dict) or key not in obj:
            return MISSING
        obj = obj[key]
    return obj


def is_number(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def show(value):
    return "(absent)" if value is MISSING else json.dumps(value, ensure_ascii=False)


class Comparer:
    def __init__(self, tolerance, abs_tolerance, strict_lists):
        self.tolerance = tolerance
        self.abs_tolerance = abs_tolerance
        self.strict_lists = strict_lists
        self.differences = []

    def value(self, where, a, b):
        if is_number(a) and is_number(b):
            if not (math.isfinite(a) and math.isfinite(b)):
                equal = a == b
            else:
                bound = max(self.tolerance * max(abs(a), abs(b)), self.abs_tolerance)
                equal = abs(a - b) <= bound
            if not equal:
                diff = a - b
                relative = abs(diff) / max(abs(a), abs(b))
                self.differences.append(
                    f"{where}: {show(a)} != {show(b)} (diff {diff:.3g}, relative {relative:.3g})")
            return
        if a is MISSING and b is MISSING:
            return
        if a != b or type(a) is not type(b):
            self.differences.append(f"{where}: {show(a)} != {show(b)}")

    def entries(self, where, value, key):
        """code/id -> entry; duplicate or malformed entries are differences themselves."""
        if value is MISSING:
            return None
        if not isinstance(value, list):
            self.differences.append(f"{where}: not a list: {show(value)}")
            return None
        result = {}
        for entry in value:
            if not isinstance(entry, dict) or key not in entry:
                self.differences.append(f"{where}: entry without {key}: {show(entry)}")
                continue
            if entry[key] in result:
                self.differences.append(f"{where}: {key} {entry[key]} listed twice")
            result[entry[key]] = entry
        return result

    def lists(self, a, b):
        for name, key, fields in LISTS:
            where = f"industry.{name}"
            list_a = self.entries(f"{where} (A)", lookup(a, ("industry", name)), key)
            list_b = self.entries(f"{where} (B)", lookup(b, ("industry", name)), key)
            if list_a is None or list_b is None:
                if (list_a is None) != (list_b is None):
                    self.differences.append(f"{where}: present on one side only")
                continue
            for ident in sorted(set(list_a) | set(list_b), key=str):
                label = f"{where}[{key}={ident}]"
                entry_a, entry_b = list_a.get(ident), list_b.get(ident)
                if entry_a is None or entry_b is None:
                    present = entry_a if entry_a is not None else entry_b
                    side = "A" if entry_a is not None else "B"
                    all_null = all(present.get(f) is None for f in fields)
                    if self.strict_lists or not all_null:
                        self.differences.append(f"{label}: only in {side}: {show(present)}")
                    continue
                for field in fields:
                    self.value(f"{label}.{field}", entry_a.get(field, MISSING),
                               entry_b.get(field, MISSING))

    def compare(self, a, b):
        for path in SCALARS:
            self.value(".".join(path), lookup(a, path), lookup(b, path))
        self.lists(a, b)
        ref_service.compare(self, a, b)
        ref_steering.compare(self, a, b)
        ref_products.compare(self, a, b)
        ref_warnings.compare(self, a, b)
        ref_safety.compare(self, a, b)
        return self.differences


class UsageParser(argparse.ArgumentParser):
    def error(self, message):
        self.print_usage(sys.stderr)
        print(f"{self.prog}: error: {message}", file=sys.stderr)
        sys.exit(1)


def main(argv):
    parser = UsageParser(description=__doc__.split("\n")[0])
    parser.add_argument("a", metavar="A.json")
    parser.add_argument("b", metavar="B.json")
    parser.add_argument("--tolerance", type=float, default=1e-9, help="relative, default 1e-9")
    parser.add_argument("--abs-tolerance", type=float, default=1e-12,
                        help="absolute floor, default 1e-12")
    parser.add_argument("--strict-lists", action="store_true",
                        help="an all-null list entry on one side only is a difference too")
    args = parser.parse_args(argv)
    reports = []
    for path in (args.a, args.b):
        try:
            with open(path, encoding="utf-8-sig") as stream:
                reports.append(json.load(stream))
        except (OSError, ValueError) as error:
            print(f"{path}: {error}", file=sys.stderr)
            return 1
    differences = Comparer(args.tolerance, args.abs_tolerance, args.strict_lists).compare(
        *reports)
    for line in differences:
        print(line)
    if differences:
        print(f"{len(differences)} difference(s)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
