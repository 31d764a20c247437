#!/usr/bin/python3
"""Kill test of submissions through `zhizao serve` (issue 6, part 2).

An enterprise user posts submissions (联网直报) in a loop while the server is SIGKILLed at random
moments and restarted, several rounds. Each request carries a unique marker (its electricity
figure). After every kill the file must pass PRAGMA integrity_check and foreign_key_check, every
submission answered 2xx must be stored exactly once under the id the answer gave, and none may be
half-written: each has its creation event and its audit row, and a (USCC, month) has at most one
pending submission (a newer one supersedes the older in the same transaction).

Usage: server_kill.py ZHIZAO [--rounds N]; ZHIZAO_FAULT_SEED=S replays a run.
"""

import argparse
import http.client
import json
import os
import shutil
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fault_support as fs  # noqa: E402

PASSWORD = "fault-test-passw0rd"
SOFT_RULES = ["value_added_ratio_band", "output_yoy_band", "electricity_against_output"]


class Client:
    """HTTP/1.1 to the server on `port`, one connection per request (as a browser tab may)."""

    def __init__(self, port):
        self.port = port
        self.cookie = ""
        self.csrf = ""

    def request(self, method, path, body=None, timeout=10):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            headers = {"Content-Type": "application/json"}
            if self.cookie:
                headers["Cookie"] = self.cookie
            if self.csrf:
                headers["X-CSRF-Token"] = self.csrf
            connection.request(method, path, body=None if body is None else json.dumps(body),
                               headers=headers)
            response = connection.getresponse()
            return response.status, response.getheader("Set-Cookie") or "", response.read()
        finally:
            connection.close()

    def login(self, name):
        status, cookie, body = self.request("POST", "/api/login",
                                            {"name": name, "password": PASSWORD})
        if status != 200:
            raise AssertionError(f"login answered {status}: {body!r}")
        self.cookie = cookie.split(";")[0]
        # The CSRF token (docs/security.md) is derived from the session, so it survives restarts.
        self.csrf = json.loads(body).get("csrf_token", "")


def wait_for_health(client, server, deadline_seconds=60):
    until = time.monotonic() + deadline_seconds
    while time.monotonic() < until:
        if server.poll() is not None:
            raise AssertionError(f"zhizao serve exited with {server.returncode}")
        try:
            if client.request("GET", "/api/health", timeout=2)[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.05)
    raise AssertionError("zhizao serve did not answer /api/health")


def submission(uscc, marker):
    return {"uscc": uscc, "period": "2021-04", "output": 1000, "value_added": 300,
            "electricity": 50 + marker / 1000, "in_scope": 1,
            "explanations": {rule: f"故障测试 {marker}" for rule in SOFT_RULES}}


def submit_until_dead(client, uscc, first_marker, answers, stop):
    """Posts submissions until a request fails (the server died) or `stop` is set."""
    marker = first_marker
    while not stop.is_set():
        try:
            status, _, body = client.request("POST", "/api/submissions", submission(uscc, marker))
        except (OSError, http.client.HTTPException):
            answers.append((marker, None, None))
            return
        answer_id = json.loads(body).get("id") if 200 <= status < 300 else None
        answers.append((marker, status, answer_id))
        marker += 1


def start_posting(client, server, poster):
    """Waits until `server` answers, logs in on the first round (the session is stored in the
    database, so it outlives the kills), then starts `poster`."""
    wait_for_health(client, server)
    if not client.cookie:
        client.login("firm")
    poster.start()


def marker_of(record_json):
    return round((json.loads(record_json)["electricity"] - 50) * 1000)


def check_file(db, acknowledged, label, checks):
    problems = fs.integrity(db)
    checks.expect(not problems, f"{label}: damaged: {problems[:3]}")
    stored = {}
    for submission_id, record in fs.query(db, "SELECT id, record FROM submission"):
        stored.setdefault(marker_of(record), []).append(submission_id)
    for marker, ids in stored.items():
        checks.expect(len(ids) == 1, f"{label}: marker {marker} stored {len(ids)} times: {ids}")
    for marker, answer_id in acknowledged.items():
        checks.expect(stored.get(marker) == [answer_id],
                      f"{label}: submission {marker} was answered id {answer_id}, stored as "
                      f"{stored.get(marker)}")
    half = fs.query(db, """
        SELECT s.id,
               (SELECT count(*) FROM submission_event e
                WHERE e.submission_id = s.id AND e.from_state = '' AND e.to_state = 'submitted'),
               (SELECT count(*) FROM audit_log a
                WHERE a.action = 'submission.create' AND a.target = CAST(s.id AS TEXT))
        FROM submission s""")
    for submission_id, events, audits in half:
        checks.expect(events == 1 and audits == 1,
                      f"{label}: submission {submission_id} has {events} creation events and "
                      f"{audits} audit rows")
    orphans = fs.query(db, """SELECT count(*) FROM audit_log WHERE action = 'submission.create'
                              AND CAST(target AS INTEGER) NOT IN (SELECT id FROM submission)""")
    checks.expect(orphans[0][0] == 0, f"{label}: {orphans[0][0]} audit rows without submission")
    pending = fs.query(db, """SELECT count(*) FROM submission
                              WHERE state IN ('submitted', 'county_approved')
                              GROUP BY uscc, year, month HAVING count(*) > 1""")
    checks.expect(not pending, f"{label}: several pending submissions for one month: {pending}")
    return sum(len(ids) for ids in stored.values())


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("zhizao")
    parser.add_argument("--rounds", type=int, default=8)
    args = parser.parse_args()
    seed = fs.seed_from_environment()
    checks = fs.Checks("server_kill", seed)
    rng = fs.rng(seed)
    zhizao = fs.Zhizao(args.zhizao)
    work = fs.work_directory("server")
    try:
        db = os.path.join(work, "city.db")
        enterprises = os.path.join(work, "enterprises.csv")
        monthly = os.path.join(work, "monthly.csv")
        fs.write_enterprises(enterprises, 20)
        fs.write_monthly(monthly, 20, fs.months_of(2020, 1, 12) + fs.months_of(2021, 1, 3), 900)
        zhizao.run("import", "--db", db, "-q", enterprises, monthly)
        uscc = fs.uscc(0)
        zhizao.run("user", "add", "--db", db, "firm", "--role", f"enterprise:{uscc}",
                   input_text=PASSWORD + "\n")
        web_root = os.path.join(work, "web")
        os.mkdir(web_root)

        acknowledged = {}
        marker = 0
        client = Client(0)
        for round_number in range(1, args.rounds + 1):
            client.port = fs.free_port()
            answers = []
            stop = threading.Event()
            poster = threading.Thread(target=submit_until_dead,
                                      args=(client, uscc, marker, answers, stop))
            delay = rng.uniform(0.05, 0.6)
            fs.run_and_kill(zhizao, ["serve", "--db", db, "--bind", "127.0.0.1", "--port",
                                     str(client.port), "--web-root", web_root], delay,
                            while_running=lambda server: start_posting(client, server, poster))
            stop.set()
            poster.join()
            for answered_marker, status, answer_id in answers:
                if answer_id is not None:
                    acknowledged[answered_marker] = answer_id
                checks.expect(status is None or status in (201, 429),
                              f"round {round_number}: submission {answered_marker} answered "
                              f"{status}")
            marker += len(answers)
            stored = check_file(db, acknowledged, f"round {round_number}", checks)
            print(f"round {round_number}: killed after {delay:.3f} s; {len(answers)} requests, "
                  f"{len(acknowledged)} acknowledged so far, {stored} stored", flush=True)
        checks.expect(len(acknowledged) >= args.rounds,
                      f"too few submissions acknowledged to mean anything: {len(acknowledged)}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    checks.finish()


if __name__ == "__main__":
    main()
