#!/usr/bin/env python3
"""A new user's walk-through in a real browser (headless Chromium through Selenium).

Starts `jixiao serve` on a new SQLite file, reads the first logins it prints, and then: the unit's lead signs in,
imports ../shared/fixtures/seed004-self-evaluation.xlsx, sees the recomputed score and the findings, edits its
基础数据表 and sees the management rates follow, sees the scores follow what it types, submits; the
reviewer finds it in the inbox and returns it with a comment; the unit sees the return in the history; the bureau
looks at the overview and at the years set up on its admin page; the other unit starts its project's 2024 evaluation
from the project's page and sees both years side by side, and imports the project's payments ledger; its finance staff
enters a payment of 12,000 元, which counts as executed only once 经办人, 分管领导 and 主要领导 have signed and the
党委会's decision and the 分管区领导's consent are recorded, when the evaluation's execution rate changes; seed 004's
unit sees its overall evaluation on its own page, imports its final accounts and sees the disclosure with its seven
charts, and submits them; the bureau sees the 2023 collection, sends the late units a reminder, imports a ZIP of three
units' files and downloads the year's published documents as one ZIP; the pages fit a 390 px screen and the first Tab
reaches 跳到正文. Each step is checked on the page; screenshots go to docs/images/ (or --shots).

    python3 scripts/browser_walkthrough.py [--binary .build/debug/jixiao] [--shots docs/images]

Needs Debian's chromium and chromium-driver and PyPI's selenium (.ci/run installs them).
"""
import argparse
import io
import json
import os
import sys
import tempfile
import time
import urllib.request
import zipfile

import jixiao_server
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.support.ui import WebDriverWait
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

ROOT = jixiao_server.ROOT
FIXTURE = os.path.join(os.path.dirname(ROOT), "shared", "fixtures", "seed004-self-evaluation.xlsx")
UNIT = "株洲市芦淞区应急管理局"
PROJECT_UNIT = "攀枝花市东区应急管理局"
LEDGER = os.path.join(ROOT, "docs", "examples", "seed000-ledger.csv")


def left_the_page(element):
    """A wait condition: `element` is no longer in the page. Chrome says so with a stale reference or, while the next
    page is loading, with "Node with given id does not belong to the document" (which `staleness_of` lets through)."""
    def gone(_driver):
        try:
            element.is_enabled()
            return False
        except WebDriverException:
            return True
    return gone


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1000", "--lang=zh-CN"]:
        options.add_argument(argument)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


class Walk:
    def __init__(self, driver, base, shots):
        self.driver, self.base, self.shots = driver, base, shots

    def open(self, path):
        self.driver.get(self.base + path)

    def text(self):
        return self.driver.find_element(By.TAG_NAME, "body").text

    def expect(self, words, step, wait=15):
        """Waits up to `wait` seconds (a click's navigation may still be under way) for the page to show `words`."""
        deadline = time.time() + wait
        while True:
            try:
                body = self.text()
            except WebDriverException:
                body = ""
            missing = [word for word in words if word not in body]
            if not missing:
                print(f"✔ {step}")
                return
            if time.time() > deadline:
                sys.exit(f"{step}: the page does not show “{missing[0]}”:\n{body[:2000]}")
            time.sleep(0.2)

    def wait_for_path(self, path, step, wait=15):
        deadline = time.time() + wait
        while not self.driver.current_url.endswith(path):
            if time.time() > deadline:
                sys.exit(f"{step}: still at {self.driver.current_url}")
            time.sleep(0.2)
        print(f"✔ {step}")

    def sign_in(self, login, password):
        self.driver.delete_all_cookies()
        self.open("/login")
        self.driver.find_element(By.NAME, "login").send_keys(login)
        self.driver.find_element(By.NAME, "password").send_keys(password)
        self.driver.find_element(By.CSS_SELECTOR, "form[action='/login'] button").click()
        # The login page has no 退出 (the cookies were just deleted): wait for the signed-in page before going on.
        self.expect(["退出"], f"{login} signs in")

    def shot(self, name, height=1000):
        self.driver.set_window_size(1400, height)
        path = os.path.join(self.shots, name)
        self.driver.save_screenshot(path)
        self.driver.set_window_size(1400, 1000)
        print(f"  screenshot {os.path.relpath(path, ROOT)}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/debug/jixiao"))
    parser.add_argument("--shots", default=os.path.join(ROOT, "docs/images"))
    parser.add_argument("--port", type=int, default=8190)
    arguments = parser.parse_args()
    os.makedirs(arguments.shots, exist_ok=True)
    database = os.path.join(tempfile.mkdtemp(), "walkthrough.sqlite")
    server, logins = jixiao_server.start(arguments.binary, arguments.port, database)
    lead = jixiao_server.login_of("unit", UNIT)
    # The project's unit and its staff of the approval chain, by the unit's name (the examples hold several units).
    unit1, finance1, clerk1, deputy1 = (jixiao_server.login_of(role, PROJECT_UNIT) for role in ["unit", "finance", "clerk", "deputy"])
    driver = browser()
    try:
        walk = Walk(driver, f"http://127.0.0.1:{arguments.port}", arguments.shots)
        walk.sign_in(lead, logins[lead])
        walk.expect(["自评文档", "导入自评表（XLSX）"], "the unit's lead sees the unit's documents")

        driver.find_element(By.CSS_SELECTOR, "input[type=file]").send_keys(FIXTURE)
        driver.find_element(By.CSS_SELECTOR, "form[action='/documents/import'] button").click()
        walk.expect(["审核发现的问题", "各行分值（含预算执行率）合计 97", "75.98"], "imports seed 004's 自评表 and sees the score and findings")
        project = driver.current_url.split("/documents/")[1]
        walk.shot("web-project.png", 1300)

        walk.expect(["基础数据表", "在职人员控制率 = 10 / 14 = 71.43%", "公用经费控制率 = 20.67 / 21.99 = 94.00%"],
                    "its 基础数据表 came in with it, and the management rates computed from it")
        authorized = driver.find_element(By.NAME, "base.authorized")
        authorized.clear()
        authorized.send_keys("20")
        driver.find_element(By.ID, "save").click()
        walk.expect(["在职人员控制率 = 10 / 20 = 50.00%"], "edits the 基础数据表 (编制数 20) and sees the management rate follow")
        driver.execute_script("document.getElementById('base-data').scrollIntoView({block: 'start'})")
        walk.shot("web-base-data.png", 1000)

        spent = driver.find_element(By.NAME, "budget.spent")
        spent.clear()
        spent.send_keys("160.14")
        walk.expect(["已按当前输入重算（尚未保存）"], "types a new 全年执行数 and sees the scores recomputed as it types")
        if driver.find_element(By.ID, "execution-score").text != "5.00":
            sys.exit("the execution score did not follow the typed amount")
        driver.refresh()

        driver.find_element(By.ID, "submit").click()
        walk.expect(["已提交"], "submits")

        walk.sign_in("reviewer", logins["reviewer"])
        walk.open("/inbox")
        walk.expect(["待审核", UNIT], "the reviewer finds it in the inbox")
        driver.find_element(By.CSS_SELECTOR, f"a[href='/documents/{project}']").click()
        walk.expect(["退回意见"], "opens it")
        comment = "产出指标各行分值合计30，与表头40不符；请核实分值后重新提交。"
        driver.find_element(By.NAME, "comment").send_keys(comment)
        driver.execute_script("document.querySelector('form.return').scrollIntoView({block: 'center'})")
        walk.shot("web-return.png")
        driver.find_element(By.ID, "return").click()
        walk.wait_for_path("/inbox", "returns it with a comment and is back in the inbox")
        walk.open(f"/documents/{project}")
        walk.expect(["退回"], "the project now shows 退回")
        if driver.find_elements(By.ID, "approve"):
            sys.exit("the returned project still offers 审核通过")

        walk.sign_in(lead, logins[lead])
        walk.open(f"/documents/{project}/history")
        walk.expect(["修改记录", comment], "the unit sees the return and its reason in the history")
        walk.shot("web-history.png", 800)

        walk.sign_in("admin", logins["admin"])
        walk.open("/overview?sort=score&dir=desc")
        walk.expect(["绩效自评总览", UNIT, "退回"], "the bureau sees every unit in the overview")
        walk.shot("web-overview.png", 700)
        walk.open("/admin")
        walk.expect(["系统管理", "年度", "2023", "开放", "hunan-2023-agency@2023.1"], "the bureau sees the years and their profiles")
        walk.shot("web-admin.png", 1300)

        walk.sign_in(unit1, logins[unit1])
        driver.find_element(By.LINK_TEXT, "各年度").click()
        walk.expect(["各年度情况", "2023 年度", "95.52", "85.23%"], "the project's page shows its 2023 evaluation")
        year = driver.find_element(By.NAME, "fiscalYear")
        year.clear()
        year.send_keys("2024")
        driver.find_element(By.XPATH, "//button[text()='新建']").click()
        walk.expect(["2024 年度", "该项目各年度"], "starts the 2024 evaluation of the same project")
        spent = driver.find_element(By.NAME, "budget.spent")
        driver.find_element(By.NAME, "budget.initial").send_keys("50")
        driver.find_element(By.NAME, "budget.adjusted").send_keys("50")
        spent.send_keys("45")
        driver.find_element(By.ID, "save").click()
        walk.expect(["第 2 版"], "fills in 2024's budget and saves")
        driver.find_element(By.LINK_TEXT, "该项目各年度").click()
        walk.expect(["2023 年度", "2024 年度", "85.23%", "90.00%"], "one project, both years side by side")
        walk.shot("web-project-years.png", 700)

        driver.find_element(By.CSS_SELECTOR, "form[action$='/ledger'] input[type=file]").send_keys(LEDGER)
        driver.find_element(By.ID, "import-ledger").click()
        walk.expect(["支付台账", "409094.00", "85.23%"], "the unit's lead imports the project's 2023 payments ledger (paper approvals)")
        ledger = driver.current_url
        walk.sign_in(finance1, logins[finance1])
        driver.get(ledger)
        for name, value in [("date", "2023-12-20"), ("voucher", "2023-090"), ("payee", "某应急物资有限公司"), ("amount", "12000"),
                            ("purpose", "应急物资补充"), ("invoice", "FP2023122001")]:
            field = driver.find_element(By.CSS_SELECTOR, f"form[action$='/payments'] input[name='{name}']")
            driver.execute_script("arguments[0].value = arguments[1]", field, value)
        driver.find_element(By.ID, "add-payment").click()
        walk.expect(["2023-090", "未执行：缺经办人、分管领导、主要领导、局党委会、分管区领导", "409094.00"],
                    "enters a payment of 12,000 元: not executed, five steps missing")

        def approve(login, position, date=None, reference=None):
            walk.sign_in(login, logins[login])
            driver.get(ledger)
            form = driver.find_element(By.XPATH, f"//form[input[@name='position' and @value='{position}']]")
            if date:
                driver.execute_script("arguments[0].value = arguments[1]", form.find_element(By.NAME, "date"), date)
                form.find_element(By.NAME, "reference").send_keys(reference)
            form.find_element(By.TAG_NAME, "button").click()
            # The next sign-in would abandon a POST still under way: wait until the answer has replaced the page.
            WebDriverWait(driver, 30).until(left_the_page(form))

        approve(clerk1, "clerk")
        approve(deputy1, "divisionLead")
        approve(unit1, "principal")
        walk.expect(["未执行：缺局党委会、分管区领导", "409094.00"], "three signatures: still not executed")
        approve(unit1, "partyCommittee", "2023-12-18", "第19次党委会")
        walk.expect(["未执行：缺分管区领导", "409094.00"], "the 党委会's decision recorded: still not executed")
        driver.execute_script("document.getElementById('payment-2023-090').scrollIntoView({block: 'center'})")
        walk.shot("web-ledger-pending.png", 900)
        approve(unit1, "districtLeader", "2023-12-19", "区领导批示")
        walk.expect(["421094.00", "87.73%"], "the 分管区领导's consent recorded: executed, the rate changes")
        walk.shot("web-ledger.png", 700)
        driver.find_element(By.LINK_TEXT, "该项目各年度").click()
        walk.expect(["87.73%"], "the project's 2023 evaluation shows the new execution rate")
        # The columns are the project's documents by year; the 2023 self-evaluation is the one whose 类别 says so.
        links = driver.find_elements(By.CSS_SELECTOR, "table.years thead a")
        kinds = [cell.text for cell in driver.find_elements(By.XPATH, "//table[contains(@class,'years')]//tr[th='类别']/td")]
        evaluation2023 = next(link.get_attribute("href") for link, kind in zip(links, kinds)
                              if link.text.startswith("2023") and kind == "项目支出绩效自评")

        walk.sign_in(lead, logins[lead])
        driver.find_element(By.LINK_TEXT, "本单位").click()
        walk.expect(["各年度情况", "部门整体自评", "2023 年度"], "the agency's overall evaluation shows as the agency's, year by year")

        # The unit's final accounts (seed 003's data, the unit left blank: taken as the lead's own) imported as JSON.
        accounts = json.load(open(os.path.join(ROOT, "docs", "examples", "seed003-final-accounts.json"), encoding="utf-8"))
        accounts["agency"]["name"] = ""
        upload = os.path.join(tempfile.mkdtemp(), "final-accounts.json")
        json.dump(accounts, open(upload, "w", encoding="utf-8"), ensure_ascii=False)
        walk.open("/documents")
        driver.find_element(By.CSS_SELECTOR, "form[action='/documents/import'] input[type=file]").send_keys(upload)
        driver.find_element(By.CSS_SELECTOR, "form[action='/documents/import'] button").click()
        walk.expect(["2020年度部门决算", "图7：“三公”经费财政拨款支出结构", "一般公共服务支出（类）14.31万元，占0.57%"],
                    "imports its final accounts and sees the disclosure with its charts")
        if len(driver.find_elements(By.CSS_SELECTOR, "#disclosure svg")) != 7:
            sys.exit("the disclosure does not show its seven charts")
        driver.execute_script("document.querySelector('#disclosure svg').scrollIntoView({block: 'center'})")
        walk.shot("web-final-accounts.png", 1000)
        driver.find_element(By.ID, "submit").click()
        walk.expect(["已提交"], "submits its final accounts")
        driver.find_element(By.LINK_TEXT, "本单位").click()
        walk.expect(["2020 年度", "2023 年度", "3019.54", "1797.04", "各年度支出（万元）"],
                    "the unit across its years: 2020's final accounts (spending by kind) beside 2023's overall evaluation, charted")
        walk.shot("web-agency.png", 1000)

        # The other unit's 2023 project evaluation goes through to publication, so the year has something to pack.
        walk.sign_in(unit1, logins[unit1])
        driver.get(evaluation2023)
        driver.find_element(By.ID, "submit").click()
        walk.expect(["已提交"], "the project's unit submits its 2023 evaluation")
        walk.sign_in("admin", logins["admin"])
        driver.get(evaluation2023)
        driver.find_element(By.ID, "approve").click()
        WebDriverWait(driver, 30).until(lambda d: d.find_elements(By.ID, "publish"))
        print("✔ the bureau approves it")
        driver.find_element(By.ID, "publish").click()
        WebDriverWait(driver, 30).until(lambda d: not d.find_elements(By.ID, "publish"))
        walk.expect(["已公开"], "and publishes it")

        bureau_sees_the_collection(walk, driver, logins)
        mobile_and_keyboard(walk, driver, lead, logins)
    finally:
        driver.quit()
        server.terminate()
        server.wait(timeout=30)
    print("walk-through passed")


def bureau_sees_the_collection(walk, driver, logins):
    """The bureau's year at scale ([12]): the collection dashboard, a reminder into the late units' lists, a ZIP of three
    units' files imported file by file, the year's published documents downloaded as one ZIP."""
    walk.open("/collection?year=2023")
    walk.expect(["2023 年度报送情况", "有逾期", UNIT, PROJECT_UNIT, "应交"], "the bureau sees what each unit owes for 2023 and what is late")
    walk.shot("web-collection.png", 1300)
    driver.find_element(By.ID, "send-reminders").click()
    walk.expect(["个单位发送提醒"], "sends a reminder to every late unit")
    lead = jixiao_server.login_of("unit", UNIT)
    walk.sign_in(lead, logins[lead])
    walk.expect(["财政局的提醒", "请按期报送 2023 年度"], "the late unit finds the reminder in its list")
    walk.sign_in("admin", logins["admin"])

    examples = os.path.join(ROOT, "docs", "examples")
    def example(name, **changes):
        data = json.load(open(os.path.join(examples, name), encoding="utf-8"))
        data.update(changes)
        return json.dumps(data, ensure_ascii=False).encode("utf-8")
    project = json.load(open(os.path.join(examples, "seed000-project.json"), encoding="utf-8"))
    project["project"] = "批量导入示例项目"
    archive = os.path.join(tempfile.mkdtemp(), "2024年度各单位文件.zip")
    with zipfile.ZipFile(archive, "w") as bundle:
        bundle.writestr("区应急管理局/2024年部门整体自评.json", example("seed001-agency.json", fiscalYear=2024))
        bundle.writestr("攀枝花市应急管理局/2024年决算公开表.json", example("seed003-final-accounts.json", fiscalYear=2024))
        bundle.writestr("攀枝花市东区应急管理局/项目自评.json", json.dumps(project, ensure_ascii=False).encode("utf-8"))
        bundle.writestr("攀枝花市应急管理局/决算公开.pdf", b"%PDF-1.4 a published text, for the audit")
    walk.open("/collection?year=2023")
    driver.find_element(By.CSS_SELECTOR, "#bulk-form input[type=file]").send_keys(archive)
    driver.find_element(By.ID, "bulk-import").click()
    walk.expect(["批量导入结果", "3 个文件已导入（3 份文档），1 个文件未导入", "区应急管理局", "攀枝花市应急管理局", "批量导入示例项目",
                 "公开的报告文本只能用审核功能检查"], "imports a ZIP of three units' files, each matched to its unit, the PDF refused with why")
    walk.shot("web-bulk-import.png", 800)

    walk.open("/collection?year=2023")
    driver.find_element(By.ID, "year-archive").click()
    driver.find_element(By.ID, "archive-start").click()
    walk.expect(["下载 ZIP"], "packs the year's published documents, with its progress", wait=180)
    walk.shot("web-year-archive.png", 600)
    link = driver.find_element(By.ID, "archive-download").get_attribute("href")
    cookies = "; ".join(f"{c['name']}={c['value']}" for c in driver.get_cookies())
    with urllib.request.urlopen(urllib.request.Request(link, headers={"Cookie": cookies})) as answer:
        data = answer.read()
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    if not any(name.startswith(PROJECT_UNIT + "/") and name.endswith(".docx") for name in names) or "说明.txt" not in names:
        sys.exit(f"the year's ZIP lacks the published evaluation: {names}")
    print(f"✔ downloads the year's ZIP: {len(names)} files, {', '.join(sorted(name.rsplit('.', 1)[-1] for name in names))}")


def mobile_and_keyboard(walk, driver, lead, logins):
    """Readable at 390 px (no page wider than the screen; wide tables scroll in their box) and usable by keyboard
    (the first Tab reaches 跳到正文)."""
    walk.sign_in(lead, logins[lead])
    driver.set_window_size(390, 844)
    for path, name in [("/documents", "web-mobile-documents.png"), ("/collection?year=2023", None)]:
        if name is None:
            walk.sign_in("admin", logins["admin"])
            driver.set_window_size(390, 844)
            name = "web-mobile-collection.png"
        walk.open(path)
        overflow = driver.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
        if overflow > 0:
            sys.exit(f"{path} is {overflow} px wider than a 390 px screen")
        driver.save_screenshot(os.path.join(walk.shots, name))
        print(f"✔ {path} fits a 390 px screen  (screenshot docs/images/{name})")
    driver.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    focused = driver.switch_to.active_element
    if focused.get_attribute("class") != "skip":
        sys.exit(f"the first Tab reaches {focused.tag_name} “{focused.text}”, not 跳到正文")
    unlabelled = driver.execute_script("""
        return [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
            .filter(e => !e.closest('label') && !e.getAttribute('aria-label') && !(e.id && document.querySelector(`label[for="${e.id}"]`)))
            .map(e => e.name)""")
    if unlabelled:
        sys.exit(f"fields without a label: {unlabelled}")
    print("✔ the first Tab reaches 跳到正文; every field is labelled")
    driver.set_window_size(1400, 1000)


if __name__ == "__main__":
    main()
