#!/usr/bin/python3
"""Kill tests of `zhizao backup` and `zhizao restore`, and a backup taken while an import writes
(issue 6, part 3).

- backup SIGKILLed at random moments: the backup file either does not exist or is whole (passes
  integrity_check, holds exactly the database's rows); no kill leaves a half file under its name.
- restore --force SIGKILLed at random moments: the database is either the old one or the
  restored one, never damaged, never missing.
- backup while `zhizao import` of a big file runs in another process: the copy is the state
  before the import or after it, never a mix.

Usage: backup_kill.py ZHIZAO [--kills N]; ZHIZAO_FAULT_SEED=S replays a run.
"""

import argparse
import os
import shutil
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fault_support as fs  # noqa: E402


def fingerprint(path):
    return fs.query(path, "SELECT (SELECT count(*) FROM monthly), (SELECT round(sum(output), 2) "
                    "FROM monthly), (SELECT count(*) FROM import_batch)")[0]


def timed(zhizao, *args):
    started = time.monotonic()
    zhizao.run(*args)
    return time.monotonic() - started


def kill_at_random(zhizao, rng, seconds, args):
    delay = rng.uniform(0.0, 1.2 * seconds)
    return delay, fs.run_and_kill(zhizao, args, delay)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("zhizao")
    parser.add_argument("--kills", type=int, default=6)
    parser.add_argument("--enterprises", type=int, default=1000)
    args = parser.parse_args()
    seed = fs.seed_from_environment()
    checks = fs.Checks("backup_kill", seed)
    rng = fs.rng(seed)
    zhizao = fs.Zhizao(args.zhizao)
    work = fs.work_directory("backup")
    try:
        e = args.enterprises
        enterprises = os.path.join(work, "enterprises.csv")
        first = os.path.join(work, "monthly_v1.csv")
        second = os.path.join(work, "monthly_v2.csv")
        fs.write_enterprises(enterprises, e)
        fs.write_monthly(first, e, fs.months_of(2021, 1, 6), 100)
        fs.write_monthly(second, e, fs.months_of(2021, 1, 12), 200)
        db = os.path.join(work, "city.db")
        zhizao.run("import", "--db", db, "-q", enterprises, first)
        state = fingerprint(db)

        backup = os.path.join(work, "city-backup.db")
        seconds = timed(zhizao, "backup", "--db", db, backup, "-q")
        print(f"backup of {os.path.getsize(db) >> 10} KiB: {seconds:.3f} s", flush=True)
        for n in range(args.kills):
            os.remove(backup)
            delay, code = kill_at_random(zhizao, rng, seconds, ["backup", "--db", db, backup])
            label = f"backup kill {n + 1} after {delay:.3f} s (exit {code})"
            if os.path.exists(backup):
                problems = fs.integrity(backup)
                checks.expect(not problems, f"{label}: damaged backup: {problems[:3]}")
                checks.expect(fingerprint(backup) == state, f"{label}: backup differs")
                verdict = "whole"
            else:
                checks.expect(code != 0, f"{label}: exited 0 without a backup")
                verdict = "absent"
            print(f"{label}: {verdict}", flush=True)
            zhizao.run("backup", "--db", db, backup, "-q", "--force")  # a stale .tmp is no bar

        # The database to restore over differs from the backup: one more import.
        zhizao.run("import", "--db", db, "-q", second)
        newer = fingerprint(db)
        pristine = os.path.join(work, "newer.db")
        zhizao.run("backup", "--db", db, pristine, "-q")
        seconds = timed(zhizao, "restore", "--db", db, backup, "--force", "--discard-replaced",
                        "-q")
        for n in range(args.kills):
            zhizao.run("restore", "--db", db, pristine, "--force", "--discard-replaced", "-q")
            delay, code = kill_at_random(zhizao, rng, seconds, ["restore", "--db", db, backup,
                                                                "--force", "--discard-replaced"])
            label = f"restore kill {n + 1} after {delay:.3f} s (exit {code})"
            checks.expect(os.path.exists(db), f"{label}: the database is missing")
            problems = fs.integrity(db)
            checks.expect(not problems, f"{label}: damaged: {problems[:3]}")
            now = fingerprint(db)
            # A restore killed after its rename but before its audit row still restored.
            verdict = "old" if now == newer else "restored" if now == state else f"MIX {now}"
            checks.expect(not verdict.startswith("MIX"), f"{label}: {verdict}")
            print(f"{label}: {verdict}", flush=True)

        # A backup during an import in another process: before or after, never between.
        zhizao.run("restore", "--db", db, backup, "--force", "--discard-replaced", "-q")
        importing = zhizao.start("import", "--db", db, "-q", second,
                                 stdout=fs.subprocess.DEVNULL, stderr=fs.subprocess.PIPE)
        during = os.path.join(work, "during.db")
        copies = 0
        while importing.poll() is None:
            if os.path.exists(during):
                os.remove(during)
            zhizao.run("backup", "--db", db, during, "-q")
            copy = fingerprint(during)
            checks.expect(copy in (state, newer) and not fs.integrity(during),
                          f"backup during import {copies + 1}: {copy}")
            copies += 1
        checks.expect(importing.wait() == 0, f"the import failed: {importing.stderr.read()}")
        importing.stderr.close()
        print(f"{copies} backups taken during the import, each before or after it", flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    checks.finish()


if __name__ == "__main__":
    main()
