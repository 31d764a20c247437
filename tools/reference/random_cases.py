#!/usr/bin/python3
"""Random small datasets in the data contract's CSV format, for cross-checking zhizao.

Usage:
    python3 tools/reference/random_cases.py OUT_DIR --count N [--seed S]

Writes OUT_DIR/case_000 .. case_{N-1}, each a folder with the eight contract files (some may be
absent), deterministic for a given seed.  Standard library only.  Every case mixes the awkward
inputs an outside checker may bring (data contract v1, /work/shared/data-contract.md):

- enterprises: valid GB 32100-2015 codes (check character computed here), Luoyang county codes,
  2-digit divisions and 4-digit GB/T 4754-2017 classes, names with commas, quotes, newlines and
  characters outside GBK (4-byte GB18030), parks and chains (`;`-separated), key 0/1/empty;
- monthly rows: regular enterprises, new entrants with and without `_prev` fields, entrants with
  a partial last year, enterprises leaving scope (in_scope 0, or rows that stop), months out of
  scope, months missing, value_added missing (ratio rule), electricity missing, zero previous
  values, January folded into February in one year but not the other (or in both), key
  enterprises whose output grows by exactly 50% or 100%, reported `_prev` values that differ
  from last year's rows (revisions);
- deflators with missing months and divisions without any PPI; va_ratios with missing years;
- projects with dates on the window edges (Jan 1, the last day of Feb/Mar/Jun, Dec 31, the day
  after) and progress rows outside the year;
- encodings: UTF-8, UTF-8 with BOM, or GB18030 with the contract's Chinese headers; CRLF or LF;
  shuffled column order, optional columns left out, an unknown column; numbers as `1234.5`,
  `1234` or `"1,234.5"`; periods as `YYYY-MM`, `YYYYMM` or `YYYY年M月`.

The cases are meant to be valid: zhizao must import every one of them.
"""

import argparse
import datetime
import os
import random
import sys

import random_service  # noqa: E402  (assignments, visits, cases)
import random_steering  # noqa: E402  (campaigns, targets, projects' campaign)
import random_safety  # noqa: E402  (the flood-season safety files, docs/safety.md)
import random_products  # noqa: E402  (products, product_output)
import random_daily  # noqa: E402  (electricity_daily)

# GB 32100-2015: 31-character code set, weights 3^(i-1) mod 31.
CODE_SET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = [pow(3, i, 31) for i in range(17)]

LUOYANG_COUNTIES = ["410302", "410303", "410304", "410305", "410307", "410308", "410311",
                    "410323", "410324", "410325", "410326", "410327", "410328", "410329"]

# GB/T 4754-2017 codes: 2-digit divisions (06–46) and a few 4-digit classes of them.
INDUSTRY_CODES = ["06", "0610", "0810", "0931", "09", "13", "1311", "1391", "14", "1511", "17",
                  "1711", "22", "2211", "2511", "26", "2611", "27", "2710", "30", "3011", "3110",
                  "3120", "3216", "33", "3311", "34", "3411", "3451", "35", "3571", "36", "3611",
                  "38", "3812", "39", "3911", "4011", "43", "44", "4411", "4430", "4610"]

# Chinese headers as the contract names them; columns without one keep the English name.
CHINESE = {
    "enterprises.csv": {"uscc": "统一社会信用代码", "name": "企业名称", "industry": "行业代码",
                        "region": "区划代码", "park": "园区", "chains": "产业链",
                        "key": "重点企业"},
    "monthly.csv": {"uscc": "统一社会信用代码", "period": "时期", "output": "工业总产值",
                    "value_added": "工业增加值", "electricity": "用电量",
                    "output_prev": "上年同期工业总产值", "value_added_prev": "上年同期工业增加值",
                    "electricity_prev": "上年同期用电量", "in_scope": "规上"},
    "deflators.csv": {"industry": "行业代码", "period": "时期", "ppi": "出厂价格指数"},
    "va_ratios.csv": {"industry": "行业代码", "ratio": "增加值率"},
}

NAME_PARTS = ["洛阳", "伊滨", "龙门", "牡丹", "河洛", "中原", "涧西", "偃师", "栾川", "新安"]
NAME_TRADES = ["轴承", "农机", "钼业", "玻璃", "电力", "铝材", "食品", "纺织", "耐材", "机器人"]
NAME_ODDITIES = ["", "", "", ",二分厂", "\"新\"厂", "（一期）\n二期", "𠮷祥", "A&B, Ltd."]

DATE_EDGES = ["2021-01-01", "2021-02-28", "2021-03-01", "2021-03-31", "2021-04-01",
              "2021-06-30", "2021-07-01", "2021-12-31", "2020-12-31", "2022-01-01",
              "2020-01-01", "2021-02-01", "2021-01-31"]


def complete_uscc(first17):
    total = sum(CODE_SET.index(c) * w for c, w in zip(first17, WEIGHTS))
    check = 31 - total % 31
    return first17 + CODE_SET[0 if check == 31 else check]


def random_uscc(rng, region, used):
    while True:
        # 9 = registered by the market regulator, 1 = enterprise; then the region code and a
        # 9-character organization code of the code set.
        body = "91" + region + "".join(rng.choice(CODE_SET) for _ in range(9))
        code = complete_uscc(body)
        if code not in used:
            used.add(code)
            return code


class Style:
    """How one case writes its files."""

    def __init__(self, rng):
        self.encoding = rng.choice(["utf-8", "utf-8-sig", "gb18030", "gb18030"])
        self.chinese_headers = self.encoding == "gb18030" or rng.random() < 0.2
        self.newline = rng.choice(["\n", "\r\n"])
        self.shuffle_columns = rng.random() < 0.6
        self.unknown_column = rng.random() < 0.3
        self.rng = rng

    def number(self, value):
        """`1234.5`, `1234` when integral, or `1,234.5` (quoted by the writer)."""
        rng = self.rng
        if value is None:
            return ""
        text = f"{value:.1f}" if value != int(value) else str(int(value))
        if abs(value) >= 1000 and rng.random() < 0.3:
            whole, _, fraction = text.partition(".")
            text = f"{int(whole):,}" + ("." + fraction if fraction else "")
        elif value == int(value) and rng.random() < 0.2:
            text = f"{value:.2f}"
        return text

    def period(self, year, month):
        form = self.rng.random()
        if form < 0.6:
            return f"{year:04d}-{month:02d}"
        if form < 0.8:
            return f"{year:04d}{month:02d}"
        return f"{year}年{month}月"


def quote(field):
    if any(c in field for c in ",\"\r\n") or field != field.strip():
        return '"' + field.replace('"', '""') + '"'
    return field


def write_csv(directory, file_name, columns, rows, style):
    """rows: list of dicts; columns not in a row are written empty."""
    rng = style.rng
    columns = list(columns)
    if style.shuffle_columns:
        rng.shuffle(columns)
    header = []
    chinese = CHINESE.get(file_name, {})
    for column in columns:
        header.append(chinese.get(column, column) if style.chinese_headers else column)
    extra = style.unknown_column and rng.random() < 0.5
    if extra:
        header.append("备注")
    lines = [",".join(quote(h) for h in header)]
    for row in rows:
        fields = [row.get(column, "") for column in columns]
        if extra:
            fields.append(rng.choice(["", "核实", "含税,已调整"]))
        lines.append(",".join(quote(f) for f in fields))
    text = style.newline.join(lines) + style.newline
    with open(os.path.join(directory, file_name), "wb") as stream:
        stream.write(text.encode(style.encoding))


def one_decimal(value):
    return round(value, 1)


class Enterprise:
    def __init__(self, uscc, industry, region):
        self.uscc = uscc
        self.industry = industry
        self.division = industry[:2]
        self.region = region
        self.rows = {}  # (year, month) -> dict of numbers / flags


def monthly_history(rng, enterprise, first_year, last_month):
    """Fills enterprise.rows for first_year-01 .. 2021-last_month according to a random profile."""
    profile = rng.choice(["regular", "regular", "regular", "entrant_prev", "entrant_bare",
                          "partial_history", "leaver", "stopper", "scope_gaps", "gappy",
                          "exact_50", "exact_100", "zero_prev"])
    enterprise.profile = profile
    va_mode = rng.choice(["always", "always", "never", "sometimes"])
    el_mode = rng.choice(["always", "always", "never", "sometimes"])
    base = rng.uniform(100, 20000)
    share = rng.uniform(0.15, 0.4)
    factor = {"exact_50": 1.5, "exact_100": 2.0}.get(profile)
    if factor:
        # Even integers so that cur / prev is exactly 1.5 or 2 and growth exactly 50 or 100.
        va_mode = rng.choice(["always", "never"])
    months = [(y, m) for y in range(first_year, 2022) for m in range(1, 13)
              if (y, m) <= (2021, last_month)]
    for year, month in months:
        if factor:
            if year == 2021:
                prev = enterprise.rows.get((2020, month))
                if prev is None:
                    continue
                output = prev["output"] * factor
            else:
                output = 2 * rng.randint(50, 5000)
        elif profile == "zero_prev" and year < 2021:
            output = 0.0
        else:
            growth = rng.uniform(0.7, 1.5) if year == 2021 else rng.uniform(0.8, 1.2)
            output = one_decimal(base * growth * rng.uniform(0.8, 1.2))
        row = {"output": output, "in_scope": True}
        if va_mode == "always" or (va_mode == "sometimes" and rng.random() < 0.6):
            row["value_added"] = one_decimal(output * share)
        if el_mode == "always" or (el_mode == "sometimes" and rng.random() < 0.7):
            row["electricity"] = 0.0 if output == 0 else one_decimal(output * rng.uniform(0.01, 0.1))
        enterprise.rows[(year, month)] = row

    rows = enterprise.rows
    if profile in ("entrant_prev", "entrant_bare"):
        # New entrant: no rows before 2021; with _prev fields from its own books, or none.
        old = {k: v for k, v in rows.items() if k[0] < 2021}
        for k in old:
            del rows[k]
        if profile == "entrant_prev":
            which = rng.choice(["all", "output_only", "some"])
            for (year, month), row in rows.items():
                last = old.get((2020, month))
                if last is None:
                    continue
                if which == "some" and rng.random() < 0.4:
                    continue
                row["output_prev"] = last["output"]
                if which != "output_only" and "value_added" in last:
                    row["value_added_prev"] = last["value_added"]
                if which == "all" and "electricity" in last:
                    row["electricity_prev"] = last["electricity"]
    elif profile == "partial_history":
        start = rng.randint(3, 11)
        for k in [k for k in rows if k[0] < 2021 and k < (2020, start)]:
            del rows[k]
    elif profile == "leaver":
        leave = rng.randint(2, max(2, last_month))
        for (year, month), row in rows.items():
            if year == 2021 and month >= leave:
                row["in_scope"] = False
    elif profile == "stopper":
        stop = rng.randint(2, max(2, last_month))
        for k in [k for k in rows if k[0] == 2021 and k[1] >= stop]:
            del rows[k]
    elif profile == "scope_gaps":
        for row in rows.values():
            if rng.random() < 0.25:
                row["in_scope"] = False
    elif profile == "gappy":
        for k in list(rows):
            if rng.random() < 0.2:
                del rows[k]

    # Reported previous-year values on some 2021 rows of established enterprises, sometimes
    # revised away from last year's own row.
    if profile not in ("entrant_prev", "entrant_bare", "exact_50", "exact_100") and \
            rng.random() < 0.3:
        for (year, month), row in rows.items():
            last = rows.get((year - 1, month))
            if year != 2021 or rng.random() < 0.5:
                continue
            source = last or {"output": one_decimal(row["output"] * 0.9)}
            revise = rng.choice([1.0, 1.0, 1.05, 0.0])
            row["output_prev"] = one_decimal(source["output"] * revise)
            if rng.random() < 0.5 and "value_added" in source:
                row["value_added_prev"] = one_decimal(source["value_added"] * revise)
            if rng.random() < 0.5 and "electricity" in source:
                row["electricity_prev"] = source["electricity"]

    # January folded into February: in 2021 only, 2020 only, or both.
    fold = rng.random()
    years = []
    if profile not in ("exact_50", "exact_100"):
        if fold < 0.15:
            years = [2021]
        elif fold < 0.25:
            years = [2020]
        elif fold < 0.3:
            years = [2021, 2020]
    elif fold < 0.3:
        years = [rng.choice([2020, 2021])]
    for year in years:
        january, february = rows.get((year, 1)), rows.get((year, 2))
        if january is None or february is None:
            continue
        merged = {"in_scope": january["in_scope"] and february["in_scope"]}
        for field in ("output", "value_added", "electricity", "output_prev", "value_added_prev",
                      "electricity_prev"):
            if field in january and field in february:
                merged[field] = one_decimal(january[field] + february[field])
        if "output" not in merged:
            continue
        del rows[(year, 1)]
        rows[(year, 2)] = merged


def generate_case(rng, directory):
    os.makedirs(directory, exist_ok=True)
    style = Style(rng)
    last_month = rng.choice([3, 4, 6, 6, 12]) if rng.random() < 0.9 else 2
    first_year = 2019 if rng.random() < 0.4 else 2020
    used = set()

    parks = [{"id": f"P{i:02d}", "name": rng.choice(NAME_PARTS) + "产业园" +
              rng.choice(["", "，东区", ",西区"]),
              "region": rng.choice(LUOYANG_COUNTIES + ["410300", ""]),
              "category": rng.choice(["", "开发区", "高新区"])}
             for i in range(1, rng.randint(0, 3) + 1)]
    chains = [{"id": f"C{i:02d}", "name": rng.choice(NAME_TRADES) + "产业链"}
              for i in range(1, rng.randint(0, 3) + 1)]

    codes = rng.sample(INDUSTRY_CODES, rng.randint(3, 8))
    enterprises = []
    for _ in range(rng.randint(4, 18)):
        region = rng.choice(LUOYANG_COUNTIES)
        e = Enterprise(random_uscc(rng, region, used), rng.choice(codes), region)
        e.name = rng.choice(NAME_PARTS) + rng.choice(NAME_TRADES) + "有限公司" + \
            rng.choice(NAME_ODDITIES)
        e.park = rng.choice(parks)["id"] if parks and rng.random() < 0.5 else ""
        e.chains = [c["id"] for c in chains if rng.random() < 0.4]
        monthly_history(rng, e, first_year, last_month)
        e.key = e.profile in ("exact_50", "exact_100") or rng.random() < 0.25
        enterprises.append(e)

    omit_key = rng.random() < 0.1 and not any(e.key for e in enterprises)
    enterprise_columns = ["uscc", "name", "industry", "region"]
    if parks or rng.random() < 0.5:
        enterprise_columns.append("park")
    if chains or rng.random() < 0.5:
        enterprise_columns.append("chains")
    if not omit_key:
        enterprise_columns.append("key")
    write_csv(directory, "enterprises.csv", enterprise_columns, [
        {"uscc": e.uscc, "name": e.name, "industry": e.industry, "region": e.region,
         "park": e.park, "chains": rng.choice([";", "；"]).join(e.chains),
         "key": "1" if e.key else rng.choice(["0", "0", ""])} for e in enterprises], style)

    monthly_rows = []
    for e in enterprises:
        for (year, month), row in sorted(e.rows.items()):
            out = {"uscc": e.uscc, "period": style.period(year, month)}
            for field in ("output", "value_added", "electricity", "output_prev",
                          "value_added_prev", "electricity_prev"):
                out[field] = style.number(row.get(field))
            out["in_scope"] = "0" if not row["in_scope"] else rng.choice(["1", "1", ""])
            monthly_rows.append(out)
    rng.shuffle(monthly_rows)
    monthly_columns = ["uscc", "period", "output", "value_added", "electricity", "output_prev",
                       "value_added_prev", "electricity_prev", "in_scope"]
    if all(r["in_scope"] != "0" for r in monthly_rows) and rng.random() < 0.5:
        monthly_columns.remove("in_scope")
    write_csv(directory, "monthly.csv", monthly_columns, monthly_rows, style)

    divisions = sorted({c[:2] for c in codes})
    deflator_rows = []
    for division in divisions:
        if rng.random() < 0.2:
            continue  # no PPI at all: current prices
        for year in range(first_year, 2022):
            for month in range(1, 13):
                if (year, month) > (2021, last_month) or rng.random() < 0.1:
                    continue
                deflator_rows.append({"industry": division, "period": style.period(year, month),
                                      "ppi": style.number(one_decimal(rng.uniform(92, 112)))})
    if deflator_rows or rng.random() < 0.5:
        write_csv(directory, "deflators.csv", ["industry", "period", "ppi"], deflator_rows, style)

    ratio_rows = []
    for division in divisions:
        for year in range(first_year - 1, 2022):
            if rng.random() < 0.2:
                continue  # a year without a ratio
            ratio = 1.0 if rng.random() < 0.05 else round(rng.uniform(0.15, 0.45), 3)
            ratio_rows.append({"industry": division, "year": str(year), "ratio": repr(ratio)})
    write_csv(directory, "va_ratios.csv", ["industry", "year", "ratio"], ratio_rows, style)

    if parks or rng.random() < 0.3:
        write_csv(directory, "parks.csv", ["id", "name", "region", "category"], parks, style)
    if chains or rng.random() < 0.3:
        write_csv(directory, "chains.csv", ["id", "name"], chains, style)

    projects, progress = [], []
    for i in range(rng.randint(0, 10)):
        def date():
            roll = rng.random()
            if roll < 0.3:
                return ""
            if roll < 0.75:
                return rng.choice(DATE_EDGES)
            day = datetime.date(2020, 6, 1) + datetime.timedelta(days=rng.randint(0, 700))
            return day.isoformat()
        ident = f"XM{i:03d}"
        projects.append({
            "id": ident, "name": rng.choice(NAME_TRADES) + "项目" + rng.choice(NAME_ODDITIES),
            "region": rng.choice(LUOYANG_COUNTIES),
            "total_investment": style.number(float(rng.randint(1000, 500000))),
            "industry": rng.choice(INDUSTRY_CODES + ["", ""]),
            "chain": rng.choice(chains)["id"] if chains and rng.random() < 0.4 else "",
            "park": rng.choice(parks)["id"] if parks and rng.random() < 0.4 else "",
            "year_plan_investment": style.number(float(rng.randint(100, 50000)))
            if rng.random() < 0.7 else "",
            "planned_start": date(), "actual_start": date(), "planned_completion": date(),
            "actual_completion": date()})
        periods = rng.sample([(y, m) for y in (2020, 2021, 2022) for m in range(1, 13)],
                             rng.randint(0, 8))
        for year, month in periods:
            progress.append({"id": ident, "period": style.period(year, month),
                             "investment": style.number(one_decimal(rng.uniform(0, 30000)))})
    if projects:
        write_csv(directory, "projects.csv",
                  ["id", "name", "region", "total_investment", "industry", "chain", "park",
                   "year_plan_investment", "planned_start", "actual_start",
                   "planned_completion", "actual_completion"], projects, style)
        if progress:
            write_csv(directory, "project_progress.csv", ["id", "period", "investment"],
                      progress, style)
    random_service.add_service_files(rng, directory, [e.uscc for e in enterprises], write_csv,
                                     style, CHINESE)
    random_steering.add_steering_files(rng, directory, projects, parks, chains, enterprises,
                                       write_csv, style, CHINESE)
    random_products.add_product_files(rng, directory, enterprises, write_csv, style, CHINESE)
    random_daily.add_daily_file(directory, [e.uscc for e in enterprises], write_csv, style,
                                CHINESE)
    random_safety.add_safety_files(rng, directory, enterprises, write_csv, style, CHINESE)
    with open(os.path.join(directory, "periods.txt"), "w", encoding="utf-8") as stream:
        stream.write(f"{last_month}\n")


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", metavar="OUT_DIR")
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    for index in range(args.count):
        rng = random.Random(f"{args.seed}/{index}")
        generate_case(rng, os.path.join(args.out, f"case_{index:03d}"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
