#!/usr/bin/python3
"""Independent reference implementation of zhizao's indicator definitions (data contract v1).

Usage:
    python3 tools/reference/reference_report.py DIR --period YYYY-MM [--monthly]
        [--no-jan-feb-fold]

DIR holds the contract's CSV files (enterprises.csv, monthly.csv, deflators.csv, va_ratios.csv,
parks.csv, chains.csv, projects.csv, project_progress.csv); any may be absent.  The report is
printed as the contract's JSON object.  Standard library only: it is an oracle for zhizao's tests
and was written from /work/shared/data-contract.md alone, without reading the C++ engine.

Exit codes (as the contract's command line): 0 done, 1 wrong usage (including a report for
January alone), 2 the data was refused (errors printed as FILE:LINE: COLUMN: reason).
"""

import argparse
import calendar
import csv
import datetime
import io
import json
import math
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ref_service  # noqa: E402  (the v2 "Enterprise service" figures)
import ref_steering  # noqa: E402  (the v2 lagging projects, campaigns and targets)
import ref_products  # noqa: E402  (the v2 "Products" figures)
import ref_warnings  # noqa: E402  (the v2 early warnings, default rules)
import ref_safety  # noqa: E402  (the flood-season safety figures, docs/safety.md)

# ---------------------------------------------------------------------------------------------
# Input files: canonical column names, Chinese aliases, required columns.
# ---------------------------------------------------------------------------------------------

FILES = {
    "enterprises.csv": {
        "columns": {
            "uscc": ["统一社会信用代码"], "name": ["企业名称"], "industry": ["行业代码"],
            "region": ["区划代码"], "park": ["园区"], "chains": ["产业链"], "key": ["重点企业"],
        },
        "required": ["uscc", "name", "industry", "region"],
    },
    "monthly.csv": {
        "columns": {
            "uscc": ["统一社会信用代码"], "period": ["时期"], "output": ["工业总产值"],
            "value_added": ["工业增加值"], "electricity": ["用电量"],
            "output_prev": ["上年同期工业总产值"], "value_added_prev": ["上年同期工业增加值"],
            "electricity_prev": ["上年同期用电量"], "in_scope": ["规上"],
        },
        "required": ["uscc", "period", "output"],
    },
    "deflators.csv": {
        "columns": {"industry": ["行业代码"], "period": ["时期"], "ppi": ["出厂价格指数"]},
        "required": ["industry", "period", "ppi"],
    },
    "va_ratios.csv": {
        "columns": {"industry": ["行业代码"], "year": ["年份"], "ratio": ["增加值率"]},
        "required": ["industry", "year", "ratio"],
    },
    "parks.csv": {
        "columns": {"id": ["编号"], "name": ["名称"], "region": ["区划代码"], "category": ["类别"]},
        "required": ["id", "name"],
    },
    "chains.csv": {
        "columns": {"id": ["编号"], "name": ["名称"]},
        "required": ["id", "name"],
    },
    "projects.csv": {
        "columns": {
            "id": ["编号"], "name": ["名称"], "region": ["区划代码"], "total_investment": ["总投资"],
            "industry": ["行业代码"], "chain": ["产业链"], "park": ["园区"],
            "year_plan_investment": ["年度计划投资"], "planned_start": ["计划开工"],
            "actual_start": ["实际开工"], "planned_completion": ["计划竣工"],
            "actual_completion": ["实际竣工"], "campaign": [],  # v2 (ref_steering.py)
        },
        "required": ["id", "name", "region", "total_investment"],
    },
    "project_progress.csv": {
        "columns": {"id": ["编号"], "period": ["时期"], "investment": ["完成投资"]},
        "required": ["id", "period", "investment"],
    },
}

MEASURES = ("va", "output", "electricity")


class DataError(Exception):
    """Collects FILE:LINE: COLUMN: reason messages; raised once per file with all of them."""

    def __init__(self, messages):
        super().__init__("\n".join(messages))
        self.messages = messages


def read_text(path):
    """UTF-8 (with or without BOM), else GB18030, as the contract allows."""
    raw = open(path, "rb").read()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("gb18030")


def load_csv(directory, file_name):
    """Returns a list of (line, row) with canonical keys, or None when the file is absent."""
    path = os.path.join(directory, file_name)
    if not os.path.exists(path):
        return None
    spec = FILES[file_name]
    alias = {}
    for canonical, others in spec["columns"].items():
        alias[canonical] = canonical
        for other in others:
            alias[other] = canonical
    reader = csv.reader(io.StringIO(read_text(path), newline=""))
    try:
        header = next(reader)
    except StopIteration:
        return []
    keys = []
    for name in header:
        name = name.strip()
        if name not in alias:
            print(f"{file_name}:1: {name}: unknown column (ignored)", file=sys.stderr)
        keys.append(alias.get(name))
    errors = [f"{file_name}:1: {c}: missing required column"
              for c in spec["required"] if c not in keys]
    if errors:
        raise DataError(errors)
    rows = []
    for fields in reader:
        line = reader.line_num  # last physical line of the record; good enough for messages
        if not any(f.strip() for f in fields):
            continue
        row = {key: "" for key in keys if key is not None}
        for key, value in zip(keys, fields):
            if key is not None:
                row[key] = value.strip()
        rows.append((line, row))
    return rows


def parse_number(text):
    """Plain decimal, `1,234.5` accepted; empty means missing (None)."""
    if text is None or text == "":
        return None
    value = float(text.replace(",", ""))
    if not math.isfinite(value):
        raise ValueError("not a finite number")
    return value


PERIOD_PATTERNS = (
    re.compile(r"^(\d{4})-(\d{1,2})$"),
    re.compile(r"^(\d{4})(\d{2})$"),
    re.compile(r"^(\d{4})年(\d{1,2})月$"),
)


def parse_period(text):
    """`YYYY-MM`, `YYYYMM` or `YYYY年M月` -> (year, month)."""
    for pattern in PERIOD_PATTERNS:
        match = pattern.match(text.strip())
        if match:
            year, month = int(match.group(1)), int(match.group(2))
            if 1 <= month <= 12:
                return year, month
    raise ValueError(f"not a period: {text!r}")


def parse_date(text):
    """`YYYY-MM-DD`; empty means missing (None)."""
    if text is None or text == "":
        return None
    return datetime.date.fromisoformat(text)


def parse_flag(text, default):
    if text is None or text == "":
        return default
    if text in ("0", "1"):
        return text == "1"
    raise ValueError(f"expected 0 or 1, got {text!r}")


def division_of(code):
    """Division = first two digits of the GB/T 4754-2017 code (class or division)."""
    return code[:2]


# ---------------------------------------------------------------------------------------------
# The data set.
# ---------------------------------------------------------------------------------------------

class Dataset:
    def __init__(self, directory):
        self.enterprises = {}  # uscc -> dict
        self.monthly = {}      # (uscc, year, month) -> dict
        self.ppi = {}          # (division, year, month) -> ppi
        self.ratio = {}        # (division, year) -> ratio
        self.parks = {}        # id -> name
        self.park_by_name = {}
        self.chains = {}       # id -> name
        self.projects = {}     # id -> dict
        self.progress = {}     # (id, year, month) -> investment
        errors = []
        for file_name, loader in (
                ("enterprises.csv", self._enterprise), ("monthly.csv", self._monthly),
                ("deflators.csv", self._deflator), ("va_ratios.csv", self._ratio),
                ("parks.csv", self._park), ("chains.csv", self._chain),
                ("projects.csv", self._project), ("project_progress.csv", self._progress)):
            try:
                rows = load_csv(directory, file_name)
            except DataError as error:
                errors.extend(error.messages)
                continue
            if rows is None:
                continue
            for line, row in rows:
                try:
                    loader(row)
                except (ValueError, KeyError) as error:
                    column = getattr(error, "column", "?")
                    errors.append(f"{file_name}:{line}: {column}: {error}")
        if errors:
            raise DataError(errors)
        for (uscc, _, _) in self.monthly:
            if uscc not in self.enterprises:
                print(f"monthly.csv: {uscc}: enterprise not in enterprises.csv (ignored)",
                      file=sys.stderr)

    @staticmethod
    def _field(row, column, parse, *args):
        try:
            return parse(row.get(column, ""), *args)
        except ValueError as error:
            error.column = column
            raise

    def _enterprise(self, row):
        industry = row.get("industry", "")
        if not re.fullmatch(r"\d{2}|\d{4}", industry):
            error = ValueError("industry code must be 2 or 4 digits")
            error.column = "industry"
            raise error
        chains = [c.strip() for c in re.split(r"[;；]", row.get("chains", "")) if c.strip()]
        self.enterprises[row["uscc"]] = {
            "name": row.get("name", ""),
            "division": division_of(industry),
            "region": row.get("region", ""),
            "park": row.get("park", ""),
            "chains": chains,
            "key": self._field(row, "key", parse_flag, False),
        }

    def _monthly(self, row):
        year, month = self._field(row, "period", parse_period)
        record = {c: self._field(row, c, parse_number)
                  for c in ("output", "value_added", "electricity", "output_prev",
                            "value_added_prev", "electricity_prev")}
        record["in_scope"] = self._field(row, "in_scope", parse_flag, True)
        self.monthly[(row["uscc"], year, month)] = record  # a re-import replaces the row

    def _deflator(self, row):
        year, month = self._field(row, "period", parse_period)
        ppi = self._field(row, "ppi", parse_number)
        if ppi is None or ppi <= 0:
            error = ValueError("ppi must be a positive number")
            error.column = "ppi"
            raise error
        self.ppi[(division_of(row["industry"]), year, month)] = ppi

    def _ratio(self, row):
        year = self._field(row, "year", lambda text: int(text))
        self.ratio[(division_of(row["industry"]), year)] = self._field(row, "ratio", parse_number)

    def _park(self, row):
        self.parks[row["id"]] = row.get("name", "")
        self.park_by_name[row.get("name", "")] = row["id"]

    def _chain(self, row):
        self.chains[row["id"]] = row.get("name", "")

    def _project(self, row):
        self.projects[row["id"]] = {
            c: self._field(row, c, parse_date)
            for c in ("planned_start", "actual_start", "planned_completion", "actual_completion")}

    def _progress(self, row):
        year, month = self._field(row, "period", parse_period)
        self.progress[(row["id"], year, month)] = self._field(row, "investment", parse_number)


# ---------------------------------------------------------------------------------------------
# Comparable pairs.
# ---------------------------------------------------------------------------------------------

class Engine:
    def __init__(self, data, year, months, fold):
        self.data = data
        self.year = year
        self.months = months
        self.fold = fold
        self.current_price_divisions = set()

    def ratio(self, division, year):
        return self.data.ratio.get((division, year))

    def current(self, record, measure, division, year):
        """The measure of one record; va by the ratio rule with the ratio of `year`."""
        if measure == "va":
            if record["value_added"] is not None:
                return record["value_added"]
            ratio = self.ratio(division, year)
            if record["output"] is None or ratio is None:
                return None
            return record["output"] * ratio
        return record[measure]

    def explicit_prev(self, record, measure, division):
        """The record's own previous-year field (va: value_added_prev, else output_prev × ratio
        of Y−1)."""
        if measure == "va":
            if record["value_added_prev"] is not None:
                return record["value_added_prev"]
            ratio = self.ratio(division, self.year - 1)
            if record["output_prev"] is None or ratio is None:
                return None
            return record["output_prev"] * ratio
        return record[measure + "_prev"]

    def deflate(self, value, division, month):
        """cva = va / (ppi / 100); ppi 100 where none is given (noted as current prices)."""
        ppi = self.data.ppi.get((division, self.year, month))
        if ppi is None:
            self.current_price_divisions.add(division)
            ppi = 100.0
        return value / (ppi / 100.0)

    def folds(self, uscc):
        """January/February fold: a January record in one of Y, Y−1 but not in the other, while
        both years have some Jan/Feb record."""
        if not self.fold or 1 not in self.months or 2 not in self.months:
            return False
        monthly = self.data.monthly
        has = lambda y, m: (uscc, y, m) in monthly
        jan_y, jan_p = has(self.year, 1), has(self.year - 1, 1)
        any_y = jan_y or has(self.year, 2)
        any_p = jan_p or has(self.year - 1, 2)
        return jan_y != jan_p and any_y and any_p

    def pairs(self, uscc):
        """measure -> list of comparable (current, previous); va current deflated."""
        enterprise = self.data.enterprises[uscc]
        division = enterprise["division"]
        monthly = self.data.monthly
        result = {m: [] for m in MEASURES}
        groups = [[m] for m in self.months]
        if self.folds(uscc):
            groups = [[1, 2]] + [[m] for m in self.months if m > 2]
        for group in groups:
            if len(group) == 1:
                month = group[0]
                record = monthly.get((uscc, self.year, month))
                if record is None or not record["in_scope"]:
                    continue
                last_year = monthly.get((uscc, self.year - 1, month))
                for measure in MEASURES:
                    cur = self.current(record, measure, division, self.year)
                    prev = self.explicit_prev(record, measure, division)
                    if prev is None and last_year is not None:
                        prev = self.current(last_year, measure, division, self.year - 1)
                    if cur is None or prev is None:
                        continue
                    if measure == "va":
                        cur = self.deflate(cur, division, month)
                    result[measure].append((cur, prev))
            else:
                this_year = [(m, monthly[(uscc, self.year, m)]) for m in (1, 2)
                             if (uscc, self.year, m) in monthly]
                in_scope = [(m, r) for m, r in this_year if r["in_scope"]]
                if not in_scope:
                    continue
                last_year = [monthly[(uscc, self.year - 1, m)] for m in (1, 2)
                             if (uscc, self.year - 1, m) in monthly]
                for measure in MEASURES:
                    values = []
                    for month, record in in_scope:
                        value = self.current(record, measure, division, self.year)
                        if value is None:
                            break
                        if measure == "va":
                            value = self.deflate(value, division, month)
                        values.append(value)
                    else:
                        explicit = [self.explicit_prev(r, measure, division) for _, r in in_scope]
                        if all(v is not None for v in explicit):
                            prev = math.fsum(explicit)
                        else:
                            previous = [self.current(r, measure, division, self.year - 1)
                                        for r in last_year]
                            if not previous or any(v is None for v in previous):
                                continue
                            prev = math.fsum(previous)
                        result[measure].append((math.fsum(values), prev))
        return result


class Totals:
    """Σ current and Σ previous over the comparable pairs of a set."""

    def __init__(self):
        self.cur = {m: [] for m in MEASURES}
        self.prev = {m: [] for m in MEASURES}

    def add(self, pairs):
        for measure in MEASURES:
            for cur, prev in pairs[measure]:
                self.cur[measure].append(cur)
                self.prev[measure].append(prev)

    def count(self, measure="va"):
        return len(self.cur[measure])

    def sums(self, measure="va"):
        return math.fsum(self.cur[measure]), math.fsum(self.prev[measure])

    def growth(self, measure="va"):
        if not self.cur[measure]:
            return None
        cur, prev = self.sums(measure)
        if prev == 0:
            return None
        return 100.0 * (cur / prev - 1.0)

    def increase(self):
        cur, prev = self.sums("va")
        return cur - prev


def share(part, whole):
    return None if whole == 0 else 100.0 * part / whole


def is_industrial(division):
    return division.isdigit() and 6 <= int(division) <= 46


def is_manufacturing(division):
    return division.isdigit() and 13 <= int(division) <= 43


# ---------------------------------------------------------------------------------------------
# The report.
# ---------------------------------------------------------------------------------------------

class SetTotals:
    """The comparable pairs of a report's window summed per set (the whole, manufacturing, each
    division, county, park and chain, the key enterprises together and each on its own)."""

    def __init__(self, data, year, month, monthly, fold):
        if monthly:
            self.months = [1, 2] if month == 2 else [month]
        else:
            self.months = list(range(1, month + 1))
        self.engine = Engine(data, year, self.months, fold)
        self.total, self.manufacturing, self.key = Totals(), Totals(), Totals()
        self.divisions, self.regions, self.parks, self.chains = {}, {}, {}, {}
        self.key_own = {}  # uscc -> Totals of a key enterprise in the window
        self.key_count = self.enterprises = 0
        for uscc, enterprise in sorted(data.enterprises.items()):
            self._add(data, year, uscc, enterprise)

    def _add(self, data, year, uscc, enterprise):
        division = enterprise["division"]
        if enterprise["key"]:
            self.key_count += 1
        if not is_industrial(division):
            print(f"enterprises.csv: {uscc}: division {division} is not industrial (ignored)",
                  file=sys.stderr)
            return
        in_window = any(
            (uscc, year, m) in data.monthly and data.monthly[(uscc, year, m)]["in_scope"]
            for m in self.months)
        if in_window:
            self.enterprises += 1
        pairs = self.engine.pairs(uscc)
        if not in_window:
            return
        self.total.add(pairs)
        if is_manufacturing(division):
            self.manufacturing.add(pairs)
        self.divisions.setdefault(division, Totals()).add(pairs)
        self.regions.setdefault(enterprise["region"], Totals()).add(pairs)
        park = enterprise["park"]
        if park:
            park = park if park in data.parks else data.park_by_name.get(park, park)
            self.parks.setdefault(park, Totals()).add(pairs)
        for chain in enterprise["chains"]:
            self.chains.setdefault(chain, Totals()).add(pairs)
        if enterprise["key"]:
            self.key.add(pairs)
            own = Totals()
            own.add(pairs)
            self.key_own[uscc] = own


def report(data, year, month, monthly, fold):
    sets = SetTotals(data, year, month, monthly, fold)
    months, engine = sets.months, sets.engine
    total, manufacturing, key = sets.total, sets.manufacturing, sets.key
    divisions, regions, parks, chains = sets.divisions, sets.regions, sets.parks, sets.chains
    key_count, enterprises = sets.key_count, sets.enterprises
    over_50 = doubled = 0
    for own in sets.key_own.values():
        g = own.growth("output")
        if g is not None and g > 50:
            over_50 += 1
        if g is not None and g >= 100:
            doubled += 1

    total_increase = total.increase()
    total_prev = total.sums("va")[1]

    def part(code, totals):
        entry = {"code": code, "value_added_growth": totals.growth()}
        if totals.count() and total.count():
            entry["contribution"] = share(totals.increase(), total_increase)
            entry["pull"] = share(totals.increase(), total_prev)
        else:
            entry["contribution"] = entry["pull"] = None
        return entry

    breadth_with_data = breadth_growing = breadth_double = 0
    for division, totals in divisions.items():
        if is_manufacturing(division) and totals.count():
            breadth_with_data += 1
            g = totals.growth()
            if g is not None and g > 0:
                breadth_growing += 1
            if g is not None and g >= 10:
                breadth_double += 1

    def growth_list(ids, known, totals_by_id):
        result = []
        for ident in sorted(set(ids) | set(totals_by_id)):
            entry = {"id": ident}
            if ident in known:
                entry["name"] = known[ident]
            totals = totals_by_id.get(ident)
            entry["value_added_growth"] = totals.growth() if totals else None
            result.append(entry)
        return result

    first = datetime.date(year, 1, 1)
    last = datetime.date(year, month, calendar.monthrange(year, month)[1])
    in_ytd = lambda d: d is not None and first <= d <= last
    in_year = lambda d: d is not None and d.year == year
    projects = data.projects.values()
    count = lambda column, test: sum(1 for p in projects if test(p[column]))
    actual_starts = count("actual_start", in_ytd)
    year_planned_starts = count("planned_start", in_year)
    actual_completions = count("actual_completion", in_ytd)
    year_planned_completions = count("planned_completion", in_year)

    return {
        "period": f"{year:04d}-{month:02d}",
        "window": {"from": f"{year:04d}-{months[0]:02d}", "to": f"{year:04d}-{months[-1]:02d}"},
        "industry": {
            "value_added_growth": total.growth(),
            "manufacturing_value_added_growth": manufacturing.growth(),
            "output_growth": total.growth("output"),
            "electricity_growth": total.growth("electricity"),
            "enterprises": enterprises,
            "manufacturing_breadth": {
                "with_data": breadth_with_data,
                "growing": breadth_growing,
                "double_digit": breadth_double,
                "share": share(breadth_growing, breadth_with_data),
            },
            "divisions": [part(code, divisions[code]) for code in sorted(divisions)],
            "regions": [part(code, regions[code]) for code in sorted(regions)],
            "parks": growth_list(data.parks, data.parks, parks),
            "chains": growth_list(data.chains, data.chains, chains),
            "current_price_divisions": sorted(engine.current_price_divisions),
        },
        "key_enterprises": {
            "count": key_count,
            "output_growth": key.growth("output"),
            "over_50": over_50,
            "doubled": doubled,
        },
        "projects": {
            "investment": math.fsum(
                v for (_, y, m), v in data.progress.items()
                if y == year and 1 <= m <= month and v is not None),
            "planned_starts": count("planned_start", in_ytd),
            "actual_starts": actual_starts,
            "year_planned_starts": year_planned_starts,
            "start_share": share(actual_starts, year_planned_starts),
            "planned_completions": count("planned_completion", in_ytd),
            "actual_completions": actual_completions,
            "year_planned_completions": year_planned_completions,
            "completion_share": share(actual_completions, year_planned_completions),
        },
    }


class UsageParser(argparse.ArgumentParser):
    def error(self, message):
        self.print_usage(sys.stderr)
        print(f"{self.prog}: error: {message}", file=sys.stderr)
        sys.exit(1)


def main(argv):
    parser = UsageParser(description=__doc__.split("\n")[0])
    parser.add_argument("directory", metavar="DIR")
    parser.add_argument("--period", required=True, help="YYYY-MM")
    parser.add_argument("--monthly", action="store_true", help="month M alone (Feb: Jan-Feb)")
    parser.add_argument("--no-jan-feb-fold", dest="fold", action="store_false",
                        help="pair months one to one only (the literal contract text)")
    args = parser.parse_args(argv)
    try:
        year, month = parse_period(args.period)
    except ValueError as error:
        parser.error(str(error))
    if month == 1:
        print("error: no report for January alone: January and February form one period "
              "(ask for YYYY-02)", file=sys.stderr)
        return 1
    if not os.path.isdir(args.directory):
        parser.error(f"not a directory: {args.directory}")
    try:
        data = Dataset(args.directory)
    except DataError as error:
        for message in error.messages:
            print(message, file=sys.stderr)
        return 2
    result = report(data, year, month, args.monthly, args.fold)
    ref_service.add_to(result, args.directory, year, month, args.monthly)
    ref_steering.add_to(result, data, args.directory, year, month)
    ref_products.add_to(result, data, args.directory, year, month, args.monthly, args.fold)
    ref_warnings.add_to(result, data, args.directory, year, month, args.monthly)
    ref_safety.add_to(result, args.directory, year, month, args.monthly)
    json.dump(result, sys.stdout, ensure_ascii=False, indent=2, allow_nan=False)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
