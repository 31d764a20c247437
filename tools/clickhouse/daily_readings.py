#!/usr/bin/python3
"""Synthetic daily meter readings for the ClickHouse benchmarks (issue 13, bench/README.md).

Writes electricity_daily.csv (the contract's uscc,date,kwh) with one reading a day for every
enterprise of ENTERPRISES_CSV, 2019-01-01..2021-12-31 (1,096 days): kWh from the enterprise's
position and the day, two decimals, as a meter file has them. The same input gives the same file,
byte for byte, so runs of bench/clickhouse_bench.sh and bench/clickhouse_merge_memory.sh compare.

Usage: tools/clickhouse/daily_readings.py ENTERPRISES_CSV OUT_CSV
"""
import csv
import datetime
import sys

DAYS = [datetime.date(2019, 1, 1) + datetime.timedelta(d) for d in range(1096)]


def main(enterprises_csv, out_csv):
    with open(enterprises_csv, encoding="utf-8") as source:
        usccs = [row["uscc"] for row in csv.DictReader(source)]
    with open(out_csv, "w", encoding="utf-8") as out:
        out.write("uscc,date,kwh\n")
        for i, uscc in enumerate(usccs):
            base = 500 + (i * 7919) % 100000
            out.write("".join(
                f"{uscc},{day.isoformat()},"
                f"{base * (1 + 0.1 * ((d * 31 + i) % 17) / 17) + (d % 7) * 0.37:.2f}\n"
                for d, day in enumerate(DAYS)))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
