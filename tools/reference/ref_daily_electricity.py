#!/usr/bin/python3
"""Reference for the daily-electricity figures of the data contract ("v2 additions", "Daily
electricity"), written from the contract's text alone (not from zhizao's C++).

Usage:
    python3 tools/reference/ref_daily_electricity.py DIR --period YYYY-MM
        prints {"period", "days", "electricity_growth"} from DIR/electricity_daily.csv
    python3 tools/reference/ref_daily_electricity.py --self-test
        checks the functions on hand-computed cases (29 February, missing days, zero readings)

The contract:
- monthly electricity of an enterprise from daily readings = sum of kwh of the month / 10^4
  (万千瓦时);
- growth of a set over month M of year Y (calendar-aligned) = 100 x (sum kwh / sum kwh_prev - 1)
  over enterprise-days present in both years, day d of Y against the same day of Y-1
  (29 February against nothing), over every enterprise with readings; null when there is no such
  pair or the previous sum is 0 (the contract's rule for every rate);
- `days` = the days of M that have readings (of any enterprise).
Standard library only; sums with math.fsum.
"""

import csv
import datetime
import io
import json
import math
import os
import sys

HEADERS = {"uscc": "uscc", "统一社会信用代码": "uscc", "date": "date", "日期": "date",
           "kwh": "kwh", "日用电量": "kwh"}


def _decode(raw):
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ValueError("neither UTF-8 nor GB18030")


def _header_name(cell):
    name = cell.strip()
    for bracket in ("(", "（", "["):
        if bracket in name and name.index(bracket) > 0:
            name = name[:name.index(bracket)].strip()
    return HEADERS.get(name.lower(), HEADERS.get(name))


def _date(text):
    """YYYY-MM-DD, also YYYY-M-D, YYYY/M/D and YYYY年M月D日."""
    text = text.strip().replace("年", "-").replace("月", "-").replace("日", "").replace("/", "-")
    year, month, day = (int(part) for part in text.split("-"))
    return datetime.date(year, month, day)


def _number(text):
    return float(text.strip().replace(",", ""))


def read_readings(path):
    """{(uscc, datetime.date): kwh} from an electricity_daily.csv (English or Chinese headers)."""
    with open(path, "rb") as stream:
        text = _decode(stream.read())
    rows = list(csv.reader(io.StringIO(text, newline="")))
    names = [_header_name(cell) for cell in rows[0]]
    readings = {}
    for row in rows[1:]:
        if not any(cell.strip() for cell in row):
            continue
        fields = {names[i]: row[i] for i in range(len(row)) if i < len(names) and names[i]}
        day = _date(fields["date"])
        readings[(fields["uscc"].strip(), day)] = _number(fields["kwh"])
    return readings


def monthly_electricity(readings, uscc, year, month):
    """Sum of kwh of the month / 10^4, or None without a reading."""
    values = [kwh for (code, day), kwh in readings.items()
              if code == uscc and day.year == year and day.month == month]
    return math.fsum(values) / 1e4 if values else None


def growth(readings, year, month):
    """(growth in percent or None, days of the month with readings)."""
    current, previous = [], []
    days = set()
    for (uscc, day), kwh in readings.items():
        if day.year != year or day.month != month:
            continue
        days.add(day.day)
        if month == 2 and day.day == 29:
            continue  # against nothing
        before = (uscc, datetime.date(year - 1, month, day.day))
        if before in readings:
            current.append(kwh)
            previous.append(readings[before])
    total_previous = math.fsum(previous)
    if not previous or total_previous == 0:
        return None, len(days)
    return 100 * (math.fsum(current) / total_previous - 1), len(days)


def nowcast_fields(directory, year, month):
    """The contract's keys of `zhizao nowcast --json` that depend on the readings alone."""
    path = os.path.join(directory, "electricity_daily.csv")
    readings = read_readings(path) if os.path.exists(path) else {}
    value, days = growth(readings, year, month)
    return {"period": f"{year:04d}-{month:02d}", "days": days, "electricity_growth": value}


def cross_check(zhizao, db, directory, year, month):
    """Differences between `zhizao nowcast --db DB --period P --json` and this reference on the
    readings' keys (days, electricity_growth); [] when they agree (relative tolerance 1e-9)."""
    import subprocess
    period = f"{year:04d}-{month:02d}"
    run = subprocess.run([zhizao, "nowcast", "--db", db, "--period", period, "--json"],
                         capture_output=True, text=True)
    if run.returncode != 0:
        return [f"nowcast {period}: exit {run.returncode}: {run.stderr.strip()}"]
    got = json.loads(run.stdout)
    want = nowcast_fields(directory, year, month)
    differences = []
    if got.get("days") != want["days"]:
        differences.append(f"nowcast {period} days: {got.get('days')} != {want['days']}")
    a, b = got.get("electricity_growth"), want["electricity_growth"]
    if (a is None) != (b is None) or (
            a is not None and abs(a - b) > max(1e-9 * max(abs(a), abs(b)), 1e-12)):
        differences.append(f"nowcast {period} electricity_growth: {a!r} != {b!r}")
    return differences


def self_test():
    d = datetime.date
    a, b = "A", "B"
    readings = {
        # A: both years on 1 and 2 March; 3 March only in 2021 (no pair).
        (a, d(2021, 3, 1)): 110.0, (a, d(2020, 3, 1)): 100.0,
        (a, d(2021, 3, 2)): 120.0, (a, d(2020, 3, 2)): 100.0,
        (a, d(2021, 3, 3)): 500.0,
        # B: 2 March in 2020 only (no pair); 31 March in both.
        (b, d(2020, 3, 2)): 900.0,
        (b, d(2021, 3, 31)): 30.0, (b, d(2020, 3, 31)): 40.0,
        # February of a leap year: 29 February 2020 against nothing; 28 February in both.
        (a, d(2020, 2, 29)): 1000.0, (a, d(2020, 2, 28)): 50.0, (a, d(2019, 2, 28)): 40.0,
        # February 2021 after the leap year: 28 February against 28 February.
        (a, d(2021, 2, 28)): 60.0,
        # Zero previous readings only: null.
        (b, d(2021, 4, 1)): 5.0, (b, d(2020, 4, 1)): 0.0,
    }
    checks = [("date forms", [_date(t) for t in ("2021-03-01", "2021/3/1", "2021年3月1日")],
               [d(2021, 3, 1)] * 3)]
    value, days = growth(readings, 2021, 3)
    # (110 + 120 + 30) / (100 + 100 + 40) = 260 / 240.
    checks.append(("March growth", value, 100 * (260 / 240 - 1)))
    checks.append(("March days", days, 4))  # 1, 2, 3 and 31 March
    value, days = growth(readings, 2020, 2)
    checks.append(("leap February growth", value, 100 * (50 / 40 - 1)))
    checks.append(("leap February days", days, 2))
    value, _ = growth(readings, 2021, 2)
    checks.append(("February after a leap year", value, 100 * (60 / 50 - 1)))
    checks.append(("zero previous", growth(readings, 2021, 4)[0], None))
    checks.append(("no readings", growth(readings, 2021, 5), (None, 0)))
    checks.append(("monthly electricity", monthly_electricity(readings, a, 2021, 3), 730 / 1e4))
    checks.append(("no monthly electricity", monthly_electricity(readings, b, 2021, 5), None))
    failed = 0
    for name, got, want in checks:
        same = got == want or (isinstance(got, float) and isinstance(want, float)
                               and abs(got - want) <= 1e-12 * max(1, abs(want)))
        print(("ok   " if same else "FAIL ") + f"{name}: {got!r}" + ("" if same else f" != {want!r}"))
        failed += 0 if same else 1
    return 1 if failed else 0


def main(argv):
    if argv == ["--self-test"]:
        return self_test()
    if len(argv) != 3 or argv[1] != "--period":
        print(__doc__, file=sys.stderr)
        return 1
    year, month = (int(part) for part in argv[2].split("-"))
    print(json.dumps(nowcast_fields(argv[0], year, month)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
