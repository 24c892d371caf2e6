#!/usr/bin/env python3
"""Replays the attack report of issue [5] against a running `jixiao serve` (the release build by default) and checks
that each row is answered quickly and clearly and that the server goes on serving.

Every row sends what a hostile user sent; each must be answered within its time bound with the status and the words
the fix gives, and after each row a static file must still answer at once. The server's peak memory is read from
/proc at the end. Prints one line a row and exits 1 if any row fails.

    python3 scripts/attack_replay.py [--binary .build/release/jixiao] [--port 8193]
"""
import argparse
import concurrent.futures
import http.cookiejar
import io
import json
import os
import re
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
import zipfile

import jixiao_server

ROOT = jixiao_server.ROOT
SEED_XLSX = os.path.join(os.path.dirname(ROOT), "shared", "fixtures", "seed004-self-evaluation.xlsx")


class Answer:
    def __init__(self, status, headers, body, seconds):
        self.status, self.headers, self.body, self.seconds = status, headers, body, seconds

    @property
    def text(self):
        return self.body.decode("utf-8", "replace")


class Client:
    """A browser's part: cookies, the CSRF token of the last page, forms, uploads and JSON."""

    def __init__(self, base):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect())
        self.csrf = ""
        self.token = None

    def send(self, method, path, body=None, headers=None, timeout=60):
        request = urllib.request.Request(self.base + path, method=method, data=body, headers=headers or {})
        if self.token:
            request.add_header("Authorization", "Bearer " + self.token)
        started = time.monotonic()
        try:
            with self.opener.open(request, timeout=timeout) as response:
                return Answer(response.status, response.headers, response.read(), time.monotonic() - started)
        except urllib.error.HTTPError as error:
            return Answer(error.code, error.headers, error.read(), time.monotonic() - started)
        except OSError as error:  # no answer in time, or the server is gone: status 0, and the row fails
            return Answer(0, {}, str(error).encode(), time.monotonic() - started)

    def get(self, path, **options):
        answer = self.send("GET", path, **options)
        token = re.search(r'name="_csrf" value="([0-9a-f]*)"', answer.text)
        if token and token.group(1):
            self.csrf = token.group(1)
        return answer

    def post(self, path, fields, **options):
        fields = dict(fields)
        fields.setdefault("_csrf", self.csrf)
        body = urllib.parse.urlencode(fields).encode()
        return self.send("POST", path, body, {"Content-Type": "application/x-www-form-urlencoded"}, **options)

    def upload(self, path, data, name, **options):
        boundary = "----jixiao-replay"
        body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n{self.csrf}\r\n"
                f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\n"
                "Content-Type: application/octet-stream\r\n\r\n").encode() + data + f"\r\n--{boundary}--\r\n".encode()
        return self.send("POST", path, body, {"Content-Type": f"multipart/form-data; boundary={boundary}"}, **options)

    def json(self, method, path, value, **options):
        return self.send(method, path, json.dumps(value).encode(), {"Content-Type": "application/json"}, **options)

    def sign_in(self, login, password):
        self.get("/login")
        login_token = next((c.value for c in self.jar if c.name == "jixiao_login_csrf"), "")
        answer = self.post("/login", {"_csrf": login_token, "login": login, "password": password})
        self.get("/documents")
        return answer


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def editor_fields(html):
    fields = {}
    for match in re.finditer(r'<input (?:type="hidden" )?name="([^"]+)" value="([^"]*)"|<textarea name="([^"]+)"[^>]*>([^<]*)</textarea>', html):
        name, value = (match.group(1), match.group(2)) if match.group(1) else (match.group(3), match.group(4))
        fields[name] = (value.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
                        .replace("&#39;", "'").replace("&amp;", "&"))
    return fields


def rewrite_xlsx(change):
    """The seed's 自评表 with its first sheet's XML changed by `change` (bytes → bytes)."""
    source = zipfile.ZipFile(SEED_XLSX)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = change(data)
            target.writestr(item.filename, data)
    return out.getvalue()


def tiny_cells_xlsx():
    """A small upload whose sheet expands to about 95 MiB of tiny cells."""
    rows = []
    size = 0
    row = 1
    while size < 95 << 20:
        cells = "".join(f'<c r="{column}{row}"><v>1</v></c>' for column in ("A", "B", "C", "D", "E", "F", "G", "H"))
        line = f'<row r="{row}">{cells}</row>'
        rows.append(line)
        size += len(line)
        row += 1
    sheet = ('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
             + "".join(rows) + "</sheetData></worksheet>").encode()
    return rewrite_xlsx(lambda _: sheet)


class Replay:
    def __init__(self, base, logins, server):
        self.base, self.logins, self.server = base, logins, server
        self.passed = 0
        self.failed = 0

    def check(self, row, what, ok, detail):
        alive = Client(self.base).send("GET", "/static/site.css", timeout=5)
        still = alive.status == 200 and alive.seconds < 1 and self.server.poll() is None
        if ok and still:
            self.passed += 1
        else:
            self.failed += 1
        mark = "ok" if ok and still else "FAILED"
        print(f"{row:>2} | {mark:<6} | {what} | {detail} | static file {alive.seconds * 1000:.0f} ms", flush=True)

    def unit_with_project(self, agency_word):
        for login, password in self.logins.items():
            if not login.startswith("unit"):
                continue
            client = Client(self.base)
            client.sign_in(login, password)
            listing = client.get("/documents").text
            ids = re.findall(r'href="/documents/([0-9A-F-]{36})"', listing)
            if ids and agency_word in listing:
                return client, login, ids[0]
        sys.exit(f"no unit of {agency_word} among {list(self.logins)}")

    def run(self):
        # Every session is opened first: row 8 throttles sign-in from this address, as it should.
        admin = Client(self.base)
        admin.sign_in("admin", self.logins["admin"])
        unit, unit_login, project = self.unit_with_project("芦淞区")
        page = f"/documents/{project}"
        viewer = Client(self.base)
        viewer.sign_in("reviewer", self.logins["reviewer"])
        api = Client(self.base)
        api.token = json.loads(api.json("POST", "/api/session", {"login": "admin", "password": self.logins["admin"]}).body)["token"]

        # 1: paging overflow
        answers = [Client(self.base).send("GET", "/api/public/documents?page=9223372036854775807"),
                   admin.get("/overview?page=9223372036854775807"),
                   api.send("GET", "/api/documents?page=9223372036854775807")]
        self.check(1, "page=9223372036854775807 (public API, overview, API)",
                   all(a.status == 400 and "应为" in a.text and a.seconds < 2 for a in answers),
                   ", ".join(f"{a.status} in {a.seconds * 1000:.0f} ms" for a in answers))

        # 2 and 3: numbers of any size in the preview, the save and an imported cell
        fields = editor_fields(unit.get(page).text)
        answers = []
        for field, value in [("c0.g0.r0.weight", "1e40"), ("c0.g0.r0.weight", "1e39"), ("c0.g0.r0.score", "1e309")]:
            answers.append(unit.post(page + "/preview", {**fields, field: value}, timeout=10))
        self.check(2, "preview with weight 1e40 / 1e39, score 1e309",
                   all(a.status == 422 and "超出可处理的范围" in a.text and a.seconds < 2 for a in answers),
                   ", ".join(f"{a.status} in {a.seconds * 1000:.0f} ms" for a in answers))
        saved = unit.post(page, {**fields, "c0.g0.r0.weight": "1e40"}, timeout=10)
        huge = rewrite_xlsx(lambda xml: re.sub(rb'<c r="G(\d+)"([^>]*)><v>[0-9.]+</v>', rb'<c r="G\1"\2><v>1E+40</v>', xml))
        imported = unit.upload("/documents/import", huge, "huge.xlsx", timeout=10)
        self.check(3, "save weight 1e40; import a cell <v>1E+40</v>",
                   saved.status == 422 and imported.status == 422 and "超出可处理的范围" in imported.text
                   and max(saved.seconds, imported.seconds) < 2,
                   f"save {saved.status}, import {imported.status} in {imported.seconds * 1000:.0f} ms: {message(imported)}")

        # 4: one cell at XFD1048576
        far = rewrite_xlsx(lambda xml: xml.replace(
            b"</sheetData>", b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'))
        answer = unit.upload("/documents/import", far, "far.xlsx", timeout=30)
        self.check(4, "import with a cell at XFD1048576", answer.status in (303, 403) and answer.seconds < 3,
                   f"{answer.status} in {answer.seconds * 1000:.0f} ms: {message(answer)}")

        # 5: merges over the whole width
        merges = b"<mergeCells count=\"16\">" + b'<mergeCell ref="A1:XFD61"/>' * 16 + b"</mergeCells>"
        wide = rewrite_xlsx(lambda xml: re.sub(rb"<mergeCells.*?</mergeCells>", b"", xml).replace(b"</sheetData>", b"</sheetData>" + merges))
        answer = unit.upload("/documents/import", wide, "merges.xlsx", timeout=30)
        self.check(5, "import with 16 merges A:XFD of 61 rows", answer.status == 422 and answer.seconds < 3,
                   f"{answer.status} in {answer.seconds * 1000:.0f} ms: {message(answer)}")

        # 6: a small upload that expands to 95 MiB of tiny cells
        small = tiny_cells_xlsx()
        answer = unit.upload("/documents/import", small, "tiny-cells.xlsx", timeout=60)
        self.check(6, f"import of {len(small) >> 10} KiB expanding to 95 MiB of cells", answer.status in (413, 422) and answer.seconds < 5,
                   f"{answer.status} in {answer.seconds * 1000:.0f} ms: {message(answer)}")

        # 7: a text that looks like the old token marker
        fields = editor_fields(unit.get(page).text)
        unit.post(page, {**fields, "c0.g0.r0.name": "<csrf/>"})
        seen = editor_fields(viewer.get(page).text)
        again = editor_fields(unit.get(page).text)
        self.check(7, "indicator named <csrf/>, then another user opens the page",
                   seen.get("c0.g0.r0.name") == "<csrf/>" and again.get("c0.g0.r0.name") == "<csrf/>",
                   f"reviewer reads {seen.get('c0.g0.r0.name')!r}, the unit reads {again.get('c0.g0.r0.name')!r}")

        # 8: 200 wrong passwords, 4 in parallel, while a page is timed
        def wrong(_):
            return Client(self.base).json("POST", "/api/session", {"login": unit_login, "password": "wrong-password-123"}, timeout=30)
        with concurrent.futures.ThreadPoolExecutor(4) as pool:
            started = time.monotonic()
            attempts = list(pool.map(wrong, range(200)))
            spent = time.monotonic() - started
        statuses = sorted({a.status for a in attempts})
        throttled = sum(1 for a in attempts if a.status == 429)
        timed = unit.get(page)
        self.check(8, "200 wrong passwords for one account, 4 in parallel",
                   throttled >= 190 and timed.status == 200 and timed.seconds < 0.5,
                   f"statuses {statuses}, {throttled} throttled, {spent:.1f} s in all; the project page in {timed.seconds * 1000:.0f} ms")

        # 9: 8 anonymous PDF downloads of a published report at once
        unit.get(page)
        unit.post(page + "/submit", {})
        admin.get(page)
        admin.post(page + "/approve", {})
        admin.post(page + "/publish", {})
        def download(_):
            return Client(self.base).send("GET", f"/public/{project}/report.pdf", timeout=180)
        with concurrent.futures.ThreadPoolExecutor(8) as pool:
            futures = [pool.submit(download, i) for i in range(8)]
            time.sleep(0.5)
            static = Client(self.base).send("GET", "/static/site.css", timeout=10)
            pdfs = [f.result() for f in futures]
        again = download(0)
        self.check(9, "8 anonymous report.pdf at once, then one more",
                   all(p.status == 200 and p.body.startswith(b"%PDF") for p in pdfs + [again]) and static.seconds < 0.5 and again.seconds < 1,
                   f"statuses {sorted({p.status for p in pdfs})}, slowest {max(p.seconds for p in pdfs):.1f} s, "
                   f"static file meanwhile {static.seconds * 1000:.0f} ms, the next one {again.seconds * 1000:.0f} ms")

        # 10: U+FFFF in a project name through the API
        evaluation = json.loads(api.send("GET", f"/api/documents/{project}").body)["evaluation"]
        evaluation["project"] = "名称\uffff"
        answer = api.json("POST", "/api/documents", evaluation)
        export = admin.get("/overview.xlsx")
        well_formed = zipfile.ZipFile(io.BytesIO(export.body)).testzip() is None if export.status == 200 else False
        self.check(10, "project name with U+FFFF through the API; the overview export",
                   answer.status == 422 and "不可用的字符" in answer.text and well_formed,
                   f"API {answer.status}: {message(answer)}; overview.xlsx {export.status}")

        # 11: a UTF-16 sheet with a DOCTYPE and an external entity
        def utf16(xml):
            text = xml.decode("utf-8")
            text = text.replace("<worksheet", '<!DOCTYPE worksheet [<!ENTITY x SYSTEM "file:///etc/passwd">]><worksheet', 1)
            text = text.replace("株洲市芦淞区应急管理局", "株洲市&x;芦淞区应急管理局", 1)
            return ('<?xml version="1.0" encoding="UTF-16"?>' + text).encode("utf-16")
        answer = unit.upload("/documents/import", rewrite_xlsx(utf16), "utf16.xlsx", timeout=10)
        self.check(11, "sheet1.xml in UTF-16 with a DOCTYPE and an external entity",
                   answer.status == 422 and ("DTD" in answer.text or "实体" in answer.text),
                   f"{answer.status}: {message(answer)}")

        # 12: a 60,000-character search
        answer = Client(self.base).send("GET", "/public?q=" + "a" * 60_000)
        self.check(12, "/public?q= with 60,000 characters", answer.status == 400 and "过长" in answer.text,
                   f"{answer.status} in {answer.seconds * 1000:.0f} ms: {message(answer)}")

        # 13: security headers
        answers = [Client(self.base).send("GET", path) for path in ("/public", "/login", "/static/site.css", "/nowhere")]
        def secure(a):
            policy = a.headers.get("Content-Security-Policy", "")
            return ("frame-ancestors 'none'" in policy and "unsafe-inline" not in policy
                    and a.headers.get("X-Content-Type-Options") == "nosniff" and a.headers.get("Referrer-Policy"))
        self.check(13, "security headers on pages, static files and errors", all(secure(a) for a in answers),
                   "CSP: " + answers[0].headers.get("Content-Security-Policy", "none")[:60] + "…")

        # 14: weak passwords, long passwords, look-alike logins, messages through ?done=
        weak = admin.post("/password", {"current": self.logins["admin"], "password": "12345678", "repeat": "12345678"})
        long = admin.post("/password", {"current": self.logins["admin"], "password": "密" * 25, "repeat": "密" * 25})
        lookalikes = [admin.post("/admin/users", {"login": login, "name": "仿冒", "password": "a-strong-passphrase-9", "role": "reviewer"})
                      for login in ("Admin", "ad\u200bmin", "\u202eadmin")]
        done = admin.get("/admin?done=" + urllib.parse.quote("<b>系统已被接管</b>"))
        self.check(14, "password 12345678 and one of 75 bytes; logins Admin, zero-width, RTL; ?done= text",
                   weak.status == 422 and long.status == 422 and all(a.status in (409, 422) for a in lookalikes)
                   and "系统已被接管" not in done.text,
                   f"{weak.status}/{long.status}; logins {[a.status for a in lookalikes]}; ?done shown: {'系统已被接管' in done.text}")

        # 15: years out of range, oversized JSON import, a repeated import
        evaluation["project"] = "年度越界"
        years = [api.json("POST", "/api/documents", {**evaluation, "fiscalYear": year}).status for year in (-5, 0, 99999)]
        big = unit.upload("/documents/import", b" " * (10 << 20 - 1), "big.json")
        count = len(json.loads(api.send("GET", "/api/documents").body)["documents"])
        first = unit.upload("/documents/import", open(SEED_XLSX, "rb").read(), "seed004.xlsx")
        repeat = unit.upload("/documents/import", open(SEED_XLSX, "rb").read(), "seed004.xlsx")
        after = len(json.loads(api.send("GET", "/api/documents").body)["documents"])
        self.check(15, "fiscalYear -5 / 0 / 99999; a 10 MiB JSON import; the same table imported twice",
                   years == [422, 422, 422] and big.status == 413 and repeat.status in (303, 403) and after <= count + 1,
                   f"years {years}, JSON {big.status}, imports {first.status}/{repeat.status} ({message(repeat) or repeat.headers.get('Location')}), projects {count} → {after}")

        peak = memory_peak(self.server.pid)
        print(f"server peak memory (VmHWM): {peak >> 10} MiB", flush=True)
        if peak > 1 << 20:  # kB: over 1 GiB
            self.failed += 1
            print("the server's peak memory is over 1 GiB", flush=True)


def message(answer):
    text = answer.text
    found = re.search(r'"error":"([^"]*)"', text) or re.search(r'<p class="message">(.*?)</p>', text, re.S) or re.search(r"<main[^>]*>(.*?)</main>", text, re.S)
    shown = re.sub(r"<[^>]+>", " ", found.group(1) if found else text)
    return " ".join(shown.split())[:120]


def memory_peak(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/release/jixiao"))
    parser.add_argument("--port", type=int, default=8193)
    arguments = parser.parse_args()
    database = os.path.join(tempfile.mkdtemp(), "attack.sqlite")
    server, logins = jixiao_server.start(arguments.binary, arguments.port, database)
    try:
        replay = Replay(f"http://127.0.0.1:{arguments.port}", logins, server)
        replay.run()
    finally:
        server.terminate()
        server.wait(timeout=30)
    print(f"attack replay: {replay.passed} passed, {replay.failed} failed")
    sys.exit(1 if replay.failed else 0)


if __name__ == "__main__":
    main()
