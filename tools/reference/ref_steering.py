#!/usr/bin/python3
"""Reference for the steering figures of the data contract's v2 additions: lagging projects,
campaigns and targets.

Written from the contract's text alone (/work/shared/data-contract.md, "v2 additions",
"Figures"), independent of the C++ in src/steering:

- Projects, lagging: with D = the last day of month M of Y, a project lags when its planned start
  is on or before D and it has no actual start on or before D, or its planned completion is on or
  before D and it has no actual completion on or before D.  `projects.lagging` = sorted ids.
- Campaigns: window from `from` to E = min(to, D); over the projects whose `campaign` is its id:
  investment = Σ investment of progress rows whose month lies from the month of `from` to the
  month of E; actual_starts, actual_completions = dates in the window; time_progress =
  100 × (days from `from` to E, both counted, at least 0) / (days from `from` to `to`, both
  counted).  A campaign that starts after D has zeros.
- Targets at P = Y-M: current over the 12 months ending at M of Y (records of every month count
  whatever in_scope); an enterprise is in a region's scope when its county lies in that region;
  output = Σ output (万元); manufacturing_output over divisions 13–43; enterprises_over =
  #{enterprises of the scope whose output over those 12 months ≥ threshold};
  manufacturing_enterprises_over the same among 13–43.  progress = 100 × current / value;
  pace_needed = 100 × ((value / current)^(1 / (year − Y)) − 1) for year > Y, else null (null for
  the counts); pace_achieved = the scope's output growth over the 12 months ending at M by the v1
  rules (comparable pairs, January folded as in v1; manufacturing only for the manufacturing
  indicators).  The v1 pairing is reference_report.Engine's (the oracle's own v1 code), run for
  months M+1..12 of Y−1 and 1..M of Y.

Readings where the text leaves room (the C++ reads them the same way; docs/methodology.md):
- A target's scope is `all`; else a 6-digit region code (a county itself, a city xxxx00 its
  counties, a province xx0000 its counties); else a region group (the seeded `luoyang-metro`, or
  region_groups.csv); else a park id of parks.csv; else a chain id of chains.csv; else nothing.
- A rate whose denominator is 0 is null (progress with value 0, pace_needed with current 0);
  a campaign whose `to` precedes its `from` has time_progress 0.  A missing threshold is 0.
- A project id given twice keeps its last row; a progress row (id, period) likewise.

Usage as a module: `add_to(result, data, directory, year, month)` adds the keys to an oracle
report (`data` is reference_report.Dataset of the folder); `compare(comparer, a, b)` adds the
differences of two reports' steering keys to a compare_reports.Comparer.  Standard library only.
"""

import calendar
import datetime
import math
import re
import ref_csv

COLUMNS = {
    "projects.csv": {"id": ["编号"], "region": ["区划代码"], "campaign": ["攻坚行动"],
                     "planned_start": ["计划开工"], "actual_start": ["实际开工"],
                     "planned_completion": ["计划竣工"], "actual_completion": ["实际竣工"]},
    "project_progress.csv": {"id": ["编号"], "period": ["时期"], "investment": ["完成投资"]},
    "campaigns.csv": {"id": [], "name": ["攻坚行动"], "from": [], "to": [],
                      "planned_starts": [], "planned_completions": [], "planned_investment": []},
    "targets.csv": {"id": [], "name": ["目标名称"], "indicator": [], "scope": [],
                    "year": ["目标年份"], "value": ["目标值"], "threshold": []},
    "region_groups.csv": {"id": [], "name": [], "members": []},
}

# 洛阳都市圈, seeded in every zhizao database (src/store/migrations.cc) and usable as a scope.
SEEDED_GROUPS = {"luoyang-metro": ["410300", "419001", "410800", "410400", "411200", "410181"]}

COUNTS = ("enterprises_over", "manufacturing_enterprises_over")
MANUFACTURING = ("manufacturing_output", "manufacturing_enterprises_over")


def _rows(directory, file_name):
    return ref_csv.read_rows(directory, file_name, COLUMNS[file_name])


def _date(text):
    text = (text or "").strip()
    if not text:
        return None
    for old in ("年", "月", "/"):
        text = text.replace(old, "-")
    year, month, day = (int(part) for part in text.replace("日", "").split("-"))
    return datetime.date(year, month, day)


def _period(text):
    return ref_csv.parse_period(text)


def _number(text):
    text = (text or "").strip()
    return None if text == "" else float(text.replace(",", ""))


def _last_day(year, month):
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


# ---------------------------------------------------------------------------------------------
# Lagging projects and campaigns.
# ---------------------------------------------------------------------------------------------

def _projects(directory):
    projects = {}
    for row in _rows(directory, "projects.csv"):
        projects[row["id"]] = {
            "region": row.get("region", ""), "campaign": row.get("campaign", ""),
            **{c: _date(row.get(c)) for c in ("planned_start", "actual_start",
                                              "planned_completion", "actual_completion")}}
    return projects


def lagging(projects, last_day):
    result = []
    for ident, p in projects.items():
        start_missed = p["planned_start"] is not None and p["planned_start"] <= last_day and \
            not (p["actual_start"] is not None and p["actual_start"] <= last_day)
        completion_missed = p["planned_completion"] is not None and \
            p["planned_completion"] <= last_day and \
            not (p["actual_completion"] is not None and p["actual_completion"] <= last_day)
        if start_missed or completion_missed:
            result.append(ident)
    return sorted(result)


def campaigns(directory, projects, last_day):
    progress = {}
    for row in _rows(directory, "project_progress.csv"):
        progress[(row["id"], _period(row["period"]))] = _number(row["investment"])
    result = []
    for row in _rows(directory, "campaigns.csv"):
        start, to = _date(row["from"]), _date(row["to"])
        end = min(to, last_day)
        members = [i for i, p in projects.items() if p["campaign"] == row["id"]]
        figures = {"id": row["id"], "investment": 0.0, "actual_starts": 0,
                   "actual_completions": 0, "time_progress": 0.0}
        if start > last_day:  # starts after D: zeros
            result.append(figures)
            continue
        first, last = (start.year, start.month), (end.year, end.month)
        figures["investment"] = math.fsum(
            v for (ident, period), v in progress.items()
            if ident in members and first <= period <= last and v is not None)
        in_window = lambda d: d is not None and start <= d <= end  # noqa: E731
        figures["actual_starts"] = sum(1 for i in members if in_window(projects[i]["actual_start"]))
        figures["actual_completions"] = sum(
            1 for i in members if in_window(projects[i]["actual_completion"]))
        length = (to - start).days + 1
        elapsed = max((end - start).days + 1, 0)
        figures["time_progress"] = 100.0 * elapsed / length if length > 0 else 0.0
        result.append(figures)
    return result


# ---------------------------------------------------------------------------------------------
# Targets.
# ---------------------------------------------------------------------------------------------

def _in_region(code, county):
    if code.endswith("0000"):
        return county[:2] == code[:2]
    if code.endswith("00"):
        return county[:4] == code[:4]
    return county == code


def _members(directory, data, scope):
    """uscc list of the enterprises in the target's scope (see the module's readings)."""
    enterprises = data.enterprises
    if scope == "all":
        return list(enterprises)
    if re.fullmatch(r"\d{6}", scope):
        return [u for u, e in enterprises.items() if _in_region(scope, e["region"])]
    groups = dict(SEEDED_GROUPS)
    for row in _rows(directory, "region_groups.csv"):
        groups[row["id"]] = [m.strip() for m in re.split(r"[;；]", row["members"]) if m.strip()]
    if scope in groups:
        return [u for u, e in enterprises.items()
                if any(_in_region(code, e["region"]) for code in groups[scope])]
    if scope in data.parks:
        return [u for u, e in enterprises.items() if e["park"] == scope]
    if scope in data.chains:
        return [u for u, e in enterprises.items() if scope in e["chains"]]
    return []


def _is_manufacturing(division):
    return division.isdigit() and 13 <= int(division) <= 43


def targets(directory, data, year, month):
    import reference_report  # the oracle's v1 pairing (imported here: it imports this module)
    rows = _rows(directory, "targets.csv")
    if not rows:
        return []
    months = [(year - 1, m) for m in range(month + 1, 13)] + [(year, m) for m in range(1, month + 1)]
    engines = [reference_report.Engine(data, year - 1, list(range(month + 1, 13)), True),
               reference_report.Engine(data, year, list(range(1, month + 1)), True)]
    output, pairs = {}, {}
    for uscc in data.enterprises:
        output[uscc] = math.fsum(
            data.monthly[(uscc, y, m)]["output"] for y, m in months
            if (uscc, y, m) in data.monthly and data.monthly[(uscc, y, m)]["output"] is not None)
        pairs[uscc] = [pair for engine in engines for pair in engine.pairs(uscc)["output"]]
    result = []
    for row in rows:
        indicator, value = row["indicator"], _number(row["value"])
        target_year = int(row["year"])
        threshold = _number(row.get("threshold")) or 0.0
        members = _members(directory, data, row["scope"])
        if indicator in MANUFACTURING:
            members = [u for u in members if _is_manufacturing(data.enterprises[u]["division"])]
        if indicator in COUNTS:
            current = float(sum(1 for u in members if output[u] >= threshold))
        else:
            current = math.fsum(output[u] for u in members)
        scope_pairs = [pair for u in members for pair in pairs[u]]
        previous = math.fsum(p for _, p in scope_pairs)
        achieved = None
        if scope_pairs and previous != 0:
            achieved = 100.0 * (math.fsum(c for c, _ in scope_pairs) / previous - 1.0)
        needed = None
        if indicator not in COUNTS and target_year > year and current != 0 and value / current > 0:
            needed = 100.0 * ((value / current) ** (1.0 / (target_year - year)) - 1.0)
        result.append({"id": row["id"], "current": current,
                       "progress": 100.0 * current / value if value != 0 else None,
                       "pace_needed": needed, "pace_achieved": achieved})
    return result


# ---------------------------------------------------------------------------------------------
# Hooks.
# ---------------------------------------------------------------------------------------------

def add_to(result, data, directory, year, month):
    """Sets result["projects"]["lagging"], result["campaigns"] and result["targets"]."""
    last_day = _last_day(year, month)
    projects = _projects(directory)
    result.setdefault("projects", {})["lagging"] = lagging(projects, last_day)
    result["campaigns"] = campaigns(directory, projects, last_day)
    result["targets"] = targets(directory, data, year, month)
    return result


def _by_id(comparer, where, value):
    if not isinstance(value, list):
        comparer.differences.append(f"{where}: not a list: {value!r}")
        return {}
    return {entry.get("id"): entry for entry in value if isinstance(entry, dict)}


def compare(comparer, a, b):
    """Adds to `comparer` the differences of the steering keys of reports a and b.  A key absent
    on one side is no difference when the other side's list is empty (a v1 report)."""
    lag_a = (a.get("projects") or {}).get("lagging")
    lag_b = (b.get("projects") or {}).get("lagging")
    if (lag_a or []) != (lag_b or []):
        comparer.differences.append(f"projects.lagging: {lag_a} != {lag_b}")
    fields = {"campaigns": ("investment", "actual_starts", "actual_completions", "time_progress"),
              "targets": ("current", "progress", "pace_needed", "pace_achieved")}
    for key, names in fields.items():
        list_a, list_b = a.get(key), b.get(key)
        if not list_a and not list_b:
            continue
        if list_a is None or list_b is None:
            comparer.differences.append(f"{key}: present on one side only")
            continue
        entries_a, entries_b = _by_id(comparer, key, list_a), _by_id(comparer, key, list_b)
        # The order is the file's in memory and the ids' after a database: compared as sets.
        if sorted(map(str, entries_a)) != sorted(map(str, entries_b)) or \
                len(entries_a) != len(list_a) or len(entries_b) != len(list_b):
            comparer.differences.append(
                f"{key}: ids {[e.get('id') for e in list_a]} != {[e.get('id') for e in list_b]}")
        for ident in sorted(set(entries_a) & set(entries_b), key=str):
            for name in names:
                comparer.value(f"{key}[id={ident}].{name}", entries_a[ident].get(name),
                               entries_b[ident].get(name))
