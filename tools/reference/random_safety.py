"""Random flood-season safety files (safety_plans.csv, safety_checks.csv, safety_hazards.csv,
duty_roster.csv; docs/safety.md) for random_cases.py.

The awkward cases of the safety figures: plans of the whole area, a city and a county, plans that
end before, on and after a report's last day and start in it; checks on a plan's first and last
day, after its end (they count) and of enterprises outside its divisions; hazards with and
without a deadline (found + the level's days), rectified on the as-of day, re-inspected passed or
failed before and after it, found after it; the duty roster with gaps and several shifts a day;
each level and result spelled in English and Chinese, dates in the three accepted forms.  Only
valid rows, since an import refuses the others.  Its own random generator, seeded from the case's,
so that the contract's files of a case do not change.
"""

import datetime
import random

CHINESE = {
    "safety_plans.csv": {"id": "计划编号", "name": "计划名称", "kind": "检查对象",
                         "divisions": "行业大类", "region": "区划代码", "from": "开始日期",
                         "to": "结束日期"},
    "safety_checks.csv": {"id": "检查编号", "plan": "检查计划", "uscc": "统一社会信用代码",
                          "date": "检查日期", "inspector": "检查人", "findings": "检查情况"},
    "safety_hazards.csv": {"id": "隐患编号", "check": "检查编号", "level": "隐患等级",
                           "description": "隐患描述", "found": "发现日期", "deadline": "整改时限",
                           "rectified": "整改完成日期", "reinspected": "复查日期",
                           "reinspection_result": "复查结果", "proof": "整改佐证"},
    "duty_roster.csv": {"date": "值班日期", "shift": "班次", "person": "值班人员",
                        "phone": "联系电话", "handover": "交接班情况"},
}
# The first days of the periods the cross-check reports on, and their ends.
ANCHORS = [datetime.date(2021, 2, 1), datetime.date(2021, 3, 1), datetime.date(2021, 4, 1),
           datetime.date(2021, 6, 1), datetime.date(2020, 3, 1), datetime.date(2020, 12, 1)]


def _text(rng, day):
    form = rng.random()
    if form < 0.7:
        return day.isoformat()
    if form < 0.85:
        return f"{day.year}/{day.month}/{day.day}"
    return f"{day.year}年{day.month}月{day.day}日"


def _plus(day, days):
    return day + datetime.timedelta(days=days)


def add_safety_files(rng, directory, enterprises, write_csv, style, chinese):
    """Writes the four files for `enterprises` (objects with uscc, industry, region) in most
    cases, through write_csv in `style`; `rng` gives one draw only."""
    own = random.Random(rng.random())
    if own.random() < 0.2:
        return
    for file_name, names in CHINESE.items():
        chinese.setdefault(file_name, names)
    divisions = sorted({e.industry[:2] for e in enterprises})
    counties = sorted({e.region for e in enterprises})
    plans = []
    for index in range(own.randint(1, 3)):
        anchor = own.choice(ANCHORS)
        start = _plus(anchor, own.choice([-40, -1, 0, 0, 5, 14, 27]))
        end = _plus(start, own.choice([0, 10, 30, 45, 90, 150]))
        chosen = own.sample(divisions, own.randint(1, len(divisions)))
        if own.random() < 0.3:
            chosen.append(own.choice(["06", "08", "10", "46"]))
        region = own.choice(["", "", "410300", "410000"] + counties)
        plans.append({"id": f"JH{index + 1:02d}", "name": f"检查计划{index + 1}",
                      "kind": own.choice(["尾矿库", "危化品", "矿山"]),
                      "divisions": ";".join(dict.fromkeys(chosen)), "region": region,
                      "start": start, "end": end})
    checks, hazards = [], []
    for plan in plans:
        for e in enterprises:
            if own.random() < 0.35:
                continue
            roll = own.random()
            if roll < 0.15:
                day = plan["start"]
            elif roll < 0.3:
                day = plan["end"]
            elif roll < 0.4:
                day = _plus(plan["end"], own.randint(1, 20))  # late: still counts
            else:
                day = _plus(plan["start"], own.randint(0, (plan["end"] - plan["start"]).days))
            check = {"id": f"JC{len(checks) + 1:03d}", "plan": plan["id"], "uscc": e.uscc,
                     "date": day, "inspector": own.choice(["张三", "李四", "王五"]),
                     "findings": own.choice(["", "坝体稳定", "排洪设施完好，无渗漏"])}
            checks.append(check)
            for _ in range(own.choice([0, 0, 1, 1, 2])):
                hazards.append(_hazard(own, check, len(hazards) + 1))
    roster = []
    if own.random() < 0.9:
        first = min(p["start"] for p in plans)
        last = max(p["end"] for p in plans)
        day = first
        while day <= last:
            if own.random() < 0.85:
                for shift in own.sample(["白班", "夜班", "全天"], own.randint(1, 2)):
                    roster.append({"date": _text(own, day), "shift": shift,
                                   "person": own.choice(["赵六", "钱七"]),
                                   "phone": own.choice(["", "0379-6543210", "+86 138 0000 0000"]),
                                   "handover": own.choice(["", "正常"])})
            day = _plus(day, 1)
    write_csv(directory, "safety_plans.csv",
              ["id", "name", "kind", "divisions", "region", "from", "to"],
              [dict(p, **{"from": _text(own, p["start"]), "to": _text(own, p["end"])})
               for p in plans], style)
    if checks:
        write_csv(directory, "safety_checks.csv",
                  ["id", "plan", "uscc", "date", "inspector", "findings"],
                  [dict(c, date=_text(own, c["date"])) for c in checks], style)
    if hazards:
        write_csv(directory, "safety_hazards.csv",
                  ["id", "check", "level", "description", "found", "deadline", "rectified",
                   "reinspected", "reinspection_result", "proof"], hazards, style)
    if roster:
        write_csv(directory, "duty_roster.csv", ["date", "shift", "person", "phone", "handover"],
                  roster, style)


def _hazard(rng, check, number):
    found = _plus(check["date"], rng.choice([0, 0, 3, 12]))
    deadline = None if rng.random() < 0.3 else _plus(found, rng.choice([0, 7, 15, 30, 45]))
    rectified = None if rng.random() < 0.4 else _plus(found, rng.choice([0, 5, 20, 40]))
    reinspected, result = None, ""
    if rectified and rng.random() < 0.6:
        reinspected = _plus(rectified, rng.choice([0, 2, 9]))
        result = rng.choice(["passed", "通过", "合格", "failed", "未通过", "不合格", "Passed"])
    return {"id": f"YH{number:03d}", "check": check["id"],
            "level": rng.choice(["major", "重大", "ordinary", "一般", "Ordinary"]),
            "description": rng.choice(["", "排水沟淤堵", "坝体裂缝, 需加固"]),
            "found": _text(rng, found), "deadline": _text(rng, deadline) if deadline else "",
            "rectified": _text(rng, rectified) if rectified else "",
            "reinspected": _text(rng, reinspected) if reinspected else "",
            "reinspection_result": result,
            "proof": "" if rng.random() < 0.7 else f"{rng.getrandbits(64):016x}.pdf"}
