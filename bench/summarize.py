#!/usr/bin/python3
"""Prints the markdown table of `make bench` from bench.sh's results.

Usage: summarize.py RESULTS.tsv ROWS.tsv [--load LINE]
RESULTS.tsv: size, tool, operation, repetition, seconds, peak RSS in KB (one measured process a
line). ROWS.tsv: size, monthly rows. Medians of the repetitions; ratio = zhizao / peer (below 1:
zhizao is faster); peak memory is the largest of the repetitions.
"""

import argparse
import statistics
import sys


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("results")
    parser.add_argument("rows")
    parser.add_argument("--load", default="")
    args = parser.parse_args(argv)
    runs = {}
    for line in open(args.results, encoding="utf-8"):
        size, tool, op, _, seconds, rss = line.split("\t")
        runs.setdefault((int(size), tool, op), []).append((float(seconds), int(rss)))
    rows = {int(s): int(r) for s, r in (l.split("\t") for l in open(args.rows, encoding="utf-8"))}

    def median(size, tool, op):
        got = runs.get((size, tool, op))
        return (statistics.median(s for s, _ in got), max(r for _, r in got), len(got)) if got \
            else None

    def cell(value, fmt="{:.3f}"):
        return "–" if value is None else fmt.format(value)

    print("| enterprises × 60 months | monthly rows | operation | zhizao s | DuckDB s | SQLite s "
          "| zhizao/DuckDB | zhizao/SQLite | peak MB zhizao / DuckDB / SQLite | runs |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for size in sorted({k[0] for k in runs}):
        for op in ("generate", "import", "report"):
            z, d, s = (median(size, tool, op) for tool in ("zhizao", "duckdb", "sqlite"))
            if z is None:
                continue
            ratio = lambda peer: None if peer is None else z[0] / peer[0]
            mb = lambda m: "–" if m is None else f"{m[1] / 1024:.0f}"
            note = ""
            if op == "import":
                note = f" ({rows[size] / z[0] / 1e6:.2f} M rows/s)"
            print(f"| {size:,} | {rows[size]:,} | {op}{note} | {cell(z[0])} | "
                  f"{cell(d and d[0])} | {cell(s and s[0])} | {cell(ratio(d), '{:.2f}')} | "
                  f"{cell(ratio(s), '{:.3f}')} | {mb(z)} / {mb(d)} / {mb(s)} | "
                  f"{z[2]}/{d[2] if d else 0}/{s[2] if s else 0} |")
    sizes = sorted({k[0] for k in runs if k[2] == "report"})
    if len(sizes) >= 2:
        small, large = sizes[0], sizes[-1]
        zs, zl = median(small, "zhizao", "report"), median(large, "zhizao", "report")
        if zs and zl:
            print(f"\nzhizao report time {large:,} / {small:,}: {zl[0] / zs[0]:.2f}× for "
                  f"{rows[large] / rows[small]:.2f}× the rows (linear or better when ≤).")
    if args.load:
        print(f"\nmake load: {args.load}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
