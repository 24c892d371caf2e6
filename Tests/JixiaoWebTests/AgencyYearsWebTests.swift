import Foundation
import JixiaoCore
import Testing
@testable import JixiaoWeb

/// A unit across its years ([12]): the agency page sets each year's overall evaluation and final accounts side by
/// side, spending by kind from each year's statements, with charts of them.
@Suite struct AgencyYearsWebTests {
    @Test(arguments: WebHarness.backends)
    func eachYearsFiguresSideBySide(_ backend: WebHarness.Backend) async throws {
        try await WebHarness.withApp(backend) { fixture, client in
            var earlier = try FinalAccountsWebTests.seed003(agency: WebHarness.unitA)
            var later = earlier
            later.fiscalYear = 2023
            later.spending.basic = Money(fen: 123_456_78)
            earlier.fiscalYear = 2022
            _ = try await fixture.app.store.create([earlier, later], by: WebHarness.system)
            var lead = Browser(client)
            try await lead.signIn("leadA")
            let page = try await lead.get("/agencies/\(fixture.agencyA)")
            #expect(page.status == .ok)
            let start = try #require(page.text.range(of: "id=\"agency-years\""))
            let table = String(page.text[start.lowerBound...])
            let y2022 = try #require(table.range(of: "2022 年度"))
            let y2023 = try #require(table.range(of: "2023 年度"))
            #expect(y2022.lowerBound < y2023.lowerBound, "years in order")
            #expect(table.contains("<td class=\"num\">12.35</td>"), "2023's 基本支出, 123,456.78 元, in 万元")
            #expect(table.contains(try #require(earlier.spending.basic).wanText))
            #expect(page.text.contains("各年度支出（万元）") && page.text.contains("<svg"))
            #expect(page.text.contains("<span class=\"state\">草稿</span>"), "2023's overall evaluation, the fixture's draft")
            var other = Browser(client)
            try await other.signIn("leadB")
            #expect(try await other.get("/agencies/\(fixture.agencyA)").status == .notFound)
        }
    }
}
