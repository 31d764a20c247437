#!/usr/bin/python3
"""Hand-computed checks of the oracle's safety figures and warnings (ref_safety.py) on a small
hand-made register: every expected value below is worked out by hand in its comment from
docs/safety.md.  Usage: python3 tools/reference/ref_safety_check.py (exit 1 on any difference).

Enterprises: A (division 09, 洛宁 410328), B (08, 栾川 410324), C (10, 洛宁), D (34, 洛宁),
E (09, 栾川).  Plans: P1 divisions 08–10, the whole area, 2021-06-01..09-30; P2 division 09 in
洛宁, May 2021; P3 division 08, October 2021.
"""

import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ref_safety  # noqa: E402

FILES = {
    "enterprises.csv": "uscc,name,industry,region\nA,企业A,0931,410328\nB,企业B,0810,410324\n"
                       "C,企业C,1011,410328\nD,企业D,3411,410328\nE,企业E,0921,410324\n",
    # Chinese headers, a region, dates in the three forms.
    "safety_plans.csv": "计划编号,计划名称,检查对象,行业大类,区划代码,开始日期,结束日期\n"
                        "P1,汛期尾矿库检查,尾矿库,08;09;10,,2021-06-01,2021-09-30\n"
                        "P2,五月检查,尾矿库,09,410328,2021/5/1,2021年5月31日\n"
                        "P3,十月检查,尾矿库,08,,2021-10-01,2021-10-31\n",
    "safety_checks.csv": "ID,Plan,USCC,Date,Inspector\nc1,P1,A,2021-06-05,甲\nc2,P1,B,2021-06-20,乙\n"
                         "c3,P1,D,2021-06-10,甲\nc4,P1,C,2021-07-05,乙\nc5,P2,A,2021-05-10,丙\n",
    # h3 and h7 have no deadline: found + 15 days (ordinary).
    "safety_hazards.csv": "id,check,level,found,deadline,rectified,reinspected,"
                          "reinspection_result\n"
                          "h1,c1,major,2021-06-05,2021-06-20,,,\n"
                          "h2,c1,ordinary,2021-06-05,2021-06-20,2021-06-15,2021-06-18,passed\n"
                          "h3,c2,一般,2021-06-20,,2021-06-25,,\n"
                          "h4,c2,重大,2021-06-20,2021-07-20,2021-06-22,2021-06-24,不合格\n"
                          "h5,c3,ordinary,2021-06-10,2021-06-25,,,\n"
                          "h6,c1,ordinary,2021-07-01,2021-07-16,,,\n"
                          "h7,c5,ordinary,2021-05-10,,2021-05-20,,\n",
}


def roster():
    # June without the 19th and 20th; the 21st has a night shift only.
    lines = ["date,shift,person"]
    for d in range(1, 31):
        if d in (19, 20):
            continue
        if d != 21:
            lines.append(f"2021-06-{d:02d},白班,张三")
        lines.append(f"2021-06-{d:02d},夜班,李四")
    return "\n".join(lines) + "\n"


def main():
    failures = []

    def expect(label, got, want):
        if got != want:
            failures.append(f"{label}: {got!r} != {want!r}")

    with tempfile.TemporaryDirectory() as directory:
        for name, text in dict(FILES, **{"duty_roster.csv": roster()}).items():
            with open(os.path.join(directory, name), "w", encoding="utf-8") as out:
                out.write(text)
        june = ref_safety.safety_report(directory, 2021, 6, False)
        # P1 and P2 meet 2021-01-01..06-30; P3 starts in October.
        expect("june plans", [p["id"] for p in june["plans"]], ["P1", "P2"])
        p1, p2 = june["plans"]
        # In P1: A, B, C, E (D is 34); checked by 30 June: A, B (C on 5 July).
        expect("p1 enterprises", (p1["enterprises"], p1["checked"], p1["unchecked"]),
               (4, 2, ["C", "E"]))
        expect("p1 coverage", p1["coverage"], 50.0)
        expect("p1 time progress", p1["time_progress"], 100 * 30 / 122)  # 30 of 122 days
        # Found h1..h5; rectified h2 (passed), h3 (awaiting); h4 failed; open h1, h4, h5; overdue
        # h1 (20 June), h5 (25 June); h3's deadline 5 July.
        expect("p1 hazards", p1["hazards"], {"found": 5, "rectified": 2, "open": 3, "overdue": 2,
                                             "awaiting_reinspection": 1})
        expect("p1 major", p1["major"], {"found": 2, "rectified": 0, "open": 2, "overdue": 1,
                                         "awaiting_reinspection": 0})
        expect("p1 counties", [(c["region"], c["found"], c["open"], c["overdue"])
                               for c in p1["counties"]],
               [("410324", 2, 1, 0), ("410328", 3, 2, 2)])
        expect("p1 overdue", [(h["id"], h["days_overdue"]) for h in p1["overdue_hazards"]],
               [("h1", 10), ("h5", 5)])
        expect("p1 gaps", p1["roster_gaps"], ["2021-06-19", "2021-06-20"])
        # P2: A only (E is in 栾川), checked on 10 May; h7 rectified, not re-inspected; no roster
        # in May: 31 gaps.
        expect("p2", (p2["enterprises"], p2["checked"], p2["coverage"], p2["time_progress"],
                      p2["hazards"]["awaiting_reinspection"], len(p2["roster_gaps"])),
               (1, 1, 100.0, 100.0, 1, 31))
        # Default rules: red h1 (A), orange h5 (D); P1 is ahead of time, P2 complete.
        expect("june warnings", [(w["level"], w["rule"], w["subject"]["id"])
                                 for w in ref_safety.safety_warnings(june)],
               [("red", "safety_overdue_major_hazard", "A"),
                ("orange", "safety_overdue_hazard", "D")])
        # A July report (monthly): P2 ended in May and is not shown.
        july = ref_safety.safety_report(directory, 2021, 7, True)
        expect("july plans", [p["id"] for p in july["plans"]], ["P1"])
        # 31 October: P1 ended with E unchecked (orange, unfinished); P3 on its last day with B
        # unchecked: 0% against 100% → behind.
        october = ref_safety.safety_report(directory, 2021, 10, False)
        expect("october warnings", sorted((w["rule"], w["subject"]["id"])
                                          for w in ref_safety.safety_warnings(october)
                                          if w["subject"]["kind"] == "safety_plan"),
               [("safety_plan_behind", "P3"), ("safety_plan_unfinished", "P1")])
        # A rule set that raises nothing for ordinary hazards and marks P1 only 30 points behind.
        rules = [{"id": "m", "level": "blue", "kind": "safety_hazard_overdue", "days": 9,
                  "major": True, "ordinary": False},
                 {"id": "b", "level": "yellow", "kind": "safety_plan_behind", "points": 30}]
        expect("custom rules", [(w["rule"], w["subject"]["id"])
                                for w in ref_safety.safety_warnings(june, rules)], [("m", "A")])
        # Before any season: no safety key.
        expect("april", ref_safety.safety_report(directory, 2021, 4, False), None)
    for line in failures:
        print("FAIL ref_safety_check " + line)
    if not failures:
        print("ok   ref_safety_check")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
