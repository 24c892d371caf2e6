"""`jixiao serve` for the scripts that drive it (the browser walk-through, the kill test)."""
import os
import re
import subprocess
import sys
import threading
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


UNITS = {}


def login_of(role_prefix, unit):
    """The login of `role_prefix` ("unit", "finance", "clerk", "deputy") for `unit`, from the logins printed."""
    for login, name in UNITS.items():
        if login.startswith(role_prefix) and login[len(role_prefix):].isdigit() and name == unit:
            return login
    sys.exit(f"no {role_prefix} login for {unit} among {sorted(UNITS)}")


def start(binary, port, database):
    """Starts the server on a SQLite file with the example units; returns it with the logins it printed on first
    start ({login: password}, empty when the database already had users). Its output is drained in the background
    so a long log never blocks it. The unit of each login is in `UNITS` afterwards."""
    server = subprocess.Popen(
        [binary, "serve", "--port", str(port), "--database", database, "--examples", os.path.join(ROOT, "docs/examples")],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    logins = {}
    for line in server.stdout:
        match = re.match(r"\s+(\S+)\t(\S+)\t[^\t]*\t?(.*)$", line)
        if match:
            logins[match.group(1)] = match.group(2)
            UNITS[match.group(1)] = match.group(3).strip()
        if "已启动" in line:
            break
    threading.Thread(target=server.stdout.read, daemon=True).start()
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/login", timeout=2)
            return server, logins
        except OSError:
            time.sleep(0.2)
    server.kill()
    sys.exit(f"the server did not answer on port {port}")
