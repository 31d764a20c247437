#!/usr/bin/python3
"""Prints the markdown table of `make bench` from bench.sh's results.

Usage: summarize.py RESULTS.tsv ROWS.tsv [--load LOAD.tsv]
RESULTS.tsv: size, tool, operation, repetition, seconds, peak RSS in KB (one measured process a
line). ROWS.tsv: size, monthly rows. LOAD.tsv: size, requests/s, p50 ms, p99 ms, the server's
peak RSS in KB (may be empty) of the load test on that size's database, then the p99 in ms as the
client saw them of the reads, of /api/report alone and of the submissions (bench/load/mix.lua;
may be missing). Medians of the
repetitions; ratio = zhizao / peer (below 1: zhizao is faster); peak memory is the largest of the
repetitions. Then the growth table (issue 17): zhizao's time and memory per size, and by how much
each grows from one size to the next against the growth of the rows.
"""

import argparse
import statistics
import sys


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("results")
    parser.add_argument("rows")
    parser.add_argument("--load", default="", help="LOAD.tsv of bench.sh (may be missing)")
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
    loads = read_loads(args.load)
    print_growth(sorted({k[0] for k in runs if k[1] == "zhizao"}), rows, median, loads)
    return 0


def read_loads(path):
    """size → (requests/s, p50 ms, p99 ms, server peak KB or None, reads' p99 ms or None,
    /api/report's p99 ms or None, submissions' p99 ms or None) from LOAD.tsv."""
    loads = {}
    try:
        for line in open(path, encoding="utf-8"):
            cells = (line.rstrip("\n").split("\t") + [""] * 3)[:8]
            size, rps, p50, p99, peak = cells[:5]
            kinds = tuple(float(c) if c else None for c in cells[5:])
            loads[int(size)] = (float(rps), float(p50), float(p99),
                                int(peak) if peak else None) + kinds
    except FileNotFoundError:
        pass
    return loads


def print_growth(sizes, rows, median, loads):
    """zhizao's cost per size, then each step's growth factors (time, memory) against the rows'."""
    if not sizes:
        return
    ops = ("import", "report", "explain")
    print("\nHow zhizao's cost grows with the data (medians; MB = peak RSS; explain = `explain "
          "--division 34 --json`; server = bench/load/run.py on the database, 16 "
          "connections, reads mixed with submissions (one in eight); p50 and p99 of every request, "
          "then the p99 of the reads, of /api/report alone and of the submissions, as the client "
          "saw them):\n")
    print("| enterprises | monthly rows | " + " | ".join(f"{op} s | {op} MB" for op in ops) +
          " | server req/s | server p50 ms | server p99 ms | reads p99 ms | report p99 ms "
          "| submissions p99 ms |")
    print("|---" * (2 + 2 * len(ops) + 6) + "|")
    for size in sizes:
        cells = []
        for op in ops:
            got = median(size, "zhizao", op)
            cells += ["–", "–"] if got is None else [f"{got[0]:.3f}", f"{got[1] / 1024:.0f}"]
        load = loads.get(size)
        cells += ["–"] * 6 if load is None else [f"{load[0]:.0f}", f"{load[1]:.1f}",
                                                 f"{load[2]:.1f}"] + [
            "–" if v is None else f"{v:.1f}" for v in load[4:7]]
        print(f"| {size:,} | {rows[size]:,} | " + " | ".join(cells) + " |")
    if len(sizes) < 2:
        return
    print("\n| from → to | rows × | " + " | ".join(f"{op} time × | {op} memory ×" for op in ops) +
          " | server p99 × |")
    print("|---" * (2 + 2 * len(ops) + 1) + "|")
    for small, large in zip(sizes, sizes[1:]):
        cells = []
        for op in ops:
            a, b = median(small, "zhizao", op), median(large, "zhizao", op)
            cells += ["–", "–"] if a is None or b is None else [f"{b[0] / a[0]:.2f}",
                                                                 f"{b[1] / a[1]:.2f}"]
        la, lb = loads.get(small), loads.get(large)
        cells.append("–" if la is None or lb is None else f"{lb[2] / la[2]:.2f}")
        print(f"| {small:,} → {large:,} | {rows[large] / rows[small]:.2f} | " + " | ".join(cells) +
              " |")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
