"""Random campaigns.csv, targets.csv and projects' `campaign` column for random_cases.py.

The awkward cases of the steering figures (data contract v2, "Campaigns", "Targets", "Projects,
lagging"): campaigns starting after the report's last day D, ending before it, starting or
ending on the last day of a month (D exactly), one day long, spanning a year end, with and
without projects and plans; targets of every indicator and kind of scope (a county, the city,
the province, the seeded region group `luoyang-metro`, a park, a chain, `all`, a county without
enterprises), target years before, at and after the report years, thresholds of the counts.
Only valid rows (known campaign ids, `to` not before `from`, scopes that exist, a threshold for
the counts), since an import refuses the others.
"""

import datetime

CHINESE = {
    "campaigns.csv": {"name": "攻坚行动"},
    "targets.csv": {"name": "目标名称", "year": "目标年份", "value": "目标值"},
}

PROJECT_COLUMNS = ["id", "name", "region", "total_investment", "industry", "chain", "park",
                   "year_plan_investment", "planned_start", "actual_start", "planned_completion",
                   "actual_completion", "campaign"]

INDICATORS = ["output", "manufacturing_output", "enterprises_over",
              "manufacturing_enterprises_over"]


def _month_end(year, month):
    following = datetime.date(year + month // 12, month % 12 + 1, 1)
    return following - datetime.timedelta(days=1)


def _campaign_dates(rng):
    roll = rng.random()
    if rng.random() < 0.6:  # where the projects' dates and the cross-check's periods are
        year, month = 2021, rng.randint(1, 4)
    else:
        year, month = rng.choice([2020, 2021]), rng.randint(1, 12)
    if roll < 0.3:
        start = _month_end(year, month)  # from on a D of the cross-check
    elif roll < 0.45:
        start = datetime.date(year, month, 1)
    else:
        start = datetime.date(year, month, rng.randint(1, 28))
    length = rng.choice([0, 1, 30, 99, 99, rng.randint(0, 400)])
    to = start + datetime.timedelta(days=length)
    if rng.random() < 0.2:
        to = _month_end(to.year, to.month)  # to on a D
    return start, to


def add_steering_files(rng, directory, projects, parks, chains, enterprises, write_csv, style,
                       chinese):
    """Writes campaigns.csv and targets.csv (most cases) and rewrites projects.csv with a
    `campaign` column; `projects` are random_cases' row dicts, `enterprises` its Enterprise
    objects (with .region)."""
    if rng.random() < 0.15:
        return
    for file_name, names in CHINESE.items():
        chinese.setdefault(file_name, names)

    campaigns = []
    for i in range(rng.randint(0, 4)):
        start, to = _campaign_dates(rng)
        campaigns.append({
            "id": f"GJ{i:02d}", "name": rng.choice(["百日攻坚", "项目建设攻坚", "冬季攻坚,一期"]),
            "from": start.isoformat(), "to": to.isoformat(),
            "planned_starts": str(rng.randint(0, 20)) if rng.random() < 0.6 else "",
            "planned_completions": str(rng.randint(0, 10)) if rng.random() < 0.5 else "",
            "planned_investment": style.number(float(rng.randint(0, 900000)))
            if rng.random() < 0.6 else ""})
    if campaigns or rng.random() < 0.5:
        write_csv(directory, "campaigns.csv",
                  ["id", "name", "from", "to", "planned_starts", "planned_completions",
                   "planned_investment"], campaigns, style)
    if projects:
        for project in projects:
            project["campaign"] = rng.choice(campaigns)["id"] \
                if campaigns and rng.random() < 0.7 else ""
        write_csv(directory, "projects.csv", PROJECT_COLUMNS, projects, style)

    scopes = ["all", "410300", "410000", "luoyang-metro", "410329"]
    scopes += sorted({e.region for e in enterprises})
    scopes += [p["id"] for p in parks] + [c["id"] for c in chains]
    targets = []
    for i in range(rng.randint(0, 6)):
        indicator = rng.choice(INDICATORS)
        counts = indicator.endswith("_over")
        targets.append({
            "id": f"MB{i:02d}", "name": rng.choice(["制造业产值突破万亿", "百亿企业", "县域产值"]),
            "indicator": indicator, "scope": rng.choice(scopes),
            "year": str(rng.choice([2019, 2020, 2021, 2021, 2022, 2025, 2026])),
            "value": str(rng.randint(1, 30)) if counts
            else style.number(float(rng.randint(1000, 5000000))),
            "threshold": style.number(float(rng.choice([0, 1000, 20000, 60000, 150000])))
            if counts else ""})
    if targets or rng.random() < 0.5:
        write_csv(directory, "targets.csv",
                  ["id", "name", "indicator", "scope", "year", "value", "threshold"], targets,
                  style)
