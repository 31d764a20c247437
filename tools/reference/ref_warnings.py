"""The oracle's early warnings: docs/methodology.md, "Early warnings", written from its text.

Reads the rules file (rules/default_warnings.toml unless another is given) with tomllib and
applies its eight kinds to an unscoped report of the oracle (reference_report.py for the sets,
ref_steering.py for lagging projects, campaigns and targets).  Gives the contract's list
`[{"level", "rule", "subject": {"kind", "id"}, "figures", "since"}]` in the documented order;
reasons (text) are not rebuilt.  compare() checks a zhizao report's `warnings` against it.
"""

import calendar
import datetime
import os
import tomllib

import ref_steering

LEVELS = ("red", "orange", "yellow", "blue")
DEFAULT_RULES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "rules",
                             "default_warnings.toml")
DEFAULTS = {  # the parameters a rule may leave out (methodology, the table of kinds)
    "output_falling": {"below": 0.0, "min_output": 0.0, "key_only": False},
    "target_pace": {"factor": 2.0},
    "electricity_diverging": {"electricity_below": 0.0, "output_above": 0.0},
}
SET_SUBJECTS = {"negative_pull": "division", "behind_city": "region",
                "electricity_diverging": "division"}  # the first subject a kind allows
MAX_SET_RUN = 12  # reports, the period's own included ("Runs of reports")


def load_rules(path=None):
    with open(path or DEFAULT_RULES, "rb") as handle:
        rules = tomllib.load(handle)["warning"]
    for rule in rules:
        for name, value in DEFAULTS.get(rule["kind"], {}).items():
            rule.setdefault(name, value)
        if rule["kind"] in SET_SUBJECTS:
            rule.setdefault("subject", SET_SUBJECTS[rule["kind"]])
    return rules


def _month(year, month):
    return f"{year:04d}-{month:02d}"


def _previous(year, month):
    return (year - 1, 12) if month == 1 else (year, month - 1)


# ---------------------------------------------------------------------------------------------
# Enterprises: runs of months below last year's.
# ---------------------------------------------------------------------------------------------

def _month_growth(data, uscc, year, month):
    """(growth, output, prev_output) of month m, growth None when not defined."""
    record = data.monthly.get((uscc, year, month))
    if record is None or not record["in_scope"] or record["output"] is None:
        return None, None, None
    prev = record["output_prev"]
    if prev is None:
        last_year = data.monthly.get((uscc, year - 1, month))
        prev = last_year["output"] if last_year is not None else None
    if prev is None or prev <= 0:
        return None, record["output"], prev
    return 100.0 * (record["output"] / prev - 1.0), record["output"], prev


def _first_years(data):
    first = {}
    for (uscc, year, _) in data.monthly:
        first[uscc] = min(year, first.get(uscc, year))
    return first


def _run(data, uscc, year, month, below, first_year):
    """(length, first month) of the run of months ending at (year, month) below `below`."""
    length, first = 0, None
    y, m = year, month
    while y >= first_year:
        if m == 1 and (uscc, y, 1) not in data.monthly and (uscc, y, 2) in data.monthly:
            y, m = _previous(y, m)  # January reported inside February: passed over
            continue
        growth, _, _ = _month_growth(data, uscc, y, m)
        if growth is None or growth >= below:
            break
        length, first = length + 1, (y, m)
        y, m = _previous(y, m)
    return length, first


def _enterprise_warnings(data, sets, rule, year, month):
    out = []
    first_years = _first_years(data)
    for uscc, enterprise in sorted(data.enterprises.items()):
        if rule["kind"] == "output_falling":
            if rule["key_only"] and not enterprise["key"]:
                continue
            growth, output, prev = _month_growth(data, uscc, year, month)
            length, first = _run(data, uscc, year, month, rule["below"],
                                 first_years.get(uscc, year))
            if length < rule["months"] or output is None or output < rule["min_output"]:
                continue
            out.append((rule, "enterprise", uscc,
                        {"months": length, "growth": growth, "output": output,
                         "output_prev": prev}, _month(*first)))
        elif rule["kind"] == "key_below_band":
            own = sets.key_own.get(uscc)
            growth = own.growth("output") if own is not None else None
            if not enterprise["key"] or growth is None or growth >= rule["below"]:
                continue
            length, first = _run(data, uscc, year, month, rule["below"],
                                 first_years.get(uscc, year))
            out.append((rule, "enterprise", uscc, {"growth": growth, "months": length},
                        _month(*first) if first else None))
    return out


# ---------------------------------------------------------------------------------------------
# Sets: the report's own figures, and the reports before it for `since`.
# ---------------------------------------------------------------------------------------------

def _set_figures(sets, rule, code):
    """The figures of a set warning, or None when the rule does not hold for the set."""
    totals = {"division": sets.divisions, "region": sets.regions, "park": sets.parks,
              "chain": sets.chains}[rule["subject"]].get(code)
    if totals is None:
        return None
    growth = totals.growth()
    if rule["kind"] == "negative_pull":
        if not totals.count() or not sets.total.count():
            return None
        prev = sets.total.sums("va")[1]
        pull = None if prev == 0 else 100.0 * totals.increase() / prev
        if pull is None or pull >= -rule["beyond"]:
            return None
        return {"pull": pull, "growth": growth}
    if rule["kind"] == "behind_city":
        whole = sets.total.growth()
        if whole is None or growth is None or whole - growth <= rule["points"]:
            return None
        return {"growth": growth, "city_growth": whole, "gap": whole - growth}
    electricity, output = totals.growth("electricity"), totals.growth("output")
    if electricity is None or output is None or electricity >= rule["electricity_below"] \
            or output <= rule["output_above"]:
        return None
    return {"electricity_growth": electricity, "output_growth": output}


def _set_warnings(data, sets_of, rule, year, month, monthly):
    sets = sets_of(year, month)
    codes = {"division": sets.divisions, "region": sets.regions, "park": sets.parks,
             "chain": sets.chains}[rule["subject"]]
    out = []
    for code in sorted(codes):
        figures = _set_figures(sets, rule, code)
        if figures is None:
            continue
        figures = {k: v for k, v in figures.items() if v is not None}
        since, reports, y, m = (year, month), 1, year, month
        while reports < MAX_SET_RUN:
            y, m = _previous(y, m)
            if m == 1:  # January is reported inside February (1–2月)
                y, m = _previous(y, m)
            if _set_figures(sets_of(y, m), rule, code) is None:
                break
            since, reports = (y, m), reports + 1
        figures["months"] = reports
        out.append((rule, rule["subject"], code, figures, _month(*since)))
    return out


# ---------------------------------------------------------------------------------------------
# Projects, targets, campaigns: the steering oracle's figures.
# ---------------------------------------------------------------------------------------------

def _steering_warnings(data, directory, rule, year, month):
    last_day = datetime.date(year, month, calendar.monthrange(year, month)[1])
    out = []
    if rule["kind"] == "project_lagging":
        projects = ref_steering._projects(directory)
        for ident in ref_steering.lagging(projects, last_day):
            p = projects[ident]
            missed = [d for d, done in ((p["planned_start"], p["actual_start"]),
                                        (p["planned_completion"], p["actual_completion"]))
                      if d is not None and d <= last_day and not (done and done <= last_day)]
            first = min(missed)
            days_late = (last_day - first).days
            if days_late <= rule["days"]:
                continue
            late = first + datetime.timedelta(days=1)
            out.append((rule, "project", ident, {"days_late": days_late},
                        _month(late.year, late.month)))
    elif rule["kind"] == "target_pace":
        for target in ref_steering.targets(directory, data, year, month):
            needed, achieved = target["pace_needed"], target["pace_achieved"]
            if needed is None or achieved is None or needed <= 0 \
                    or needed <= rule["factor"] * achieved:
                continue
            figures = {"pace_needed": needed, "pace_achieved": achieved,
                       "progress": target["progress"]}
            out.append((rule, "target", target["id"],
                        {k: v for k, v in figures.items() if v is not None}, None))
    elif rule["kind"] == "campaign_behind":
        projects = ref_steering._projects(directory)
        plans = {row["id"]: ref_steering._number(row.get("planned_investment"))
                 for row in ref_steering._rows(directory, "campaigns.csv")}
        for campaign in ref_steering.campaigns(directory, projects, last_day):
            plan = plans.get(campaign["id"])
            if not plan:
                continue
            progress = 100.0 * campaign["investment"] / plan
            gap = campaign["time_progress"] - progress
            if gap <= rule["points"]:
                continue
            out.append((rule, "campaign", campaign["id"],
                        {"investment_progress": progress,
                         "time_progress": campaign["time_progress"], "gap": gap}, None))
    return out


# ---------------------------------------------------------------------------------------------
# Cases (诉求) of the enterprise service: open at D past their deadline.
# ---------------------------------------------------------------------------------------------

def _case_warnings(directory, rule, year, month):
    import ref_service  # the oracle's reading of cases.csv
    last_day = datetime.date(year, month, calendar.monthrange(year, month)[1])
    cases = {}
    for row in ref_service._read_rows(directory, "cases.csv") or []:
        cases[row["id"]] = row  # the last row of an id wins
    out = []
    for ident, row in cases.items():
        raised, deadline = ref_service._date(row["raised"]), ref_service._date(row["deadline"])
        resolved = ref_service._date(row.get("resolved"))
        if raised > last_day or (resolved is not None and resolved <= last_day) \
                or deadline >= last_day:
            continue
        days_overdue = (last_day - deadline).days
        if days_overdue <= rule["days"]:
            continue
        first = deadline + datetime.timedelta(days=1)
        out.append((rule, "case", ident, {"days_overdue": days_overdue},
                    _month(first.year, first.month)))
    return out


# ---------------------------------------------------------------------------------------------
# The list.
# ---------------------------------------------------------------------------------------------

def warnings(data, directory, year, month, monthly, rules=None):
    """The warnings of an unscoped report of (year, month), monthly or cumulative."""
    import reference_report  # the oracle's sets (imported here: it imports this module)
    cache = {}

    def sets_of(y, m):
        if (y, m) not in cache:
            cache[(y, m)] = reference_report.SetTotals(data, y, m, monthly, True)
        return cache[(y, m)]

    rules = rules if rules is not None else load_rules()
    raised = []
    for rule in rules:
        kind = rule["kind"]
        if kind in ("output_falling", "key_below_band"):
            raised += _enterprise_warnings(data, sets_of(year, month), rule, year, month)
        elif kind in SET_SUBJECTS:
            raised += _set_warnings(data, sets_of, rule, year, month, monthly)
        elif kind == "case_overdue":
            raised += _case_warnings(directory, rule, year, month)
        elif kind.startswith("safety_"):
            continue  # raised when the safety figures join the report (ref_safety.py)
        else:
            raised += _steering_warnings(data, directory, rule, year, month)
    # Of one kind's warnings about one subject, the most severe (the earlier rule on a tie).
    position = {rule["id"]: i for i, rule in enumerate(rules)}
    best = {}
    for entry in raised:
        rule, subject_kind, subject_id = entry[0], entry[1], entry[2]
        key = (rule["kind"], subject_kind, subject_id)
        rank = (LEVELS.index(rule["level"]), position[rule["id"]])
        if key not in best or rank < best[key][0]:
            best[key] = (rank, entry)
    result = [{"level": rule["level"], "rule": rule["id"],
               "subject": {"kind": kind, "id": ident}, "figures": figures, "since": since}
              for _, (rule, kind, ident, figures, since) in best.values()]
    result.sort(key=lambda w: (LEVELS.index(w["level"]), w["rule"], w["subject"]["kind"],
                               w["subject"]["id"]))
    return result


def add_to(result, data, directory, year, month, monthly):
    result["warnings"] = warnings(data, directory, year, month, monthly)
    return result


def compare(comparer, a, b):
    """Adds to `comparer` the differences between the `warnings` of reports a and b; none when
    one side has no `warnings` key (a hand-computed expected report of the v1 figures)."""
    list_a, list_b = a.get("warnings"), b.get("warnings")
    if list_a is None or list_b is None:
        return
    ident = lambda w: (w.get("level"), w.get("rule"), (w.get("subject") or {}).get("kind"),  # noqa
                       (w.get("subject") or {}).get("id"))
    ids_a, ids_b = [ident(w) for w in list_a], [ident(w) for w in list_b]
    if ids_a != ids_b:
        only_a, only_b = set(ids_a) - set(ids_b), set(ids_b) - set(ids_a)
        comparer.differences.append(
            f"warnings: only in the first {sorted(only_a)[:10]}, only in the second "
            f"{sorted(only_b)[:10]}" if only_a or only_b else "warnings: not in the same order")
        return
    for wa, wb in zip(list_a, list_b):
        where = "warnings[{}:{}:{}]".format(wa["rule"], wa["subject"]["kind"], wa["subject"]["id"])
        if wa.get("since") != wb.get("since"):
            comparer.differences.append(f"{where}.since: {wa.get('since')} != {wb.get('since')}")
        figures_a, figures_b = wa.get("figures") or {}, wb.get("figures") or {}
        if sorted(figures_a) != sorted(figures_b):
            comparer.differences.append(f"{where}.figures: {sorted(figures_a)} != "
                                        f"{sorted(figures_b)}")
            continue
        for name in sorted(figures_a):
            comparer.value(f"{where}.figures.{name}", figures_a[name], figures_b[name])
