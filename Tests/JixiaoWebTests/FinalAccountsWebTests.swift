import Foundation
import JixiaoCore
import JixiaoDocuments
import Testing
@testable import JixiaoWeb

/// A final-accounts disclosure in the workflow of [6]: the unit imports its data (JSON, or the statements as XLSX),
/// sees the disclosure with its charts and what the checks find, submits; the reviewer approves, the bureau
/// publishes; the public page serves it with its charts. Another unit's import is refused and nothing is saved.
@Suite struct FinalAccountsWebTests {
    static func seed003(agency: String) throws -> FinalAccounts {
        var accounts = try JSONDecoder().decode(FinalAccounts.self, from: Data(contentsOf: WebHarness.repository.appendingPathComponent("docs/examples/seed003-final-accounts.json")))
        accounts.agency.name = agency
        return accounts
    }

    @Test(arguments: WebHarness.backends)
    func importedReviewedAndPublished(_ backend: WebHarness.Backend) async throws {
        try await WebHarness.withApp(backend) { fixture, client in
            var lead = Browser(client)
            try await lead.signIn("leadB")
            let json = try JSONEncoder().encode(Self.seed003(agency: WebHarness.unitB))
            let imported = try await lead.upload("/documents/import", file: json, name: "决算.json")
            #expect(imported.status == .seeOther)
            let path = try #require(imported.headers[.location])
            let page = try await lead.get(path).text
            #expect(page.contains("攀枝花市东区应急管理局2020年度部门决算"))
            #expect(page.contains("<svg") && page.contains("图7：“三公”经费财政拨款支出结构"))
            #expect(page.contains("一般公共服务支出（类）14.31万元，占0.57%"))
            #expect(page.contains("六、一般公共预算财政拨款支出决算表") && page.contains("2240101"))
            #expect(!page.contains("审核发现的问题</h2>\n<ul><li class=\"error\""), "the data hold")

            // The statements as the XLSX 决算 software exports read back into the same figures.
            let workbook = try DisclosureWorkbook.data(Self.seed003(agency: WebHarness.unitB), outline: DisclosureOutline.builtin())
            let again = try await lead.upload("/documents/import", file: workbook, name: "决算表.xlsx")
            #expect(again.status == .seeOther && again.headers[.location] == path, "the same unit and year: a new version, not a copy: \(again.status) \(again.text.prefix(300))")
            let head = try await fixture.app.store.head(String(path.split(separator: "/").last!), for: Actor(role: .bureauAdmin))
            #expect(head.version == 2)

            // Another unit's final accounts are refused, nothing saved.
            var other = Browser(client)
            try await other.signIn("leadA")
            let refused = try await other.upload("/documents/import", file: json, name: "决算.json")
            #expect(refused.status == .unprocessableContent && refused.text.contains("不能导入其他单位的决算"))
            let refusedSheets = try await other.upload("/documents/import", file: workbook, name: "决算表.xlsx")
            #expect(refusedSheets.status == .unprocessableContent && refusedSheets.text.contains("不能导入其他单位的决算"), "the sheets' 编制单位 is checked too")

            #expect(try await lead.post(path + "/submit").status == .seeOther)
            var reviewer = Browser(client)
            try await reviewer.signIn("reviewerB")
            #expect(try await reviewer.post(path + "/approve").status == .seeOther)
            var admin = Browser(client)
            try await admin.signIn("admin")
            #expect(try await admin.post(path + "/publish").status == .seeOther)
            let id = String(path.split(separator: "/").last!)
            var visitor = Browser(client)
            let published = try await visitor.get("/public/\(id)/report.html")
            #expect(published.status == .ok && published.text.contains("<svg") && published.text.contains("收入总计4659.77万元"))
            let docx = try await visitor.get("/public/\(id)/report.docx")
            #expect(docx.status == .ok)
        }
    }
}
