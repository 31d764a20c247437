"""Random enterprise-service registers (assignments.csv, visits.csv, cases.csv) for random_cases.py.

The awkward cases of the "Enterprise service" figures: visits on the first and last day of a
month and in other years, enterprises assigned twice, several cadres for one enterprise, cases
resolved on their deadline, resolved after the month's last day, still open, raised late in the
month, rated or not, in both years the cross-check reports on.  Only valid rows (resolved and
deadline not before raised, ratings 1–5, known enterprises), since an import refuses the others.
"""

import datetime

CHINESE = {
    "assignments.csv": {"uscc": "统一社会信用代码", "cadre": "包联干部", "department": "责任部门"},
    "visits.csv": {"uscc": "统一社会信用代码", "date": "走访日期", "cadre": "包联干部",
                   "findings": "走访情况"},
    "cases.csv": {"id": "诉求编号", "uscc": "统一社会信用代码", "raised": "提出日期",
                  "category": "类别", "department": "责任部门", "deadline": "办结时限",
                  "resolved": "办结日期", "rating": "满意度"},
}

CADRES = ["王建国", "李红", "张伟", "刘洋", "陈静"]
DEPARTMENTS = ["工信局", "发改委", "商务局", "自然资源局"]
CATEGORIES = ["用地", "融资", "用工", "审批", "用电", "物流"]


def _random_day(rng):
    """A day of 2020–2021, often the first or last of a month."""
    year = rng.choice([2020, 2021, 2021])
    month = rng.randint(1, 12)
    roll = rng.random()
    if roll < 0.25:
        return datetime.date(year, month, 1)
    if roll < 0.5:
        following = datetime.date(year + month // 12, month % 12 + 1, 1)
        return following - datetime.timedelta(days=1)
    return datetime.date(year, month, rng.randint(1, 28))


def add_service_files(rng, directory, usccs, write_csv, style, chinese):
    """Writes the three files for some of `usccs` (most cases), in `style` via write_csv."""
    if not usccs or rng.random() < 0.2:
        return
    for file_name, names in CHINESE.items():
        chinese.setdefault(file_name, names)
    assigned = rng.sample(usccs, rng.randint(1, len(usccs)))
    assignments = set()
    for uscc in assigned:
        for _ in range(rng.choice([1, 1, 2])):
            assignments.add((uscc, rng.choice(CADRES), rng.choice(DEPARTMENTS)))
    write_csv(directory, "assignments.csv", ["uscc", "cadre", "department"],
              [{"uscc": u, "cadre": c, "department": d} for u, c, d in sorted(assignments)],
              style)

    visits = {}
    for _ in range(rng.randint(0, 4 * len(usccs))):
        key = (rng.choice(usccs), _random_day(rng).isoformat(), rng.choice(CADRES))
        visits[key] = rng.choice(["", "正常", "用工紧张，需协调", "资金\"紧\",待跟进"])
    if visits or rng.random() < 0.5:
        write_csv(directory, "visits.csv", ["uscc", "date", "cadre", "findings"],
                  [{"uscc": u, "date": d, "cadre": c, "findings": f}
                   for (u, d, c), f in sorted(visits.items())], style)

    cases = []
    for i in range(rng.randint(0, 30)):
        raised = _random_day(rng)
        deadline = raised + datetime.timedelta(days=rng.choice([0, 5, 10, 15, 30, 45]))
        roll = rng.random()
        if roll < 0.25:
            resolved = None
        elif roll < 0.4:
            resolved = deadline  # on the deadline day: on time
        else:
            resolved = raised + datetime.timedelta(days=rng.randint(0, 60))
        rated = resolved is not None and rng.random() < 0.6
        cases.append({"id": f"SQ{i:03d}", "uscc": rng.choice(usccs),
                      "raised": raised.isoformat(), "category": rng.choice(CATEGORIES),
                      "department": rng.choice(DEPARTMENTS), "deadline": deadline.isoformat(),
                      "resolved": resolved.isoformat() if resolved else "",
                      "rating": str(rng.randint(1, 5)) if rated else ""})
    if cases or rng.random() < 0.5:
        write_csv(directory, "cases.csv", ["id", "uscc", "raised", "category", "department",
                                           "deadline", "resolved", "rating"], cases, style)
