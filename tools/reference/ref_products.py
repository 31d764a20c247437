#!/usr/bin/python3
"""Reference for the "Products" figures of the data contract's v2 additions.

Written from the contract's text alone (/work/shared/data-contract.md, "v2 additions",
"Figures"), independent of the C++ in src/products.  For a report window and product p:

- quantity = Σ quantity of p over the window's rows of enterprises in scope (the enterprise's
  monthly.csv in_scope for that month; no monthly row means in scope);
- growth = 100 × (Σ quantity / Σ prev − 1) over comparable pairs, where prev(e,m) =
  quantity_prev, else e's quantity of p in month m−12;
- daily_average = quantity / calendar days of the window;
- enterprises = distinct enterprises with a row of p in the window.

Readings where the text leaves room (docs/methodology.md, "Products", says the same):
- (e,m) is a comparable pair when e has a row of p in month m, is in scope in m, and prev exists
  (the m−12 row counts whatever e's scope was then).  A prev of 0 is a value: it enters Σ prev;
  growth is null when there is no pair or Σ prev = 0.
- January folded into February (as v1, on unless --no-jan-feb-fold): when the window holds January
  and February and e has a January row of p in exactly one of Y and Y−1, while both years have a
  January or February row of p, its January and February form one pair: current = Σ of its
  in-scope Jan/Feb rows of Y (no pair when none is in scope); previous = Σ of their quantity_prev
  when all have one, else Σ of its Jan/Feb rows of Y−1.
- `enterprises` counts rows whatever in_scope (the text names no scope there).
- Every product of products.csv is listed, in code order (a product without rows has quantity 0,
  growth null, 0 enterprises); rows of enterprises not in enterprises.csv or of products not in
  products.csv are left out; a repeated (uscc, period, product) keeps its last row, a repeated
  product code its last row.  No `products` key when products.csv is absent or empty.

Usage as a module: `add_to(result, data, directory, year, month, monthly, fold)` adds the key to
an oracle report (`data` is reference_report.Dataset of the folder); `compare(comparer, a, b)`
adds the differences of two reports' `products` to a compare_reports.Comparer.  Standard library
only.
"""

import calendar
import math
import ref_csv

COLUMNS = {
    "products.csv": {"code": ["产品代码"], "name": ["产品名称"], "unit": ["计量单位"],
                     "division": ["行业大类"]},
    "product_output.csv": {"uscc": ["统一社会信用代码"], "period": ["时期"],
                           "product": ["产品代码"], "quantity": ["产量"],
                           "quantity_prev": ["上年同期产量"]},
}


def _rows(directory, file_name):
    return ref_csv.read_rows(directory, file_name, COLUMNS[file_name])


def _period(text):
    return ref_csv.parse_period(text)


def _number(text):
    text = (text or "").strip()
    return None if text == "" else float(text.replace(",", ""))


def _in_scope(data, uscc, year, month):
    record = data.monthly.get((uscc, year, month))
    return True if record is None else record["in_scope"]


def _pairs(data, uscc, rows, year, months, fold):
    """rows: (year, month) -> (quantity, quantity_prev) of one enterprise and product."""
    pairs = []
    remaining = list(months)
    if fold and 1 in months and 2 in months:
        jan_now, jan_before = (year, 1) in rows, (year - 1, 1) in rows
        any_now = jan_now or (year, 2) in rows
        any_before = jan_before or (year - 1, 2) in rows
        if jan_now != jan_before and any_now and any_before:
            remaining = [m for m in months if m > 2]
            current = [rows[(year, m)] for m in (1, 2)
                       if (year, m) in rows and _in_scope(data, uscc, year, m)]
            if current:
                if all(prev is not None for _, prev in current):
                    previous = math.fsum(prev for _, prev in current)
                else:
                    previous = math.fsum(rows[(year - 1, m)][0] for m in (1, 2)
                                         if (year - 1, m) in rows)
                pairs.append((math.fsum(q for q, _ in current), previous))
    for month in remaining:
        row = rows.get((year, month))
        if row is None or not _in_scope(data, uscc, year, month):
            continue
        quantity, previous = row
        if previous is None and (year - 1, month) in rows:
            previous = rows[(year - 1, month)][0]
        if previous is not None:
            pairs.append((quantity, previous))
    return pairs


def products(data, directory, year, month, monthly, fold=True):
    """Returns the contract's `products` list, or None without products.csv rows."""
    catalogue = {}
    for row in _rows(directory, "products.csv"):
        catalogue[row["code"]] = row
    if not catalogue:
        return None
    months = ([1, 2] if month == 2 else [month]) if monthly else list(range(1, month + 1))
    days = sum(calendar.monthrange(year, m)[1] for m in months)
    by_product = {}  # code -> uscc -> (year, month) -> (quantity, prev)
    for row in _rows(directory, "product_output.csv"):
        if row["uscc"] not in data.enterprises or row["product"] not in catalogue:
            continue
        y, m = _period(row["period"])
        by_product.setdefault(row["product"], {}).setdefault(row["uscc"], {})[(y, m)] = (
            _number(row["quantity"]), _number(row.get("quantity_prev")))
    result = []
    for code in sorted(catalogue):
        quantities, current, previous = [], [], []
        enterprises = 0
        for uscc, rows in by_product.get(code, {}).items():
            in_window = [m for m in months if (year, m) in rows]
            if not in_window:
                continue
            enterprises += 1
            quantities.extend(rows[(year, m)][0] for m in in_window
                              if _in_scope(data, uscc, year, m))
            for cur, prev in _pairs(data, uscc, rows, year, months, fold):
                current.append(cur)
                previous.append(prev)
        quantity = math.fsum(quantities)
        base = math.fsum(previous)
        growth = 100.0 * (math.fsum(current) / base - 1) if previous and base != 0 else None
        product = catalogue[code]
        result.append({"code": code, "name": product.get("name", ""),
                       "unit": product.get("unit", ""), "quantity": quantity, "growth": growth,
                       "daily_average": quantity / days, "enterprises": enterprises})
    return result


def add_to(result, data, directory, year, month, monthly, fold=True):
    """Sets result["products"] when the folder has products."""
    listed = products(data, directory, year, month, monthly, fold)
    if listed is not None:
        result["products"] = listed
    return result


def compare(comparer, a, b):
    """Adds to `comparer` the differences of the `products` of reports a and b.  A key absent on
    one side is no difference when the other side's list is empty."""
    list_a, list_b = a.get("products"), b.get("products")
    if not list_a and not list_b:
        return
    if list_a is None or list_b is None:
        comparer.differences.append("products: present on one side only")
        return
    codes_a = [p.get("code") for p in list_a]
    codes_b = [p.get("code") for p in list_b]
    if codes_a != codes_b:
        comparer.differences.append(f"products: codes {codes_a} != {codes_b}")
    entries_b = {p.get("code"): p for p in list_b}
    for entry in list_a:
        other = entries_b.get(entry.get("code"))
        if other is None:
            continue
        for name in ("name", "unit", "enterprises"):
            if entry.get(name) != other.get(name):
                comparer.differences.append(
                    f"products[code={entry.get('code')}].{name}: {entry.get(name)!r} != "
                    f"{other.get(name)!r}")
        for name in ("quantity", "growth", "daily_average"):
            comparer.value(f"products[code={entry.get('code')}].{name}", entry.get(name),
                           other.get(name))
