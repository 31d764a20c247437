#!/usr/bin/python3
"""Load test of `zhizao serve` (issue 6, part 4): wrk against the demo on loopback.

Builds the demo database (or, with --db PATH, copies an existing database and its snapshot into a
temporary folder, so that the original is never written), adds a city user and enterprise users,
starts `zhizao serve` on a free loopback port, logs the users in (cookie + CSRF token), and runs wrk for a bounded time with
bench/load/mix.lua: the dashboard's reads (report, trend, drill-downs, an enterprise's months)
mixed with submissions; the drill-downs are the explain endpoints of key enterprises, divisions,
regions, parks and chains (with --whole-drilldowns also industry and manufacturing, which list
every enterprise). Then checks: no socket errors, every answer 200 (reads) or 201
(accepted submissions), and every accepted submission is in the database. With --publish-every,
a submission is also published (approved twice by an admin) every so often during the run, each
publication checked, the last published value the stored one. Prints requests/s and
p50/p90/p99 latency; with one wrk thread a connection (the default), the client's times per kind
of request (the report, the drill-downs, other reads, submissions; mix.lua); and per endpoint the
server's own time from its access log (count, bytes, p50/p90/p99/max); and writes them as JSON
with --json FILE.

Usage: bench/load/run.py [--zhizao build/zhizao] [--duration 20] [--threads N]
                         [--connections 16] [--json FILE] [--db PATH [--in-place]]
                         [--work-dir DIR]
                         [--publish-every SECONDS] [--whole-drilldowns]
                         [--accept-encoding 'gzip, deflate, br']
Each session's idle deadline falls due for renewal at the run's start, so the run includes the
renewals (one write per session) that a server in service makes every minute.
Exit status 0 when every check holds, 1 otherwise.
"""
import argparse
import gzip
import http.client
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
PERIOD = "2021-04"


def run(binary, *args, stdin=None):
    return subprocess.run([binary, *args], input=stdin, capture_output=True, text=True, check=True).stdout


def start_server(binary, db, work):
    log = open(os.path.join(work, "serve.log"), "w")
    # An empty web root of its own: the server refuses one that holds the database.
    web_root = os.path.join(work, "web")
    os.makedirs(web_root, exist_ok=True)
    # --login-limit 0: the driver logs in a few users at once from 127.0.0.1.
    # --access-log json: one line per answer with the server's own time (per_endpoint below).
    process = subprocess.Popen([binary, "serve", "--db", db, "--port", "0", "--bind", "127.0.0.1",
                                "--web-root", web_root, "--login-limit", "0",
                                "--access-log", "json"],
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
    data = response.read()
    if response.getheader("Content-Encoding") == "gzip":
        data = gzip.decompress(data)
    text = data.decode()
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


def copy_database(source, target):
    """Copies the database at `source` with its snapshot (when there is one) to `target`; a
    copy-on-write clone where the file system allows it. The source must not be open for writing
    (its -wal file is not copied)."""
    if not os.path.isfile(source):
        raise SystemExit(f"no database {source}")
    if os.path.exists(source + "-wal") and os.path.getsize(source + "-wal") > 0:
        raise SystemExit(f"{source} has a write-ahead log: close its writer first")
    for suffix in ("", ".zhizao-snapshot"):
        if suffix == "" or os.path.exists(source + suffix):
            subprocess.run(["cp", "--reflink=auto", source + suffix, target + suffix], check=True)
    # The copy's pages are dirty in the page cache: without this, the first commit's or
    # checkpoint's fsync during the run would write back gigabytes of them and time the copy,
    # not the server (a served database is on disk).
    os.sync()


def optional_rows(db, sql, params=()):
    """The first column of `sql`'s rows; none when the table does not exist (an older schema)."""
    with sqlite3.connect(db) as connection:
        try:
            return [r[0] for r in connection.execute(sql, params).fetchall()]
        except sqlite3.OperationalError:
            return []


def publish_loop(port, stop, publisher, admin, body, interval, published, errors):
    """Every `interval` seconds until `stop`: the publisher submits its month (the value added
    alternately raised by 0.1 % and back, so each publication changes the data) and the admin
    approves it twice (county level, then city level): published. Appends (value_added, seconds
    from submission to publication) to `published`, and what went wrong to `errors`."""
    step = 0
    while not stop.wait(interval):
        step += 1
        submitted = dict(body)
        if step % 2 == 1:
            submitted["value_added"] = round(body["value_added"] * 1.001, 6)
        started = time.time()
        status, answer, _ = call(port, "POST", "/api/submissions", submitted, publisher)
        if status != 201:
            errors.append(f"publisher's submission answered {status}: {answer}")
            continue
        path = f"/api/submissions/{answer['id']}/review"
        for state in ("county_approved", "published"):
            status, answer, _ = call(port, "POST", path, {"decision": "approve"}, admin)
            if status != 200 or answer.get("state") != state:
                errors.append(f"approval to {state} answered {status}: {answer}")
                break
        else:
            published.append((submitted["value_added"], time.time() - started))


def stored_value_added(db, uscc):
    year, month = map(int, PERIOD.split("-"))
    with sqlite3.connect(db) as connection:
        return connection.execute(
            "SELECT value_added FROM monthly WHERE uscc = ? AND year = ? AND month = ?",
            (uscc, year, month)).fetchone()[0]


def endpoint_of(method, path):
    """The endpoint of an access-log path: the codes of drill-downs and enterprises as {code}."""
    path = re.sub(r"^/api/(regions|divisions|parks|chains|enterprises)/[^/]+", r"/api/\1/{code}",
                  path)
    return f"{method} {path}"


def percentile(sorted_values, p):
    """The nearest-rank percentile `p` (0-100) of non-empty `sorted_values`."""
    rank = max(1, -(-len(sorted_values) * p // 100))
    return sorted_values[int(rank) - 1]


def per_endpoint(log_path, offset):
    """Per endpoint, from the server's access log after byte `offset` (the requests of the wrk
    run): count, mean bytes and the server's time (from the request's head read to the last byte
    written; not the time a request waited for a worker) at p50/p90/p99/max, in ms."""
    times = {}
    with open(log_path, "rb") as f:
        f.seek(offset)
        for line in f.read().decode(errors="replace").splitlines():
            if not line.startswith("{"):
                continue
            try:
                entry = json.loads(line)
            except json.JSONDecodeError:
                continue
            if entry.get("event") != "request":
                continue
            key = endpoint_of(entry["method"], entry["path"])
            times.setdefault(key, []).append((entry["ms"], entry["bytes"]))
    out = {}
    for key, rows in sorted(times.items()):
        ms = sorted(r[0] for r in rows)
        out[key] = {"count": len(rows), "bytes_mean": sum(r[1] for r in rows) // len(rows),
                    "p50_ms": percentile(ms, 50), "p90_ms": percentile(ms, 90),
                    "p99_ms": percentile(ms, 99), "max_ms": ms[-1]}
    return out


def count_submissions(db):
    with sqlite3.connect(db) as connection:
        return connection.execute("SELECT count(*) FROM submission").fetchone()[0]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--zhizao", default="build/zhizao")
    parser.add_argument("--duration", type=int, default=20)
    parser.add_argument("--threads", type=int, default=0,
                        help="wrk's threads (default: one per connection, so that each request "
                        "is also timed by kind as the client sees it; fewer threads: only wrk's "
                        "overall times)")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--enterprises", type=int, default=8, help="submitting enterprise users")
    parser.add_argument("--submit-every", type=int, default=8,
                        help="one request in N is a submission (0: reads only)")
    parser.add_argument("--json", help="also write the results here")
    parser.add_argument("--db", help="run against a copy of this database (and its snapshot) "
                        "instead of the demo; the original is not written")
    parser.add_argument("--in-place", action="store_true",
                        help="with --db: run against that database itself, not a copy (users and "
                        "submissions are added to it): for a database deleted afterwards, as "
                        "make bench does with each size's, where a copy would need its size again "
                        "on disk (19.7 GB at 2,000,000 enterprises)")
    parser.add_argument("--work-dir", help="where the temporary folder goes (default: $TMPDIR)")
    parser.add_argument("--whole-drilldowns", action="store_true",
                        help="also read /api/industry and /api/manufacturing (every enterprise)")
    parser.add_argument("--accept-encoding", default="",
                        help="the reads' Accept-Encoding header, e.g. 'gzip, deflate, br' as a "
                        "browser sends it (default: none, every answer uncompressed)")
    parser.add_argument("--publish-every", type=float, default=0,
                        help="also publish a submission (submit, approve twice as admin) every "
                        "this many seconds during the run; 0: none")
    args = parser.parse_args()
    binary = os.path.abspath(args.zhizao)
    if args.in_place and not args.db:
        raise SystemExit("--in-place needs --db")
    if args.threads <= 0:
        args.threads = args.connections
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed (apt-get install wrk; tools/install-deps.sh bench)")

    work = tempfile.mkdtemp(prefix="zhizao-load-", dir=args.work_dir)
    server = None
    try:
        db = os.path.join(work, "demo.db")
        if args.db and args.in_place:
            db = os.path.abspath(args.db)
            # Its pages may still be dirty from the import that wrote it (see copy_database).
            os.sync()
        elif args.db:
            copy_database(args.db, db)
        else:
            run(binary, "demo", "--db", db)
        run(binary, "user", "add", "--db", db, "load-city", "--role", "city",
            stdin="load-city-passw0rd\n")
        with sqlite3.connect(db) as connection:
            usccs = [r[0] for r in connection.execute(
                "SELECT e.uscc FROM enterprise e JOIN monthly m ON m.uscc = e.uscc "
                "WHERE m.year = ? AND m.month = ? AND m.value_added IS NOT NULL "
                "AND m.electricity IS NOT NULL ORDER BY e.uscc LIMIT 1000",
                tuple(map(int, PERIOD.split("-")))).fetchall()]
            regions = [r[0] for r in connection.execute(
                "SELECT DISTINCT region FROM enterprise ORDER BY region LIMIT 4").fetchall()]
            divisions = [r[0] for r in connection.execute(
                "SELECT DISTINCT division FROM enterprise ORDER BY division LIMIT 4").fetchall()]
        parks = optional_rows(db, "SELECT id FROM park ORDER BY id LIMIT 2")
        chains = optional_rows(db, "SELECT id FROM chain ORDER BY id LIMIT 2")
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

        # The publisher: an enterprise of its own (not one of wrk's) and the admin approving.
        publisher = None
        if args.publish_every > 0:
            uscc = next(u for u in usccs[args.enterprises:] if submission_of(db, u) is not None)
            run(binary, "user", "add", "--db", db, "load-publisher", "--role",
                "enterprise:" + uscc, stdin="load-firm-passw0rd\n")
            run(binary, "user", "add", "--db", db, "load-admin", "--role", "admin",
                stdin="load-admin-passw0rd\n")
            headers = []
            for name, password in (("load-publisher", "load-firm-passw0rd"),
                                   ("load-admin", "load-admin-passw0rd")):
                cookie, csrf = login(port, name, password)
                headers.append({"Cookie": "zhizao_session=" + cookie, "X-CSRF-Token": csrf})
            publisher = (uscc, submission_of(db, uscc), headers[0], headers[1])

        # The drill-downs of bounded groups. /api/industry and /api/manufacturing list every
        # enterprise (19 MB at 50,000 enterprises, ten times that nationally): with
        # --whole-drilldowns they join the mix.
        reads = [f"/api/report?period={PERIOD}", f"/api/report?period={PERIOD}&monthly=1",
                 f"/api/trend?period={PERIOD}&months=12", f"/api/key-enterprises?period={PERIOD}",
                 "/api/periods"]
        if args.whole_drilldowns:
            reads += [f"/api/industry?period={PERIOD}", f"/api/manufacturing?period={PERIOD}"]
        reads += [f"/api/regions/{r}?period={PERIOD}" for r in regions]
        reads += [f"/api/divisions/{d}?period={PERIOD}" for d in divisions]
        reads += [f"/api/parks/{p}?period={PERIOD}" for p in parks]
        reads += [f"/api/chains/{c}?period={PERIOD}" for c in chains]
        reads += [f"/api/enterprises/{u}/months" for u in usccs[:4]]
        # Every read must answer 200 before the run: a 404 drill-down would be a planned error.
        # Asked as the run asks (the same Accept-Encoding), so that the run measures answers
        # kept and, when gzip is asked, compressed once (server/answer_cache.h), as a server in
        # service gives them, not the first computation of each.
        warm_headers = {"Cookie": "zhizao_session=" + reader[0]}
        if args.accept_encoding:
            warm_headers["Accept-Encoding"] = args.accept_encoding
        for path in reads:
            status, _, _ = call(port, "GET", path, headers=warm_headers)
            if status != 200:
                raise SystemExit(f"GET {path} answers {status} before the load")
        plan = os.path.join(work, "plan.tsv")
        with open(plan, "w") as f:
            for path in reads:
                f.write(f"read\t{path}\n")
            f.write(f"reader\t{reader[0]}\t{reader[1]}\n")
            for cookie, csrf, body in submitters:
                f.write(f"submit\t{cookie}\t{csrf}\t{json.dumps(body)}\n")

        # Every session's idle deadline is renewed at most once a minute (accounts.h), so a
        # 20 s run after a short warm-up would never see a renewal; at 2,000,000 enterprises the
        # warm-up took long enough that they fell inside the run, and renewals made outside the
        # server's grouped writes stalled it for seconds. Each session is set two minutes short
        # of its renewed deadline (the server's default idle timeout of 30 minutes, which
        # start_server keeps), so the run's first request of each renews it, as in service.
        renew_from = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() + 28 * 60))
        with sqlite3.connect(db) as connection:
            connection.execute("UPDATE session SET expires_at = ? WHERE revoked = 0",
                               (renew_from,))
        before = count_submissions(db)
        env = dict(os.environ, ZHIZAO_LOAD_PLAN=plan,
                   ZHIZAO_LOAD_SUBMIT_EVERY=str(args.submit_every),
                   ZHIZAO_LOAD_ACCEPT_ENCODING=args.accept_encoding,
                   ZHIZAO_LOAD_TIMED="1" if args.threads == args.connections else "0")
        published, publish_errors = [], []
        stop = threading.Event()
        publishing = None
        if publisher is not None:
            publishing = threading.Thread(target=publish_loop, args=(
                port, stop, publisher[2], publisher[3], publisher[1], args.publish_every,
                published, publish_errors))
            publishing.start()
        log_offset = os.path.getsize(os.path.join(work, "serve.log"))
        wrk = subprocess.run(
            ["wrk", "-t", str(args.threads), "-c", str(args.connections), "-d", f"{args.duration}s",
             "--timeout", "10s", "-s", os.path.join(HERE, "mix.lua"), f"http://127.0.0.1:{port}"],
            env=env, capture_output=True, text=True, check=False)
        stop.set()
        if publishing is not None:
            publishing.join()
        # Let answers in flight when wrk stopped finish before counting.
        time.sleep(1)
        after = count_submissions(db)
        line = next((l for l in wrk.stdout.splitlines() if l.startswith("LOAD_RESULT ")), None)
        if line is None:
            raise SystemExit("wrk printed no result:\n" + wrk.stdout + wrk.stderr)
        result = json.loads(line[len("LOAD_RESULT "):])
        result["submissions_in_database"] = after - before
        result["endpoints"] = per_endpoint(os.path.join(work, "serve.log"), log_offset)
        result.update(duration_s=args.duration, threads=args.threads,
                      accept_encoding=args.accept_encoding,
                      connections=args.connections, enterprises=len(submitters),
                      reads=len(reads), published=len(published),
                      publish_seconds_max=max((p[1] for p in published), default=None))

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
        if accepted == 0 and args.submit_every > 0:
            failures.append("no submission was accepted")
        failures += publish_errors
        if publisher is not None:
            if not published:
                failures.append("no submission was published")
            elif stored_value_added(db, publisher[0]) != published[-1][0]:
                failures.append("the last published value added is not the stored one")
        result["ok"] = not failures

        print(f"load: {result['requests']} requests in {result['seconds']:.1f} s, "
              f"{result['requests_per_second']:.0f} requests/s, p50 {result['p50_ms']:.2f} ms, "
              f"p90 {result['p90_ms']:.2f} ms, p99 {result['p99_ms']:.2f} ms, "
              f"max {result['max_ms']:.1f} ms ({args.threads} threads, "
              f"{args.connections} connections)")
        print(f"load: statuses {result['statuses']}; submissions accepted {accepted}, "
              f"in the database {stored}")
        if result.get("client_times"):
            print("load: the client's time per kind of request (ms; wrk, one connection a thread):")
            for kind, t in result["client_times"].items():
                if t["count"] == 0:
                    continue
                print(f"load:   {kind:<36} {t['count']:>6} ×              p50 {t['p50_ms']:8.2f}"
                      f"  p90 {t['p90_ms']:8.2f}  p99 {t['p99_ms']:8.2f}  max {t['max_ms']:8.1f}")
        print("load: the server's time per endpoint (ms; from the access log):")
        for key, e in result["endpoints"].items():
            print(f"load:   {key:<36} {e['count']:>6} × {e['bytes_mean']:>9} B  p50 {e['p50_ms']:8.2f}"
                  f"  p90 {e['p90_ms']:8.2f}  p99 {e['p99_ms']:8.2f}  max {e['max_ms']:8.1f}")
        if publisher is not None:
            print(f"load: {len(published)} submissions published during the run, each within "
                  f"{result['publish_seconds_max'] or 0:.2f} s of its submission")
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
