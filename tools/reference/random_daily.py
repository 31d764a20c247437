#!/usr/bin/python3
"""Random electricity_daily.csv for random_cases.py (data contract v2, "Daily electricity").

`add_daily_file(directory, usccs, write_csv, style, chinese)` writes, for about two cases in
three, daily readings of some of the case's enterprises around the months the cross-check asks
for (2020-02 .. 2020-03, 2020-12, 2021-02 .. 2021-03 and the same months a year earlier), with the
awkward cases of the definition: 29 February 2020 (against nothing, and the 2021 February
against the common days of 2020), missing days in either year, enterprises read in one year only,
zero readings (a previous sum of 0), readings as `1,234.5` in quotes, dates as `YYYY/M/D`. It has
its own generator, seeded by the folder's name, so the other files of a case do not change.
Standard library only.
"""

import datetime
import os
import random

CHINESE = {"electricity_daily.csv": {"uscc": "统一社会信用代码", "date": "日期",
                                     "kwh": "日用电量"}}

MONTHS = [(2019, 2), (2019, 3), (2019, 12), (2020, 2), (2020, 3), (2020, 12), (2021, 2),
          (2021, 3)]


def _days(year, month):
    day = datetime.date(year, month, 1)
    while day.month == month:
        yield day
        day += datetime.timedelta(days=1)


def add_daily_file(directory, usccs, write_csv, style, chinese):
    rng = random.Random("daily:" + os.path.basename(os.path.normpath(directory)))
    if not usccs or rng.random() < 0.33:
        return
    chinese.update(CHINESE)
    chosen = [u for u in usccs if rng.random() < 0.6] or usccs[:1]
    rows = []
    for uscc in chosen:
        level = rng.choice([0.0, 12.5, 800.0, 25000.0])
        years = {2019, 2020, 2021} - ({rng.choice([2019, 2020, 2021])} if rng.random() < 0.2
                                       else set())
        for year, month in MONTHS:
            if year not in years:
                continue
            for day in _days(year, month):
                if rng.random() < 0.08:
                    continue  # a missing day
                kwh = round(level * rng.uniform(0.5, 1.5), rng.choice([0, 1, 2]))
                text = f"{kwh:,}" if kwh >= 1000 and rng.random() < 0.2 else repr(kwh)
                date = (f"{day.year}/{day.month}/{day.day}" if rng.random() < 0.1
                        else day.isoformat())
                rows.append({"uscc": uscc, "date": date, "kwh": text})
    rng.shuffle(rows)
    write_csv(directory, "electricity_daily.csv", ["uscc", "date", "kwh"], rows, style)
