import Foundation
import JixiaoCore
import JixiaoOffice
import JixiaoStore
import Testing
@testable import JixiaoWeb

/// The collection dashboard of [12]: what each unit owes for a year and where it stands, late against the schedule
/// (Resources/Schedules), reminders that reach the units' lists, and the same as XLSX read back with the reader
/// users' files go through.
@Suite struct CollectionWebTests {
    @Test(arguments: WebHarness.backends)
    func dashboardRemindersAndWorkbook(_ backend: WebHarness.Backend) async throws {
        try await WebHarness.withApp(backend) { fixture, client in
            var admin = Browser(client)
            try await admin.signIn("admin")
            // Both fixture documents are 2023 drafts, due 2024-04-30: both units are late and have handed in nothing.
            let page = try await admin.get("/collection?year=2023")
            #expect(page.status == .ok)
            #expect(page.text.contains("项目支出绩效自评 2024-04-30"))
            #expect(page.text.contains("共 2 个单位，<strong>2</strong> 个有逾期，<strong>2</strong> 个尚未报送任何文档"))
            #expect(page.text.contains("应交 1：草稿 1（逾期）"), "each unit's own evaluation, a draft past its day")
            #expect(page.text.contains("应交 1：未建 1（逾期）"), "the final accounts nobody started")

            // Unit B submits its project: B has handed something in; only A is left with nothing.
            _ = try await fixture.app.store.transition(fixture.documentB, .submit, by: WebHarness.system, as: fixture.leadB)
            let nothing = try await admin.get("/collection?year=2023&view=nothing")
            #expect(nothing.text.contains(WebHarness.unitA) && !nothing.text.contains("<a href=\"/agencies/\(fixture.agencyB)\">"))
            #expect(nothing.text.contains("共 1 个单位"))

            // A reviewer sees their own units only.
            var reviewer = Browser(client)
            try await reviewer.signIn("reviewerA")
            let own = try await reviewer.get("/collection?year=2023").text
            #expect(own.contains(WebHarness.unitA) && !own.contains(WebHarness.unitB))

            // A reminder to every late unit reaches both units' lists; a reviewer cannot remind another's unit.
            let sent = try await admin.post("/collection/remind", ["year": "2023", "view": "late", "message": "请于本周内提交 2023 年度自评 <b>"])
            #expect(sent.status == .seeOther && sent.headers[.location]?.contains("sent=2") == true)
            #expect(try await admin.get(try #require(sent.headers[.location])).text.contains("已向 2 个单位发送提醒"))
            for lead in ["leadA", "leadB"] {
                var unit = Browser(client)
                try await unit.signIn(lead)
                let list = try await unit.get("/documents").text
                #expect(list.contains("财政局的提醒") && list.contains("请于本周内提交 2023 年度自评 &lt;b&gt;"), "\(lead) sees it, escaped")
            }
            let refused = try await reviewer.post("/collection/remind", ["year": "2023", "agency": fixture.agencyB, "message": "x"])
            #expect(refused.status == .notFound)
            let empty = try await admin.post("/collection/remind", ["year": "2023", "view": "late", "message": " "])
            #expect(empty.status == .unprocessableContent)

            // The XLSX: a row per unit, each kind's states in columns.
            let export = try await admin.get("/collection.xlsx?year=2023")
            #expect(export.status == .ok)
            let sheet = try Workbook(data: export.data, file: "报送情况.xlsx").sheet(at: 0)
            let headers = (1...40).map { sheet.cells[CellReference(row: 1, column: $0)]?.text ?? "" }
            let draftColumn = try #require(headers.firstIndex(of: "项目支出绩效自评·草稿")) + 1
            let submittedColumn = try #require(headers.firstIndex(of: "项目支出绩效自评·已提交")) + 1
            let rows = (2...3).map { row in (1...40).map { sheet.cells[CellReference(row: row, column: $0)]?.text ?? "" } }
            let b = try #require(rows.first { $0[0] == WebHarness.unitB })
            #expect(b[draftColumn - 1] == "0" && b[submittedColumn - 1] == "1")
        }
    }
}
