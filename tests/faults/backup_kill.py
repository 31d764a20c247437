#!/usr/bin/python3
"""Kill tests of `zhizao backup` and `zhizao restore`, and a backup taken while an import writes
(issue 6, part 3).

- backup SIGKILLed at random moments: the backup file either does not exist or is whole (passes
  integrity_check, holds exactly the database's rows); no kill leaves a half file under its name.
- restore --force SIGKILLed at random moments: the database is either the old one or the
  restored one, never damaged, never missing.
- backup while `zhizao import` of a big file runs in another process: the copy is the state
  before the import or after it, never a mix.
- the safety proof files (docs/safety.md "Proof files") travel with the backup: a backup file
  that exists has every proof it registers in FILE.files/ with bytes that hash to its name, and
  a restore gives them back beside the database.

Usage: backup_kill.py ZHIZAO [--kills N]; ZHIZAO_FAULT_SEED=S replays a run.
"""

import argparse
import hashlib
import os
import shutil
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fault_support as fs  # noqa: E402


def fingerprint(path):
    return fs.query(path, "SELECT (SELECT count(*) FROM monthly), (SELECT round(sum(output), 2) "
                    "FROM monthly), (SELECT count(*) FROM import_batch)")[0]


PROOFS = 40  # 64 KiB each: copying them takes a while, so kills land in it too


def register_proofs(db, rng):
    """Proof files as the server stores them: bytes named by their SHA-256 in DB.files/, one row
    of safety_proof each. Returns their names."""
    folder = db + ".files"
    os.makedirs(folder, exist_ok=True)
    names = []
    for n in range(PROOFS):
        data = b"%PDF-1.4\n" + bytes(rng.getrandbits(8) for _ in range(64 * 1024)) + bytes([n])
        name = hashlib.sha256(data).hexdigest() + ".pdf"
        with open(os.path.join(folder, name), "wb") as out:
            out.write(data)
        names.append((name, len(data)))
    with fs.sqlite3.connect(db) as connection:
        connection.executemany(
            "INSERT INTO safety_proof (name, content_type, bytes, uploaded_by, uploaded_at) "
            "VALUES (?, 'application/pdf', ?, 'fault', '2021-06-30T00:00:00Z')", names)
    connection.close()
    return [name for name, _ in names]


def proofs_whole(db):
    """The proofs `db` registers that are missing from DB.files/ or do not hash to their name."""
    folder = db + ".files"
    bad = []
    for (name,) in fs.query(db, "SELECT name FROM safety_proof"):
        path = os.path.join(folder, name)
        if not os.path.exists(path):
            bad.append(f"{name[:12]} missing")
            continue
        with open(path, "rb") as stream:
            if hashlib.sha256(stream.read()).hexdigest() != name[:64]:
                bad.append(f"{name[:12]} damaged")
    return bad


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
        register_proofs(db, rng)
        state = fingerprint(db)

        backup = os.path.join(work, "city-backup.db")
        seconds = timed(zhizao, "backup", "--db", db, backup, "-q")
        print(f"backup of {os.path.getsize(db) >> 10} KiB: {seconds:.3f} s", flush=True)
        for n in range(args.kills):
            os.remove(backup)
            shutil.rmtree(backup + ".files")  # what the killed backup has, it copied
            delay, code = kill_at_random(zhizao, rng, seconds, ["backup", "--db", db, backup])
            label = f"backup kill {n + 1} after {delay:.3f} s (exit {code})"
            if os.path.exists(backup):
                problems = fs.integrity(backup)
                checks.expect(not problems, f"{label}: damaged backup: {problems[:3]}")
                checks.expect(fingerprint(backup) == state, f"{label}: backup differs")
                missing = proofs_whole(backup)
                checks.expect(not missing, f"{label}: backup without its proofs: {missing[:3]}")
                verdict = "whole"
            else:
                checks.expect(code != 0, f"{label}: exited 0 without a backup")
                verdict = "absent"
            print(f"{label}: {verdict}", flush=True)
            zhizao.run("backup", "--db", db, backup, "-q", "--force")  # a stale .tmp is no bar
        checks.expect(not proofs_whole(backup), "the last backup lacks proofs")

        # The database to restore over differs from the backup: one more import.
        zhizao.run("import", "--db", db, "-q", second)
        newer = fingerprint(db)
        pristine = os.path.join(work, "newer.db")
        zhizao.run("backup", "--db", db, pristine, "-q")
        seconds = timed(zhizao, "restore", "--db", db, backup, "--force", "--discard-replaced",
                        "-q")
        for n in range(args.kills):
            zhizao.run("restore", "--db", db, pristine, "--force", "--discard-replaced", "-q")
            shutil.rmtree(db + ".files")  # what a restored database has, the restore brought
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
            if verdict == "restored":
                missing = proofs_whole(db)
                checks.expect(not missing, f"{label}: restored without its proofs: {missing[:3]}")
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
