#!/usr/bin/python3
"""Load test of `zhizao serve` (issue 6, part 4): wrk against the demo on loopback.

Builds the demo database, adds a city user and enterprise users, starts `zhizao serve` on a free
loopback port, logs the users in (cookie + CSRF token), and runs wrk for a bounded time with
bench/load/mix.lua: the dashboard's reads (report, trend, drill-downs, an enterprise's months)
mixed with submissions. Then checks: no socket errors, every answer 200 (reads) or 201
(accepted submissions), and every accepted submission is in the database. Prints requests/s and
p50/p90/p99 latency, and writes them as JSON with --json FILE.

Usage: bench/load/run.py [--zhizao build/zhizao] [--duration 20] [--threads 2]
                         [--connections 16] [--json FILE]
Exit status 0 when every check holds, 1 otherwise.
"""
import argparse
import http.client
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
PERIOD = "2021-04"


def run(binary, *args, stdin=None):
    return subprocess.run([binary, *args], input=stdin, capture_output=True, text=True, check=True).stdout


def start_server(binary, db, work):
    log = open(os.path.join(work, "serve.log"), "w")
    # --login-limit 0: the driver logs in a few users at once from 127.0.0.1.
    process = subprocess.Popen([binary, "serve", "--db", db, "--port", "0", "--bind", "127.0.0.1",
                                "--web-root", work, "--login-limit", "0"],
                               stdout=log, stderr=log)
    deadline = time.time() + 60
    while time.time() < deadline:
        with open(log.name) as f:
            match = re.search(r"http://127\.0\.0\.1:(\d+)/", f.read())
        if match:
            return process, int(match.group(1))
        if process.poll() is not None:
            break
        time.sleep(0.1)
    process.kill()
    raise SystemExit("zhizao serve did not start: " + open(log.name).read())


def call(port, method, path, body=None, headers=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    all_headers = dict(headers or {})
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        all_headers["Content-Type"] = "application/json"
    connection.request(method, path, body=data, headers=all_headers)
    response = connection.getresponse()
    text = response.read().decode()
    cookie = response.getheader("Set-Cookie") or ""
    connection.close()
    return response.status, (json.loads(text) if text else None), cookie


def login(port, name, password):
    status, body, cookie = call(port, "POST", "/api/login", {"name": name, "password": password})
    if status != 200:
        raise SystemExit(f"login of {name} failed: {status} {body}")
    token = cookie.split(";")[0].split("=", 1)[1]
    return token, body["csrf_token"]


def submission_of(db, uscc):
    """The enterprise's own published record of PERIOD, resubmitted: figures that pass the rules."""
    year, month = map(int, PERIOD.split("-"))
    with sqlite3.connect(db) as connection:
        row = connection.execute(
            "SELECT output, value_added, electricity, output_prev, value_added_prev, "
            "electricity_prev, in_scope FROM monthly WHERE uscc = ? AND year = ? AND month = ?",
            (uscc, year, month)).fetchone()
    if row is None:
        return None
    keys = ["output", "value_added", "electricity", "output_prev", "value_added_prev",
            "electricity_prev"]
    body = {"uscc": uscc, "period": PERIOD}
    body.update({k: v for k, v in zip(keys, row) if v is not None})
    body["in_scope"] = bool(row[6])
    return body


def count_submissions(db):
    with sqlite3.connect(db) as connection:
        return connection.execute("SELECT count(*) FROM submission").fetchone()[0]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--zhizao", default="build/zhizao")
    parser.add_argument("--duration", type=int, default=20)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--enterprises", type=int, default=8, help="submitting enterprise users")
    parser.add_argument("--submit-every", type=int, default=8,
                        help="one request in N is a submission")
    parser.add_argument("--json", help="also write the results here")
    args = parser.parse_args()
    binary = os.path.abspath(args.zhizao)
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed (apt-get install wrk; tools/install-deps.sh bench)")

    work = tempfile.mkdtemp(prefix="zhizao-load-")
    server = None
    try:
        db = os.path.join(work, "demo.db")
        run(binary, "demo", "--db", db)
        run(binary, "user", "add", "--db", db, "load-city", "--role", "city",
            stdin="load-city-passw0rd\n")
        with sqlite3.connect(db) as connection:
            usccs = [r[0] for r in connection.execute(
                "SELECT e.uscc FROM enterprise e JOIN monthly m ON m.uscc = e.uscc "
                "WHERE m.year = ? AND m.month = ? AND m.value_added IS NOT NULL "
                "AND m.electricity IS NOT NULL ORDER BY e.uscc",
                tuple(map(int, PERIOD.split("-")))).fetchall()]
            regions = [r[0] for r in connection.execute(
                "SELECT DISTINCT region FROM enterprise ORDER BY region LIMIT 4").fetchall()]
            divisions = [r[0] for r in connection.execute(
                "SELECT DISTINCT division FROM enterprise ORDER BY division LIMIT 4").fetchall()]
        server, port = start_server(binary, db, work)
        reader = login(port, "load-city", "load-city-passw0rd")

        # Enterprise users whose resubmitted record passes the rules (a trial submission each).
        submitters = []
        for uscc in usccs:
            if len(submitters) == args.enterprises:
                break
            body = submission_of(db, uscc)
            name = "load-" + uscc.lower()
            run(binary, "user", "add", "--db", db, name, "--role", "enterprise:" + uscc,
                stdin="load-firm-passw0rd\n")
            cookie, csrf = login(port, name, "load-firm-passw0rd")
            status, answer, _ = call(port, "POST", "/api/submissions", body,
                                     {"Cookie": "zhizao_session=" + cookie, "X-CSRF-Token": csrf})
            if status == 201:
                submitters.append((cookie, csrf, body))
        if not submitters:
            raise SystemExit("no demo enterprise's record passes the submission rules")

        reads = [f"/api/report?period={PERIOD}", f"/api/report?period={PERIOD}&monthly=1",
                 f"/api/trend?period={PERIOD}&months=12", f"/api/industry?period={PERIOD}",
                 f"/api/key-enterprises?period={PERIOD}", "/api/periods"]
        reads += [f"/api/regions/{r}?period={PERIOD}" for r in regions]
        reads += [f"/api/divisions/{d}?period={PERIOD}" for d in divisions]
        reads += [f"/api/enterprises/{u}/months" for u in usccs[:4]]
        # Every read must answer 200 before the run: a 404 drill-down would be a planned error.
        for path in reads:
            status, _, _ = call(port, "GET", path, headers={"Cookie": "zhizao_session=" + reader[0]})
            if status != 200:
                raise SystemExit(f"GET {path} answers {status} before the load")
        plan = os.path.join(work, "plan.tsv")
        with open(plan, "w") as f:
            for path in reads:
                f.write(f"read\t{path}\n")
            f.write(f"reader\t{reader[0]}\t{reader[1]}\n")
            for cookie, csrf, body in submitters:
                f.write(f"submit\t{cookie}\t{csrf}\t{json.dumps(body)}\n")

        before = count_submissions(db)
        env = dict(os.environ, ZHIZAO_LOAD_PLAN=plan,
                   ZHIZAO_LOAD_SUBMIT_EVERY=str(args.submit_every))
        wrk = subprocess.run(
            ["wrk", "-t", str(args.threads), "-c", str(args.connections), "-d", f"{args.duration}s",
             "--timeout", "10s", "-s", os.path.join(HERE, "mix.lua"), f"http://127.0.0.1:{port}"],
            env=env, capture_output=True, text=True, check=False)
        # Let answers in flight when wrk stopped finish before counting.
        time.sleep(1)
        after = count_submissions(db)
        line = next((l for l in wrk.stdout.splitlines() if l.startswith("LOAD_RESULT ")), None)
        if line is None:
            raise SystemExit("wrk printed no result:\n" + wrk.stdout + wrk.stderr)
        result = json.loads(line[len("LOAD_RESULT "):])
        result["submissions_in_database"] = after - before
        result.update(duration_s=args.duration, threads=args.threads,
                      connections=args.connections, enterprises=len(submitters),
                      reads=len(reads))

        failures = []
        if any(result["socket_errors"].values()):
            failures.append(f"socket errors {result['socket_errors']}")
        unplanned = {s: n for s, n in result["statuses"].items() if s not in ("200", "201")}
        if unplanned or result["non_2xx"]:
            failures.append(f"answers other than 200/201: {unplanned}")
        # Accepted means in the database; requests cut off when wrk stopped may add a few more.
        stored, accepted = result["submissions_in_database"], result["submissions_accepted"]
        if not accepted <= stored <= accepted + args.connections:
            failures.append(f"{accepted} submissions accepted but {stored} in the database")
        if accepted == 0:
            failures.append("no submission was accepted")
        result["ok"] = not failures

        print(f"load: {result['requests']} requests in {result['seconds']:.1f} s, "
              f"{result['requests_per_second']:.0f} requests/s, p50 {result['p50_ms']:.2f} ms, "
              f"p90 {result['p90_ms']:.2f} ms, p99 {result['p99_ms']:.2f} ms, "
              f"max {result['max_ms']:.1f} ms ({args.threads} threads, "
              f"{args.connections} connections)")
        print(f"load: statuses {result['statuses']}; submissions accepted {accepted}, "
              f"in the database {stored}")
        if args.json:
            with open(args.json, "w") as f:
                json.dump(result, f, indent=2)
                f.write("\n")
        for failure in failures:
            print("load: FAILED: " + failure, file=sys.stderr)
        return 0 if not failures else 1
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
