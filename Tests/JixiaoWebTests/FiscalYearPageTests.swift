import Foundation
import HummingbirdTesting
import JixiaoCore
import Testing
@testable import JixiaoWeb

/// The bureau sets up a year on the admin page; closing it turns the units' pages read-only at once (the cached
/// page depends on the year's set-up too).
@Suite struct FiscalYearPageTests {
    @Test(arguments: WebHarness.backends)
    func closingAYearTurnsTheUnitsPagesReadOnly(_ backend: WebHarness.Backend) async throws {
        try await WebHarness.withApp(backend) { fixture, client in
            let path = "/documents/\(fixture.documentA)"
            var unit = Browser(client)
            try await unit.signIn("leadA")
            let open = try await unit.get(path).text
            #expect(open.contains("id=\"save\"") && open.contains("id=\"submit\""))

            var bureau = Browser(client)
            try await bureau.signIn("admin")
            let close = ["year": "2023", "projectProfile": "mof-2020-project@2020.1", "agencyProfile": "hunan-2023-agency@2023.1"]
            let saved = try await bureau.post("/admin/years", close)
            #expect(saved.status == .seeOther)
            let admin = try await bureau.get(try #require(saved.headers[.location])).text
            #expect(admin.contains("已保存 2023 年度（已关闭填报），2 个自评已按所选规则重新计分"))
            #expect(admin.contains("<td>2023</td><td>已关闭</td>"))

            let closed = try await unit.get(path).text
            #expect(!closed.contains("id=\"save\"") && !closed.contains("id=\"submit\""), "the cached open page is not served")
            let refused = try await unit.post(path, WalkThroughTests.editorFields(open, changing: ["budget.spent": "1"]))
            #expect(refused.status == .forbidden && refused.text.contains("该年度已结束填报"))

            let wrongKind = try await bureau.post("/admin/years", close.merging(["agencyProfile": "mof-2020-project@2020.1"]) { $1 })
            #expect(wrongKind.status == .unprocessableContent && wrongKind.text.contains("不能用于部门整体自评"))
            let badYear = try await bureau.post("/admin/years", close.merging(["year": "二〇二三"]) { $1 })
            #expect(badYear.status == .unprocessableContent && badYear.text.contains("“年度”应为 2000 至 2100 之间的年份"))
        }
    }
}
