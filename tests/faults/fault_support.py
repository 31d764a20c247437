"""Shared steps of the fault tests (tests/faults/*.py): contract files of a given size, running the
real zhizao binary, and reading its database with Python's own sqlite3 module (black box: nothing
of zhizao's code is used to judge zhizao's files).

Standard library only; run with Debian's /usr/bin/python3 (tools/install-deps.sh installs it).
"""

import os
import random
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time

# GB 32100-2015: 31-character code set, weights 3^(i-1) mod 31, check = 31 - sum mod 31.
CODE_SET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = [pow(3, i, 31) for i in range(17)]
REGIONS = ["410302", "410303", "410305", "410311", "410323"]
INDUSTRIES = ["3441", "32", "13", "30", "44"]

# ctest's SKIP_RETURN_CODE for these scripts.
SKIP = 77


def uscc(serial):
    """An 18-character code with a valid check character, unique per serial (< 31^6)."""
    body = ""
    n = serial
    for _ in range(6):
        body = CODE_SET[n % 31] + body
        n //= 31
    first17 = "91410302MA4" + body
    total = sum(CODE_SET.index(c) * w for c, w in zip(first17, WEIGHTS))
    check = 31 - total % 31
    return first17 + CODE_SET[0 if check == 31 else check]


def write_enterprises(path, count):
    with open(path, "w", encoding="utf-8") as out:
        out.write("uscc,name,industry,region,park,chains,key\n")
        for i in range(count):
            out.write(f"{uscc(i)},故障测试企业{i},{INDUSTRIES[i % 5]},{REGIONS[i % 5]},,,0\n")


def write_monthly(path, count, months, base):
    """`count` enterprises x the months (year, month); output = base + i + m/100, distinct per
    version `base`, so that two files disagree on every key they share."""
    with open(path, "w", encoding="utf-8") as out:
        out.write("uscc,period,output,value_added,electricity,in_scope\n")
        for i in range(count):
            code = uscc(i)
            for m, (year, month) in enumerate(months):
                output = base + i + m / 100
                out.write(f"{code},{year}-{month:02d},{output:.2f},{output * 0.3:.2f},"
                          f"{output * 0.05:.3f},1\n")


def months_of(year, first, last):
    return [(year, m) for m in range(first, last + 1)]


class Zhizao:
    """The binary under test, run with a clean environment for sanitizers."""

    def __init__(self, binary):
        self.binary = binary
        self.env = dict(os.environ)

    def run(self, *args, input_text=None, check=True, timeout=120):
        result = subprocess.run([self.binary, *args], input=input_text, capture_output=True,
                                text=True, env=self.env, timeout=timeout)
        if check and result.returncode != 0:
            raise AssertionError(f"zhizao {' '.join(args)} exited {result.returncode}:\n"
                                 f"{result.stdout}\n{result.stderr}")
        return result

    def start(self, *args, **kwargs):
        return subprocess.Popen([self.binary, *args], env=self.env, **kwargs)


def kill_now(process):
    """SIGKILL and reap; returns how the process ended (negative: the signal)."""
    if process.poll() is None:
        process.send_signal(signal.SIGKILL)
    return process.wait()


def run_and_kill(zhizao, args, delay, while_running=None, **popen):
    """Starts `zhizao args`, calls while_running(process) when given, sleeps `delay` seconds, then
    SIGKILLs and reaps the process, also when while_running raises. Output goes to /dev/null
    unless `popen` (subprocess.Popen's keywords) says otherwise; pipes are closed after the kill.
    Returns how the process ended (negative: the signal; 0 or more when it finished first)."""
    popen.setdefault("stdout", subprocess.DEVNULL)
    popen.setdefault("stderr", subprocess.DEVNULL)
    process = zhizao.start(*args, **popen)
    try:
        if while_running is not None:
            while_running(process)
        time.sleep(delay)
    finally:
        code = kill_now(process)
        for stream in (process.stdout, process.stderr):
            if stream is not None:
                stream.close()
    return code


def query(path, sql, params=()):
    """All rows of `sql` on the file at `path`, through a fresh connection (like a new process)."""
    connection = sqlite3.connect(path, timeout=30)
    try:
        return connection.execute(sql, params).fetchall()
    finally:
        connection.close()


def integrity(path):
    """SQLite's verdict on the file plus foreign keys: [] when sound."""
    rows = [r[0] for r in query(path, "PRAGMA integrity_check")]
    problems = [r for r in rows if r != "ok"]
    problems += [f"foreign key: {r}" for r in query(path, "PRAGMA foreign_key_check")]
    return problems


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def work_directory(name):
    """A fresh folder under the build's temporary area (or /tmp), removed by the caller."""
    return tempfile.mkdtemp(prefix=f"zhizao-faults-{name}-")


def seed_from_environment():
    """ZHIZAO_FAULT_SEED replays a run; otherwise a seed from the clock, printed by the caller."""
    value = os.environ.get("ZHIZAO_FAULT_SEED")
    return int(value) if value else int(time.time() * 1000) % 1_000_000


class Checks:
    """Collects failures so that one run reports all of them, then exits 1 if any."""

    def __init__(self, name, seed):
        self.name = name
        self.seed = seed
        self.failures = []
        print(f"{name}: seed {seed} (replay with ZHIZAO_FAULT_SEED={seed})", flush=True)

    def expect(self, condition, message):
        if not condition:
            self.failures.append(message)
            print(f"FAIL: {message}", flush=True)

    def finish(self):
        if self.failures:
            print(f"{self.name}: {len(self.failures)} failure(s); seed {self.seed}", flush=True)
            sys.exit(1)
        print(f"{self.name}: ok", flush=True)
        sys.exit(0)


def rng(seed):
    return random.Random(seed)
