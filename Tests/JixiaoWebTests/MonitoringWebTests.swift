import Foundation
import HummingbirdTesting
import JixiaoCore
import JixiaoOffice
import JixiaoStore
import Testing
@testable import JixiaoWeb

/// A project's monitoring table in the web application: created from the project's page with the evaluation's
/// indicators, a month's execution reported, the warnings on the table's page and in the unit's and the reviewer's
/// inboxes until answered, the official table as XLSX and DOCX.
@Suite struct MonitoringWebTests {
    @Test(arguments: WebHarness.backends)
    func warningsReachTheInboxesUntilAnswered(_ backend: WebHarness.Backend) async throws {
        try await WebHarness.withApp(backend) { fixture, client in
            try await fixture.app.store.setFiscalYear(FiscalYear(
                year: 2023, isOpen: true, projectProfile: "mof-2020-project", agencyProfile: "hunan-2023-agency"))
            let head = try await fixture.app.store.head(fixture.documentB, for: Actor(role: .bureauAdmin))
            let project = try #require(head.projectID)
            var unit = Browser(client)
            try await unit.signIn("leadB")
            let created = try await unit.post("/documents", [
                "kind": "monitoring-report", "projectID": project, "agency": WebHarness.unitB, "project": "应急管理专项经费", "fiscalYear": "2023",
                "budget": "48",
            ])
            #expect(created.status == .seeOther)
            let path = try #require(created.headers[.location])
            var page = try await unit.get(path).text
            #expect(page.contains("慰问辖区消防队伍"), "the evaluation's indicators are copied")
            #expect(page.contains("截至 4 月底未报送累计执行数"), "no figure is no data, warned as such")
            let version = Browser.field("version", in: page)
            #expect(try await unit.post(path + "/monitoring", ["op": "spent", "month": "4", "amount": "5", "version": version]).status == .seeOther)
            page = try await unit.get(path).text
            #expect(page.contains("截至 4 月底累计执行率 10.42%，低于序时进度要求 25.00%"))
            #expect(page.contains("2023-05-01 预警，须在 2023-05-16 前答复，逾期未答复"))
            let fewer = try await unit.post(path + "/monitoring", ["op": "spent", "month": "6", "amount": "4", "version": Browser.field("version", in: page)])
            #expect(fewer.status == .unprocessableContent && fewer.text.contains("累计执行数不能少于 4 月的 5 万元"))

            #expect(try await unit.get("/documents").text.contains("截至 4 月底累计执行率 10.42%"), "the unit's inbox")
            var reviewer = Browser(client)
            try await reviewer.signIn("reviewerB")
            #expect(try await reviewer.get("/inbox").text.contains("截至 4 月底累计执行率 10.42%"), "the reviewer's inbox")
            var other = Browser(client)
            try await other.signIn("reviewerA")
            #expect(!(try await other.get("/inbox").text.contains("10.42%")), "another unit's reviewer does not see it")

            page = try await unit.get(path).text
            let answered = try await unit.post(path + "/monitoring", [
                "op": "answer", "month": "4", "decision": "proceed", "note": "下半年集中支付", "version": Browser.field("version", in: page),
            ])
            #expect(answered.status == .seeOther)
            #expect(!(try await reviewer.get("/inbox").text.contains("截至 4 月底累计执行率")), "answered: out of the inbox")
            #expect(try await unit.get(path).text.contains("已答复：继续执行"))

            let xlsx = try await unit.get(path + "/report.xlsx")
            let sheet = try Workbook(data: xlsx.data, file: "m.xlsx").sheet(at: 0)
            #expect(sheet.rows.joined().contains("完成目标可能性") && sheet.rows.joined().contains("慰问辖区消防队伍"))
            let docx = try await unit.get(path + "/report.docx")
            #expect(docx.status == .ok)
            let word = try WordDocument(package: OfficePackage(data: docx.data, file: "m.docx"))
            #expect(word.tables.count >= 1)
        }
    }
}
