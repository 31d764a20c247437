#!/usr/bin/python3
"""Builds the contract's report JSON from the rows of bench/sql/report.sql.

Usage: assemble_report.py ROWS.json --period YYYY-MM > report.json

ROWS.json is what bench/duckdb_run.mjs printed (one JSON array) or what `sqlite3 -json` printed
(one JSON array per SELECT that returned rows, one after another). Every row names its section in
column q. Only reshaping happens here: the figures are computed by the SQL. Exits 1 when the data
breaks the SQL's assumption of at most two chains per enterprise.
"""

import argparse
import json
import sys


def rows_of(text):
    decoder = json.JSONDecoder()
    rows, at = [], 0
    while True:
        while at < len(text) and text[at].isspace():
            at += 1
        if at >= len(text):
            return rows
        value, at = decoder.raw_decode(text, at)
        rows.extend(value)


def number(value):
    """DuckDB's JSON rows give BIGINT as strings; SQLite gives numbers."""
    if value is None or isinstance(value, (int, float)):
        return value
    text = str(value)
    return int(text) if text.lstrip("-").isdigit() else float(text)


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("rows")
    parser.add_argument("--period", required=True)
    args = parser.parse_args(argv)
    with open(args.rows, encoding="utf-8") as stream:
        rows = rows_of(stream.read())
    by = {}
    for row in rows:
        by.setdefault(row["q"], []).append({k: v for k, v in row.items() if k != "q"})
    one = lambda q: {k: (v if k in ("code", "id") else number(v)) for k, v in by[q][0].items()}
    many = lambda q: [{k: (v if k in ("code", "id") else number(v)) for k, v in r.items()}
                      for r in by.get(q, [])]
    industry, breadth = one("industry"), one("breadth")
    key, projects = one("key_enterprises"), one("projects")
    if key.pop("chains_over_two"):
        print("error: an enterprise names more than two chains; report.sql assumes two at most",
              file=sys.stderr)
        return 1
    year, month = args.period.split("-")
    planned = projects["year_planned_starts"]
    projects["start_share"] = None if planned == 0 else 100.0 * projects["actual_starts"] / planned
    projects["lagging"] = sorted(row["id"] for row in by.get("lagging", []))
    report = {
        "period": args.period,
        "window": {"from": f"{year}-01", "to": args.period},
        "industry": dict(industry, manufacturing_breadth=breadth, divisions=many("divisions"),
                         regions=many("regions"),
                         provinces=many("provinces"), parks=many("parks"), chains=many("chains")),
        "key_enterprises": key,
        "projects": projects,
    }
    json.dump(report, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
