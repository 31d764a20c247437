#!/usr/bin/python3
"""Reference for the "Enterprise service" (五每) figures of the data contract's v2 additions.

Written from the contract's text alone (/work/shared/data-contract.md, "v2 additions", "Figures",
"Enterprise service"), independent of the C++ in src/service:

    at P = Y-M with D = the last day of M and the report window's months:
    visit_coverage = 100 × #{assigned enterprises with a visit dated in month M} /
                     #{assigned enterprises}
    unvisited      = their sorted codes without one
    over the cases resolved in the window (resolved date in its months):
    cases_resolved = their number
    on_time_rate   = 100 × #{resolved ≤ deadline} / cases_resolved
    median_days    = median of (resolved − raised) in days (mean of the two middle values for an
                     even count)
    mean_rating    = mean of their ratings given
    open_overdue   = #{cases raised ≤ D, not resolved on or before D, deadline < D}

A rate whose denominator is zero is null.  "Assigned enterprises" are the distinct codes of
assignments.csv; a case id given twice keeps its last row (an import replaces a row by key).
Usage as a module: `service_report(directory, year, month, monthly)` returns the `service` object,
or None when assignments.csv and cases.csv are both absent or empty; `compare(comparer, a, b)`
adds the differences of two reports' `service` objects to a compare_reports.Comparer.
Standard library only.
"""

import calendar
import datetime
import os
import statistics

import ref_csv

COLUMNS = {
    "assignments.csv": {"uscc": ["统一社会信用代码"], "cadre": ["包联干部"],
                        "department": ["责任部门"]},
    "visits.csv": {"uscc": ["统一社会信用代码"], "date": ["走访日期"], "cadre": ["包联干部"],
                   "findings": ["走访情况"]},
    "cases.csv": {"id": ["诉求编号"], "uscc": ["统一社会信用代码"], "raised": ["提出日期"],
                  "category": ["类别"], "department": ["责任部门"], "deadline": ["办结时限"],
                  "resolved": ["办结日期"], "rating": ["满意度"]},
}

SCALAR_KEYS = ("visit_coverage", "cases_resolved", "on_time_rate", "median_days", "mean_rating",
               "open_overdue")


def _read_rows(directory, file_name):
    """Rows as dicts with canonical keys ([] when the file is absent; ref_csv.read_rows)."""
    return ref_csv.read_rows(directory, file_name, COLUMNS[file_name])


def _date(text):
    """YYYY-MM-DD, also YYYY/M/D and YYYY年M月D日 as the importer accepts; None when empty."""
    text = (text or "").strip()
    if not text:
        return None
    for old in ("年", "月", "/"):
        text = text.replace(old, "-")
    text = text.replace("日", "")
    year, month, day = (int(part) for part in text.split("-"))
    return datetime.date(year, month, day)


def service_report(directory, year, month, monthly):
    assignments = _read_rows(directory, "assignments.csv") or []
    visits = _read_rows(directory, "visits.csv") or []
    case_rows = _read_rows(directory, "cases.csv") or []
    if not assignments and not case_rows:
        return None
    if monthly:
        months = [1, 2] if month == 2 else [month]
    else:
        months = list(range(1, month + 1))
    last_day = datetime.date(year, month, calendar.monthrange(year, month)[1])

    assigned = sorted({row["uscc"] for row in assignments})
    visited_in_m = {row["uscc"] for row in visits
                    if _date(row["date"]).year == year and _date(row["date"]).month == month}
    unvisited = [uscc for uscc in assigned if uscc not in visited_in_m]
    coverage = (100.0 * (len(assigned) - len(unvisited)) / len(assigned)) if assigned else None

    cases = {}
    for row in case_rows:
        cases[row["id"]] = row  # the last row of an id wins
    resolved_in_window = []
    open_overdue = 0
    for row in cases.values():
        raised, deadline, resolved = _date(row["raised"]), _date(row["deadline"]), \
            _date(row.get("resolved"))
        rating = row.get("rating", "").strip()
        if resolved is not None and resolved.year == year and resolved.month in months:
            resolved_in_window.append((raised, deadline, resolved,
                                       int(rating) if rating else None))
        if raised <= last_day and not (resolved is not None and resolved <= last_day) \
                and deadline < last_day:
            open_overdue += 1
    count = len(resolved_in_window)
    on_time = sum(1 for _, deadline, resolved, _ in resolved_in_window if resolved <= deadline)
    days = [(resolved - raised).days for raised, _, resolved, _ in resolved_in_window]
    ratings = [rating for *_, rating in resolved_in_window if rating is not None]
    return {
        "visit_coverage": coverage,
        "unvisited": unvisited,
        "cases_resolved": count,
        "on_time_rate": (100.0 * on_time / count) if count else None,
        "median_days": float(statistics.median(days)) if days else None,
        "mean_rating": (sum(ratings) / len(ratings)) if ratings else None,
        "open_overdue": open_overdue,
    }


def compare(comparer, a, b):
    """Adds to `comparer` (compare_reports.Comparer) the differences of a["service"], b["service"]."""
    service_a, service_b = a.get("service"), b.get("service")
    if service_a is None and service_b is None:
        return
    if service_a is None or service_b is None:
        comparer.differences.append(
            f"service: present on one side only (A: {service_a is not None}, "
            f"B: {service_b is not None})")
        return
    for key in SCALAR_KEYS:
        comparer.value(f"service.{key}", service_a.get(key), service_b.get(key))
    if service_a.get("unvisited") != service_b.get("unvisited"):
        comparer.differences.append(
            f"service.unvisited: {service_a.get('unvisited')} != {service_b.get('unvisited')}")


def add_to(result, directory, year, month, monthly):
    """Sets result["service"] when the folder has service files (the hook of the oracle)."""
    service = service_report(directory, year, month, monthly)
    if service is not None:
        result["service"] = service
    return result
