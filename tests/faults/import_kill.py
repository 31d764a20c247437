#!/usr/bin/python3
"""Kill test of `zhizao import` (issue 6, part 2).

A database holds E enterprises with months 2021-01..06 (version 1). `zhizao import` of a second
monthly file (2021-01..12, every value different: 6E keys replaced, 6E inserted) is SIGKILLed at
a random moment, many times, each time on a fresh copy of that database. After each kill:
PRAGMA integrity_check and foreign_key_check pass, and the database holds either none of the file
(exactly the state before) or all of it (exactly what a clean import gives: same rows, same sum,
one more import batch, 6E revisions whose new values are the stored values). Some killed copies
are then imported again, which must give the clean result. Every other kill imports the same rows
shuffled, streamed in parts of 4 KiB (`--part-size`, issue 17): many parts, spilled runs merged.

Usage: import_kill.py ZHIZAO [--kills N] [--enterprises E]; ZHIZAO_FAULT_SEED=S replays a run.
"""

import argparse
import json
import os
import shutil
import sqlite3
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fault_support as fs  # noqa: E402


def fingerprint(path):
    rows, total = fs.query(path, "SELECT count(*), round(sum(output), 2) FROM monthly")[0]
    revisions = fs.query(path, "SELECT count(*) FROM revision")[0][0]
    batches = fs.query(path, "SELECT count(*) FROM import_batch")[0][0]
    return {"rows": rows, "sum": total, "revisions": revisions, "batches": batches}


def revisions_agree(path):
    """Every revision's new value is what the monthly table now holds for its key."""
    stored = {(u, y, m): o for u, y, m, o in
              fs.query(path, "SELECT uscc, year, month, output FROM monthly")}
    for key, new_value in fs.query(path, "SELECT key, new_value FROM revision WHERE kind = "
                                   "'monthly'"):
        uscc, period = key.split("|")
        year, month = (int(p) for p in period.split("-"))
        if abs(stored.get((uscc, year, month), float("nan")) - json.loads(new_value)["output"]) \
                > 1e-9:
            return f"revision of {key} says {new_value}, the table holds " \
                   f"{stored.get((uscc, year, month))}"
    return ""


def copy_database(source, target):
    """A consistent copy through SQLite (the source is closed, but a -wal might linger)."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        if os.path.exists(target + suffix):
            os.remove(target + suffix)
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    dst.close()
    src.close()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("zhizao")
    parser.add_argument("--kills", type=int, default=15)
    parser.add_argument("--enterprises", type=int, default=1000)
    parser.add_argument("--reimports", type=int, default=1)
    args = parser.parse_args()
    seed = fs.seed_from_environment()
    checks = fs.Checks("import_kill", seed)
    rng = fs.rng(seed)
    zhizao = fs.Zhizao(args.zhizao)
    work = fs.work_directory("import")
    try:
        enterprises = os.path.join(work, "enterprises.csv")
        first = os.path.join(work, "monthly_v1.csv")
        second = os.path.join(work, "monthly_v2.csv")
        fs.write_enterprises(enterprises, args.enterprises)
        fs.write_monthly(first, args.enterprises, fs.months_of(2021, 1, 6), 100)
        fs.write_monthly(second, args.enterprises, fs.months_of(2021, 1, 12), 200)
        scattered = os.path.join(work, "monthly_v2_scattered.csv")
        with open(second, encoding="utf-8") as source:
            header, *rows = source.readlines()
        rng.shuffle(rows)
        with open(scattered, "w", encoding="utf-8") as out:
            out.write(header + "".join(rows))

        base = os.path.join(work, "base.db")
        zhizao.run("import", "--db", base, "-q", enterprises, first)
        before = fingerprint(base)

        reference = os.path.join(work, "reference.db")
        copy_database(base, reference)
        started = time.monotonic()
        zhizao.run("import", "--db", reference, "-q", second)
        clean_seconds = time.monotonic() - started
        after = fingerprint(reference)
        e = args.enterprises
        checks.expect(after["rows"] == 12 * e and after["revisions"] == 6 * e and
                      after["batches"] == before["batches"] + 1,
                      f"the clean import is not what the files say: {after}")
        print(f"clean import of {12 * e} rows: {clean_seconds:.2f} s; before {before}, "
              f"after {after}", flush=True)

        # 12E rows: more than store/bulk_journal.h's threshold (10,000) from E = 834, so the
        # import writes through a rollback journal, and a kill in the middle leaves it hot.
        outcomes = {"none": 0, "all": 0, "hot journal": 0}
        trial = os.path.join(work, "trial.db")
        for n in range(args.kills):
            copy_database(base, trial)
            delay = rng.uniform(0.0, 1.1 * clean_seconds)
            command = ["import", "--db", trial, "-q", second]
            if n % 2 == 1:
                command = ["import", "--db", trial, "-q", "--part-size", "4096", scattered]
            code = fs.run_and_kill(zhizao, command, delay, stderr=fs.subprocess.PIPE)
            if os.path.exists(trial + "-journal"):
                outcomes["hot journal"] += 1
            problems = fs.integrity(trial)
            state = fingerprint(trial)
            label = f"kill {n + 1} after {delay:.3f} s (exit {code}{', scattered' if n % 2 else ''})"
            checks.expect(not problems, f"{label}: damaged: {problems[:3]}")
            strays = [name for name in os.listdir(work) if name.startswith("zhizao-spill-")]
            checks.expect(not strays, f"{label}: temporary files left: {strays}")
            if state == before:
                outcomes["none"] += 1
                verdict = "none"
            elif state == after:
                outcomes["all"] += 1
                verdict = "all"
                disagreement = revisions_agree(trial)
                checks.expect(not disagreement, f"{label}: {disagreement}")
            else:
                verdict = f"PART {state}"
                checks.expect(False, f"{label}: neither before nor after: {state}")
            checks.expect(code != 0 or verdict == "all",
                          f"{label}: import exited 0 but the file was not stored")
            print(f"{label}: {verdict}", flush=True)
            if n < args.reimports:
                zhizao.run("import", "--db", trial, "-q", second)
                again = fingerprint(trial)
                checks.expect({k: again[k] for k in ("rows", "sum", "revisions")} ==
                              {k: after[k] for k in ("rows", "sum", "revisions")},
                              f"{label}: importing again gives {again}, not {after}")
        print(f"outcomes: {outcomes}", flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    checks.finish()


if __name__ == "__main__":
    main()
