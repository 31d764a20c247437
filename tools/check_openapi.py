#!/usr/bin/python3
"""Validates real answers of `zhizao serve` over the demo database against docs/openapi.json.

Usage: check_openapi.py ZHIZAO_BINARY DOCS_OPENAPI_JSON

Creates the demo database and an admin user in a temporary folder, starts the server on a free
port, logs in and sends every GET operation of the description (its sample path, made of the
path parameters' examples, and the required query parameters: period = the server's latest
publishable month), then validates each JSON answer against the response schema the
description gives for its status (JSON Schema 2020-12, components resolved). An answer whose
status the description does not list fails too. Also checks that GET /api/openapi.json is the
file. Exit code 0 when everything validates, 1 otherwise (each failure printed).
"""
import http.client
import json
import os
import re
import subprocess
import sys
import tempfile
import time

import jsonschema

PASSWORD = "password-openapi-1"


def start_server(binary, db):
    server = subprocess.Popen([binary, "serve", "--db", db, "--port", "0"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.time() + 30
    while time.time() < deadline:
        line = server.stderr.readline()
        if not line:
            break
        found = re.search(r"://[^ ]*:(\d+)/", line)
        if found:
            return server, int(found.group(1))
    server.kill()
    sys.exit("check_openapi: the server did not start")


class Client:
    def __init__(self, port):
        self.port = port
        self.cookie = ""

    def request(self, method, path, body=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        headers = {"Host": "127.0.0.1"}
        if self.cookie:
            headers["Cookie"] = self.cookie
        if body is not None:
            headers["Content-Type"] = "application/json"
            body = json.dumps(body)
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        data = response.read()
        cookie = response.getheader("Set-Cookie") or ""
        if cookie.startswith("zhizao_session="):
            self.cookie = cookie.split(";")[0]
        connection.close()
        return response.status, response.getheader("Content-Type") or "", data


def sample_path(path, operation, item, document):
    def example(match):
        for parameter in operation.get("parameters", []) + item.get("parameters", []):
            parameter = resolve(document, parameter)
            if parameter.get("in") == "path" and parameter.get("name") == match.group(1):
                return str(parameter["example"])
        raise KeyError(match.group(1))
    return re.sub(r"\{([^}]+)\}", example, path)


def resolve(document, node):
    if isinstance(node, dict) and "$ref" in node:
        target = document
        for part in node["$ref"][2:].split("/"):
            target = target[part]
        return target
    return node


def query_of(operation, document, latest):
    query = []
    for parameter in operation.get("parameters", []):
        parameter = resolve(document, parameter)
        if parameter.get("in") != "query" or not parameter.get("required"):
            continue
        if parameter["name"] == "period":
            query.append("period=" + latest)
        elif "enum" in parameter.get("schema", {}):
            query.append(parameter["name"] + "=" + parameter["schema"]["enum"][0])
        elif "example" in parameter:
            query.append(parameter["name"] + "=" + str(parameter["example"]))
    return ("?" + "&".join(query)) if query else ""


def main():
    binary, description = sys.argv[1], sys.argv[2]
    with open(description, encoding="utf-8") as handle:
        document = json.load(handle)
    failures = []
    with tempfile.TemporaryDirectory() as folder:
        db = os.path.join(folder, "demo.db")
        subprocess.run([binary, "demo", "--db", db], check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        subprocess.run([binary, "user", "add", "--db", db, "checker", "--role", "admin"],
                       input=PASSWORD + "\n", text=True, check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        server, port = start_server(binary, db)
        try:
            client = Client(port)
            status, _, data = client.request("POST", "/api/login",
                                             {"name": "checker", "password": PASSWORD})
            if status != 200:
                sys.exit("check_openapi: login failed: %d %s" % (status, data[:200]))
            _, _, data = client.request("GET", "/api/openapi.json")
            if json.loads(data) != document:
                failures.append("GET /api/openapi.json is not " + description)
            _, _, data = client.request("GET", "/api/periods")
            latest = json.loads(data)["latest"]
            checked = 0
            for path, item in document["paths"].items():
                operation = item.get("get")
                if operation is None:
                    continue
                target = sample_path(path, operation, item, document) + query_of(
                    operation, document, latest)
                status, ctype, data = client.request("GET", target)
                responses = operation["responses"]
                answer = responses.get(str(status))
                if answer is None:
                    failures.append("GET %s: status %d is not described" % (target, status))
                    continue
                answer = resolve(document, answer)
                content = answer.get("content", {})
                if "application/json" not in content:
                    continue  # a file (report/document) or no body
                if not ctype.startswith("application/json"):
                    failures.append("GET %s: %s, not JSON" % (target, ctype))
                    continue
                schema = dict(content["application/json"]["schema"])
                schema["components"] = document["components"]
                schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
                validator = jsonschema.Draft202012Validator(schema)
                errors = list(validator.iter_errors(json.loads(data)))
                for error in errors[:5]:
                    failures.append("GET %s (%d): %s at %s" % (
                        target, status, error.message[:200], "/".join(map(str, error.path))))
                checked += 1
                print("GET %s → %d %s" % (target, status, "ok" if not errors else "INVALID"))
        finally:
            server.terminate()
            server.wait(timeout=30)
    for failure in failures:
        print("check_openapi: " + failure, file=sys.stderr)
    print("check_openapi: %d answers validated, %d failures" % (checked, len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
