#!/usr/bin/python3
"""Random products.csv and product_output.csv for random_cases.py (data contract v2).

`add_product_files(rng, directory, enterprises, write_csv, style, chinese)` writes, for about
three cases in four, a few products and their rows, with the awkward cases of the "Products"
figures: a product reported by one enterprise only, a product without any row, new entrants
(no rows a year earlier) with quantity_prev, rows in months the enterprise is out of scope and
rows in months it has no monthly record (in scope by default), previous quantities from the rows
of m−12 or reported ones that differ from them, zero quantities and zero previous quantities,
and January folded into February in one year but not the other.  Only valid rows (registered
enterprises, known products, quantities ≥ 0).  Standard library only.
"""

CHINESE = {
    "products.csv": {"code": "产品代码", "name": "产品名称", "unit": "计量单位",
                     "division": "行业大类"},
    "product_output.csv": {"uscc": "统一社会信用代码", "period": "时期", "product": "产品代码",
                           "quantity": "产量", "quantity_prev": "上年同期产量"},
}

CATALOGUE = [("3571010100", "大中型拖拉机", "台", "35"), ("3451010100", "滚动轴承", "套", "34"),
             ("0931010100", "钼精矿", "吨", "09"), ("3852010100", "房间空气调节器", "台", "38"),
             ("3041010100", "平板玻璃", "重量箱", "30"), ("4411010100", "发电量", "万千瓦时", "")]


def _months(rng):
    """The months a product is reported in: 2019-01 .. 2021-12, with gaps."""
    return [(y, m) for y in (2019, 2020, 2021) for m in range(1, 13) if rng.random() < 0.9]


def _rows_of(rng, enterprise, code, style):
    rows = {}
    level = rng.choice([0.5, 3.0, 40.0, 1200.0, 25000.0])
    months = set(_months(rng))
    # Mostly the months of the enterprise's monthly records (in or out of scope), some without.
    months |= set(enterprise.rows)
    months = {k for k in months if rng.random() < 0.95}
    for year, month in sorted(months):
        quantity = round(level * rng.uniform(0.6, 1.5), rng.choice([0, 0, 1]))
        if rng.random() < 0.04:
            quantity = 0.0
        rows[(year, month)] = {"quantity": quantity, "quantity_prev": None}
    # January folded into February in one year (the monthly records may fold too).
    for year in (2020, 2021):
        if (year, 1) in rows and (year, 2) in rows and rng.random() < 0.15:
            rows[(year, 2)]["quantity"] += rows.pop((year, 1))["quantity"]
    entrant = not any(y == 2020 for y, _ in rows)
    for (year, month), row in rows.items():
        roll = rng.random()
        if entrant and year == 2021 and roll < 0.8:
            row["quantity_prev"] = round(row["quantity"] * rng.uniform(0.5, 1.3), 1)
        elif roll < 0.1:
            row["quantity_prev"] = round(row["quantity"] * rng.uniform(0.7, 1.2), 1)
        elif roll < 0.12:
            row["quantity_prev"] = 0.0
    return [{"uscc": enterprise.uscc, "period": style.period(y, m), "product": code,
             "quantity": style.number(r["quantity"]),
             "quantity_prev": style.number(r["quantity_prev"])}
            for (y, m), r in sorted(rows.items())]


def add_product_files(rng, directory, enterprises, write_csv, style, chinese):
    for file_name, names in CHINESE.items():
        chinese.setdefault(file_name, names)
    if not enterprises or rng.random() < 0.25:
        return
    products = rng.sample(CATALOGUE, rng.randint(1, 4))
    product_rows, output_rows = [], []
    for index, (code, name, unit, division) in enumerate(products):
        product_rows.append({"code": code, "name": name, "unit": unit, "division": division})
        if index == 0 and len(products) > 2:
            continue  # a product without any row
        if index == 1:
            reporters = [rng.choice(enterprises)]  # reported by one enterprise only
        else:
            reporters = rng.sample(enterprises, rng.randint(1, len(enterprises)))
        for enterprise in reporters:
            output_rows.extend(_rows_of(rng, enterprise, code, style))
    rng.shuffle(output_rows)
    write_csv(directory, "products.csv", ["code", "name", "unit", "division"], product_rows, style)
    if output_rows:
        write_csv(directory, "product_output.csv",
                  ["uscc", "period", "product", "quantity", "quantity_prev"], output_rows, style)
