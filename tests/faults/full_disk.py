#!/usr/bin/python3
"""Full disk during `zhizao import` (issue 6, part 2).

The database lives on a small tmpfs (mounted here; needs root) and an import far larger than the
free space is run: it must fail with a clear error naming the full disk and a non-zero exit code,
and leave the database as it was (same rows, integrity ok) and usable (a small import then works).
When mounting is not permitted, the same is done with setrlimit(RLIMIT_FSIZE) in the child
(SIGXFSZ ignored); the kernel then answers EFBIG, which SQLite reports as an I/O error rather
than a full disk, so only the exit code and the unchanged database are checked. The path that ran
is printed. Exits 77 (skipped) when neither is possible.

Usage: full_disk.py ZHIZAO (ZHIZAO_FAULT_NO_MOUNT=1 takes the setrlimit path)
"""

import os
import resource
import shutil
import signal
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fault_support as fs  # noqa: E402

TMPFS_SIZE = "4m"
FSIZE_LIMIT = 4 << 20


def fingerprint(path):
    return fs.query(path, "SELECT (SELECT count(*) FROM enterprise), (SELECT count(*) FROM "
                    "monthly), (SELECT round(sum(output), 2) FROM monthly), (SELECT count(*) "
                    "FROM import_batch)")[0]


def try_mount(directory):
    if os.environ.get("ZHIZAO_FAULT_NO_MOUNT"):  # to exercise the fallback path
        return "ZHIZAO_FAULT_NO_MOUNT is set"
    if os.geteuid() != 0:
        return "not root"
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={TMPFS_SIZE},mode=0700",
                              "tmpfs", directory], capture_output=True, text=True)
    return "" if mounted.returncode == 0 else (mounted.stderr.strip() or "mount failed")


def limit_file_size():
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # write(2) then fails with EFBIG
    resource.setrlimit(resource.RLIMIT_FSIZE, (FSIZE_LIMIT, FSIZE_LIMIT))


def main():
    binary = sys.argv[1]
    checks = fs.Checks("full_disk", 0)
    zhizao = fs.Zhizao(binary)
    work = fs.work_directory("disk")
    disk = os.path.join(work, "disk")
    os.mkdir(disk)
    mount_refused = try_mount(disk)
    mounted = not mount_refused
    try:
        small_enterprises = os.path.join(work, "small_enterprises.csv")
        small_monthly = os.path.join(work, "small_monthly.csv")
        big_enterprises = os.path.join(work, "big_enterprises.csv")
        big_monthly = os.path.join(work, "big_monthly.csv")
        fs.write_enterprises(small_enterprises, 50)
        fs.write_monthly(small_monthly, 50, fs.months_of(2021, 1, 3), 100)
        fs.write_enterprises(big_enterprises, 6000)
        fs.write_monthly(big_monthly, 6000, fs.months_of(2021, 1, 12), 500)
        db = os.path.join(disk, "city.db")
        zhizao.run("import", "--db", db, "-q", small_enterprises, small_monthly)
        before = fingerprint(db)

        if mounted:
            print(f"full_disk: path tmpfs of {TMPFS_SIZE} at {disk}", flush=True)
            result = zhizao.run("import", "--db", db, "-q", big_enterprises, big_monthly,
                                check=False)
        else:
            print(f"full_disk: mount refused ({mount_refused}); path RLIMIT_FSIZE "
                  f"{FSIZE_LIMIT} bytes", flush=True)
            try:
                result = subprocess.run([binary, "import", "--db", db, "-q", big_enterprises,
                                         big_monthly], capture_output=True, text=True,
                                        env=zhizao.env, preexec_fn=limit_file_size, timeout=120)
            except OSError as error:
                print(f"full_disk: skipped: cannot limit the file size: {error}")
                sys.exit(fs.SKIP)
        print(f"import exited {result.returncode}: {result.stderr.strip()[:300]}", flush=True)
        checks.expect(result.returncode != 0, "the import that cannot fit exited 0")
        checks.expect(result.returncode in (1, 2) and "zhizao: error:" in result.stderr,
                      f"not a reported error (exit {result.returncode}): {result.stderr[:300]}")
        if mounted:
            checks.expect("full" in result.stderr,
                          f"the error does not say the disk is full: {result.stderr[:300]}")
        checks.expect("AddressSanitizer" not in result.stderr and "runtime error" not in
                      result.stderr, "sanitizer report in the failed import")
        problems = fs.integrity(db)
        checks.expect(not problems, f"damaged after the failed import: {problems[:3]}")
        after = fingerprint(db)
        checks.expect(after == before, f"the database changed: {before} -> {after}")

        # Still usable: the failed import's WAL space is reused; a small import fits.
        again = zhizao.run("import", "--db", db, "-q", small_monthly, check=False)
        checks.expect(again.returncode == 0, f"a small import after the failure: {again.stderr}")
        checks.expect(fingerprint(db)[3] == before[3] + 1, "the small import was not stored")
    finally:
        if mounted:
            subprocess.run(["umount", disk], check=False)
        shutil.rmtree(work, ignore_errors=True)
    checks.finish()


if __name__ == "__main__":
    main()
