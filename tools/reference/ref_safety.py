"""The oracle's flood-season safety figures and warnings: docs/safety.md ("Files", "Figures",
"Warnings", "Report and JSON"), written from its text, not from the C++ (src/safety).

Reads safety_plans.csv, safety_checks.csv, safety_hazards.csv and duty_roster.csv (English or
Chinese headers, UTF-8 or GB18030) beside the contract's enterprises.csv, and gives the report
JSON's `safety` key for an unscoped report of P = Y-M (cumulative or monthly), and the safety
warnings of the rules file (rules/default_warnings.toml unless another is given; kinds
safety_hazard_overdue, safety_plan_unfinished, safety_plan_behind as docs/rules.md describes
them).  add_to() sets both on an oracle report; compare() checks a zhizao report against it.
Standard library only.
"""

import calendar
import datetime
import os
import tomllib

import ref_csv

COLUMNS = {
    "enterprises.csv": {"uscc": ["统一社会信用代码"], "name": ["企业名称"], "industry": ["行业代码"],
                        "region": ["区划代码"]},
    "safety_plans.csv": {"id": ["计划编号"], "name": ["计划名称"], "kind": ["检查对象"],
                         "divisions": ["行业大类"], "region": ["区划代码"], "from": ["开始日期"],
                         "to": ["结束日期"]},
    "safety_checks.csv": {"id": ["检查编号"], "plan": ["检查计划"], "uscc": ["统一社会信用代码"],
                          "date": ["检查日期"], "inspector": ["检查人"], "findings": ["检查情况"]},
    "safety_hazards.csv": {"id": ["隐患编号"], "check": ["检查编号"], "level": ["隐患等级"],
                           "description": ["隐患描述"], "found": ["发现日期"],
                           "deadline": ["整改时限"], "rectified": ["整改完成日期"],
                           "reinspected": ["复查日期"], "reinspection_result": ["复查结果"],
                           "proof": ["整改佐证"]},
    "duty_roster.csv": {"date": ["值班日期"], "shift": ["班次"], "person": ["值班人员"],
                        "phone": ["联系电话"], "handover": ["交接班情况"]},
}
# "Deadlines by level are data: ... seeded with `major` 30 days and `ordinary` 15 days".
DEADLINE_DAYS = {"major": 30, "ordinary": 15}
LEVEL_WORDS = {"major": "major", "重大": "major", "ordinary": "ordinary", "一般": "ordinary"}
RESULT_WORDS = {"passed": "passed", "通过": "passed", "合格": "passed",
                "failed": "failed", "未通过": "failed", "不合格": "failed"}
LEVELS = ("red", "orange", "yellow", "blue")
DEFAULT_RULES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "rules",
                             "default_warnings.toml")
# The parameters a safety rule may leave out (docs/rules.md, "Safety warnings").
RULE_DEFAULTS = {
    "safety_hazard_overdue": {"days": 0, "major": True, "ordinary": True},
    "safety_plan_unfinished": {"coverage_below": 100},
    "safety_plan_behind": {"points": 0},
}
COUNT_KEYS = ("found", "rectified", "open", "overdue", "awaiting_reinspection")


def _rows(directory, file_name):
    """Rows with canonical keys ([] when the file is absent), read as every oracle reads a
    contract file (ref_csv.read_rows)."""
    return ref_csv.read_rows(directory, file_name, COLUMNS[file_name])


def _date(text):
    """YYYY-MM-DD, YYYY/M/D, YYYY年M月D日; None when empty."""
    text = (text or "").strip()
    if not text:
        return None
    for old in ("年", "月", "/"):
        text = text.replace(old, "-")
    year, month, day = (int(part) for part in text.replace("日", "").split("-"))
    return datetime.date(year, month, day)


def _word(text):
    """A level or result as written: ASCII case ignored."""
    text = text.strip()
    return text.lower() if text.isascii() else text


def _in_region(county, region):
    """Whether the county code lies in the GB/T 2260 code `region` of any level."""
    if not region:
        return True
    if region.endswith("0000"):
        return county[:2] == region[:2]
    if region.endswith("00"):
        return county[:4] == region[:4]
    return county == region


class Register:
    """The four files and the enterprises of one folder."""

    def __init__(self, directory):
        self.enterprises = {}
        for row in _rows(directory, "enterprises.csv"):
            self.enterprises.setdefault(row["uscc"], row)  # the first row of a code
        self.plans = []
        for row in _rows(directory, "safety_plans.csv"):
            self.plans.append({
                "id": row["id"], "name": row["name"], "kind": row["kind"],
                "divisions": [d.strip() for d in row["divisions"].split(";") if d.strip()],
                "region": row.get("region", ""), "from": _date(row["from"]),
                "to": _date(row["to"])})
        self.checks = [dict(row, date=_date(row["date"]))
                       for row in _rows(directory, "safety_checks.csv")]
        check_of = {c["id"]: c for c in self.checks}
        self.hazards = []
        for row in _rows(directory, "safety_hazards.csv"):
            level = LEVEL_WORDS[_word(row["level"])]
            found = _date(row["found"])
            deadline = _date(row.get("deadline"))
            if deadline is None:
                deadline = found + datetime.timedelta(days=DEADLINE_DAYS[level])
            result = row.get("reinspection_result", "").strip()
            self.hazards.append({
                "id": row["id"], "check": check_of[row["check"]], "level": level,
                "found": found, "deadline": deadline, "rectified": _date(row.get("rectified")),
                "reinspected": _date(row.get("reinspected")),
                "result": RESULT_WORDS[_word(result)] if result else None})
        self.roster_days = {_date(row["date"]) for row in _rows(directory, "duty_roster.csv")}

    def empty(self):
        return not self.plans


def _counts(hazards, day):
    counts = dict.fromkeys(COUNT_KEYS, 0)
    for h in hazards:
        counts["found"] += 1
        failed = (h["reinspected"] is not None and h["reinspected"] <= day
                  and h["result"] == "failed")
        rectified = h["rectified"] is not None and h["rectified"] <= day and not failed
        if rectified:
            counts["rectified"] += 1
            if h["reinspected"] is None or h["reinspected"] > day:
                counts["awaiting_reinspection"] += 1
        elif h["deadline"] < day:
            counts["overdue"] += 1
    counts["open"] = counts["found"] - counts["rectified"]
    return counts


def _is_open(h, day):
    failed = h["reinspected"] is not None and h["reinspected"] <= day and h["result"] == "failed"
    return not (h["rectified"] is not None and h["rectified"] <= day and not failed)


def _plan_figures(register, plan, day):
    end = min(plan["to"], day)
    enterprises = sorted(
        uscc for uscc, e in register.enterprises.items()
        if e["industry"][:2] in plan["divisions"] and _in_region(e["region"], plan["region"]))
    checked = {c["uscc"] for c in register.checks
               if c["plan"] == plan["id"] and plan["from"] <= c["date"] <= day}
    checked_in = [u for u in enterprises if u in checked]
    season = (plan["to"] - plan["from"]).days + 1
    elapsed = max(0, (end - plan["from"]).days + 1)
    hazards = [h for h in register.hazards
               if h["check"]["plan"] == plan["id"] and h["found"] <= day]
    counties = {}
    for h in hazards:
        counties.setdefault(register.enterprises[h["check"]["uscc"]]["region"], []).append(h)
    overdue = [h for h in hazards if _is_open(h, day) and h["deadline"] < day]
    overdue.sort(key=lambda h: (h["level"] != "major", -(day - h["deadline"]).days, h["id"]))
    gaps = []
    current = plan["from"]
    while current <= end:
        if current not in register.roster_days:
            gaps.append(current.isoformat())
        current += datetime.timedelta(days=1)
    return {
        "id": plan["id"], "name": plan["name"], "kind": plan["kind"],
        "divisions": plan["divisions"], "region": plan["region"] or None,
        "from": plan["from"].isoformat(), "to": plan["to"].isoformat(),
        "enterprises": len(enterprises), "checked": len(checked_in),
        "unchecked": [u for u in enterprises if u not in checked],
        "coverage": 100 * len(checked_in) / len(enterprises) if enterprises else None,
        "time_progress": 100 * elapsed / season,
        "hazards": _counts(hazards, day),
        "major": _counts([h for h in hazards if h["level"] == "major"], day),
        "ordinary": _counts([h for h in hazards if h["level"] == "ordinary"], day),
        "counties": [dict(region=code, **_counts(counties[code], day))
                     for code in sorted(counties)],
        "overdue_hazards": [
            {"id": h["id"], "level": h["level"],
             "enterprise": {"uscc": h["check"]["uscc"],
                            "name": register.enterprises[h["check"]["uscc"]]["name"],
                            "region": register.enterprises[h["check"]["uscc"]]["region"]},
             "deadline": h["deadline"].isoformat(), "days_overdue": (day - h["deadline"]).days}
            for h in overdue],
        "roster_gaps": gaps,
    }


def safety_report(directory, year, month, monthly, window_from=None):
    """The `safety` key of an unscoped report of (year, month); None when no plan is shown.
    The plans shown meet the report's window: from its first month `window_from` ("YYYY-MM",
    the report's own `window.from`: February's monthly report is 1–2月 under the contract's
    January–February fold) or else January of the year, or the month itself when monthly."""
    register = Register(directory)
    if register.empty():
        return None
    day = datetime.date(year, month, calendar.monthrange(year, month)[1])
    if window_from:
        first = datetime.date(int(window_from[:4]), int(window_from[5:7]), 1)
    else:
        first = datetime.date(year, month, 1) if monthly else datetime.date(year, 1, 1)
    shown = sorted((p for p in register.plans if p["from"] <= day and p["to"] >= first),
                   key=lambda p: p["id"])
    if not shown:
        return None
    return {"as_of": day.isoformat(), "plans": [_plan_figures(register, p, day) for p in shown]}


def load_rules(path=None):
    with open(path or DEFAULT_RULES, "rb") as handle:
        rules = [r for r in tomllib.load(handle)["warning"] if r["kind"] in RULE_DEFAULTS]
    for rule in rules:
        for name, value in RULE_DEFAULTS[rule["kind"]].items():
            rule.setdefault(name, value)
    return rules


def _most_severe(rules, kind, holds):
    best = None
    for rule in rules:  # file order: the earlier rule wins a tie of levels
        if rule["kind"] == kind and holds(rule):
            if best is None or LEVELS.index(rule["level"]) < LEVELS.index(best["level"]):
                best = rule
    return best


def safety_warnings(safety, rules=None):
    """docs/safety.md "Warnings" through the rules: per plan, per overdue hazard the most severe
    hazard rule that holds, then the plan's unfinished (ended) or behind (running) rule; sorted
    by level, rule id, subject kind, subject id, stably."""
    rules = rules if rules is not None else load_rules()
    day = datetime.date.fromisoformat(safety["as_of"])
    raised = []
    for plan in safety["plans"]:
        for h in plan["overdue_hazards"]:
            rule = _most_severe(rules, "safety_hazard_overdue",
                                lambda r: bool(r[h["level"]]) and h["days_overdue"] > r["days"])
            if rule:
                raised.append((rule, "enterprise", h["enterprise"]["uscc"],
                               {"days_overdue": h["days_overdue"]}))
        if plan["coverage"] is None:
            continue
        figures = {"enterprises": plan["enterprises"], "checked": plan["checked"],
                   "coverage": plan["coverage"], "time_progress": plan["time_progress"]}
        if datetime.date.fromisoformat(plan["to"]) < day:
            rule = _most_severe(rules, "safety_plan_unfinished",
                                lambda r: plan["coverage"] < r["coverage_below"])
        else:
            rule = _most_severe(rules, "safety_plan_behind",
                                lambda r: plan["time_progress"] - plan["coverage"] > r["points"])
        if rule:
            raised.append((rule, "safety_plan", plan["id"], figures))
    return [{"level": r["level"], "rule": r["id"], "subject": {"kind": kind, "id": ident},
             "figures": figures, "since": None} for r, kind, ident, figures in raised]


def _order(warning):
    return (LEVELS.index(warning["level"]), warning["rule"], warning["subject"]["kind"],
            warning["subject"]["id"])


def add_to(result, directory, year, month, monthly):
    """Sets result["safety"] and joins the safety warnings to result["warnings"] (when the
    oracle report has that key), as a report of zhizao does."""
    safety = safety_report(directory, year, month, monthly,
                           (result.get("window") or {}).get("from"))
    if safety is None:
        return result
    result["safety"] = safety
    if "warnings" in result:
        result["warnings"] = sorted(result["warnings"] + safety_warnings(safety), key=_order)
    return result


PLAN_KEYS = ("kind", "divisions", "region", "from", "to", "enterprises", "checked", "unchecked",
             "coverage", "time_progress", "roster_gaps")


def compare(comparer, a, b):
    """Adds to `comparer` the differences of a["safety"] and b["safety"] (names ignored)."""
    safety_a, safety_b = a.get("safety"), b.get("safety")
    if safety_a is None and safety_b is None:
        return
    if safety_a is None or safety_b is None:
        comparer.differences.append(f"safety: present on one side only (A: {safety_a is not None},"
                                    f" B: {safety_b is not None})")
        return
    comparer.value("safety.as_of", safety_a.get("as_of"), safety_b.get("as_of"))
    plans_a = {p["id"]: p for p in safety_a.get("plans", [])}
    plans_b = {p["id"]: p for p in safety_b.get("plans", [])}
    if list(plans_a) != list(plans_b):
        comparer.differences.append(f"safety.plans: {list(plans_a)} != {list(plans_b)}")
        return
    for ident, pa in plans_a.items():
        pb = plans_b[ident]
        where = f"safety.plans[{ident}]"
        for key in PLAN_KEYS:
            va, vb = pa.get(key), pb.get(key)
            if isinstance(va, list) or isinstance(vb, list):
                if va != vb:
                    comparer.differences.append(f"{where}.{key}: {va} != {vb}")
            else:
                comparer.value(f"{where}.{key}", va, vb)
        for group in ("hazards", "major", "ordinary"):
            for key in COUNT_KEYS:
                comparer.value(f"{where}.{group}.{key}", (pa.get(group) or {}).get(key),
                               (pb.get(group) or {}).get(key))
        counties = lambda p: [(c["region"], *(c[k] for k in COUNT_KEYS))  # noqa: E731
                              for c in p.get("counties", [])]
        if counties(pa) != counties(pb):
            comparer.differences.append(f"{where}.counties: {counties(pa)} != {counties(pb)}")
        overdue = lambda p: [(h["id"], h["level"], h["enterprise"]["uscc"],  # noqa: E731
                              h["enterprise"]["region"], h["deadline"], h["days_overdue"])
                             for h in p.get("overdue_hazards", [])]
        if overdue(pa) != overdue(pb):
            comparer.differences.append(f"{where}.overdue_hazards: {overdue(pa)} != "
                                        f"{overdue(pb)}")
