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
charts, and submits them. Each step is checked on the page; screenshots go to docs/images/ (or --shots).

    python3 scripts/browser_walkthrough.py [--binary .build/debug/jixiao] [--shots docs/images]

Needs Debian's chromium and chromium-driver and PyPI's selenium (.ci/run installs them).
"""
import argparse
import json
import os
import sys
import tempfile
import time

import jixiao_server
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.support.expected_conditions import staleness_of
from selenium.webdriver.support.ui import WebDriverWait
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By

ROOT = jixiao_server.ROOT
FIXTURE = os.path.join(os.path.dirname(ROOT), "shared", "fixtures", "seed004-self-evaluation.xlsx")
UNIT = "株洲市芦淞区应急管理局"
PROJECT_UNIT = "攀枝花市东区应急管理局"
LEDGER = os.path.join(ROOT, "docs", "examples", "seed000-ledger.csv")


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
            WebDriverWait(driver, 30).until(staleness_of(form))

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

        walk.sign_in(lead, logins[lead])
        driver.find_element(By.LINK_TEXT, "本单位").click()
        walk.expect(["部门整体支出绩效自评", "2023 年度"], "the agency's overall evaluation shows as the agency's")
        walk.shot("web-agency.png", 700)

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
    finally:
        driver.quit()
        server.terminate()
        server.wait(timeout=30)
    print("walk-through passed")


if __name__ == "__main__":
    main()
