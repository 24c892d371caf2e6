#!/usr/bin/env python3
"""Kills the server with SIGKILL while saves are under way, restarts it, and checks that no acknowledged save was
lost and the database is consistent.

Four writers save the same SQLite-backed projects through the JSON API as fast as they can (each save based on the
version it last read, so some are refused as stale, as they should be). After a random moment the server is killed
with SIGKILL. On restart every project must be at least at the last version a writer was told was saved, with that
save's text, and `PRAGMA integrity_check` must answer ok.

    python3 scripts/kill_during_save.py [--binary .build/debug/jixiao] [--rounds 3]
"""
import argparse
import json
import os
import random
import signal
import sqlite3
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

import jixiao_server

ROOT = jixiao_server.ROOT


def call(base, method, path, token, body=None):
    request = urllib.request.Request(base + path, method=method, data=json.dumps(body).encode() if body is not None else None)
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.load(response)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/debug/jixiao"))
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--port", type=int, default=8191)
    arguments = parser.parse_args()
    database = os.path.join(tempfile.mkdtemp(), "kill.sqlite")
    base = f"http://127.0.0.1:{arguments.port}"
    server, logins = jixiao_server.start(arguments.binary, arguments.port, database)
    token = call(base, "POST", "/api/session", None, {"login": "admin", "password": logins["admin"]})["token"]
    projects = [p["id"] for p in call(base, "GET", "/api/documents", token)["documents"]]
    acknowledged = {}  # project id → (version, text) of the last save the server answered 200 to
    lock = threading.Lock()

    for round_number in range(1, arguments.rounds + 1):
        stop = threading.Event()
        counts = {"saved": 0, "stale": 0, "cut": 0}

        def writer(number):
            while not stop.is_set():
                project = random.choice(projects)
                try:
                    current = call(base, "GET", f"/api/documents/{project}", token)
                    evaluation = current["evaluation"]
                    text = f"第{round_number}轮 写入者{number} {time.time_ns()}"
                    evaluation["goal"]["actual"] = text
                    saved = call(base, "PUT", f"/api/documents/{project}", token, {"version": current["version"], "evaluation": evaluation})
                    with lock:
                        counts["saved"] += 1
                        if saved["version"] > acknowledged.get(project, (0, ""))[0]:
                            acknowledged[project] = (saved["version"], text)
                except urllib.error.HTTPError as error:
                    with lock:
                        counts["stale" if error.code == 409 else "cut"] += 1
                    if error.code != 409:
                        return
                except (OSError, ValueError):
                    with lock:
                        counts["cut"] += 1
                    return

        threads = [threading.Thread(target=writer, args=(n,)) for n in range(4)]
        for thread in threads:
            thread.start()
        time.sleep(random.uniform(1.0, 3.0))
        server.send_signal(signal.SIGKILL)
        server.wait()
        stop.set()
        for thread in threads:
            thread.join()
        print(f"round {round_number}: killed after {counts['saved']} acknowledged saves ({counts['stale']} refused as stale)")

        connection = sqlite3.connect(database)
        integrity = connection.execute("PRAGMA integrity_check").fetchone()[0]
        connection.close()
        if integrity != "ok":
            sys.exit(f"integrity_check after the kill: {integrity}")
        server, _ = jixiao_server.start(arguments.binary, arguments.port, database)
        call(base, "GET", "/api/documents", token)  # sessions are stored: the token from before the kill still works
        for project, (version, text) in acknowledged.items():
            stored = call(base, "GET", f"/api/documents/{project}", token)
            if stored["version"] < version or (stored["version"] == version and stored["evaluation"]["goal"]["actual"] != text):
                sys.exit(f"project {project}: saved version {version} ({text}) was acknowledged, the store has {stored['version']}")
        print(f"  restarted: integrity ok, all {len(acknowledged)} projects at or past their last acknowledged save")
    server.terminate()
    server.wait()
    print("no acknowledged save lost")


if __name__ == "__main__":
    main()
