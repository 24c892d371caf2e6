import Foundation
import HummingbirdTesting
import JixiaoCore
import JixiaoDocuments
import JixiaoOffice
import JixiaoStore
import Testing
@testable import JixiaoWeb

/// The execution rate is computed once, by the profile in force: under a profile whose basis is 年初预算数 the
/// score, the check, the report, the 自评表, the page, the API and the overview all show the same rate.
@Suite struct OneComputationTests {
    @Test(arguments: WebHarness.backends)
    func aProfileOnTheInitialBudgetGivesOneRateEverywhere(_ backend: WebHarness.Backend) async throws {
        var catalog = try ProfileCatalog.builtin()
        var initial = try catalog.profile(id: "mof-2020-project")
        initial.id = "initial-basis-project"
        initial.isDefault = nil
        initial.execution.basis = .initialBudget
        try catalog.add(initial)
        try await WebHarness.withApp(backend, profiles: catalog) { fixture, client in
            var bureau = Browser(client)
            try await bureau.signIn("admin")
            let store = fixture.app.store
            // Seed 000 with 年初预算数 40 (全年预算数 48, 全年执行数 40.9094): 102.27 % of the initial budget, 85.23 % of the adjusted.
            var document = try await store.document(fixture.documentB, as: SelfEvaluation.self, for: Actor(role: .bureauAdmin))
            document.body.budget.total.initialBudget = Money(fen: 40_000_000)
            document.body.budget.statedExecutionRate = .value(ExactDecimal(significand: 8523, exponent: -2))
            _ = try await store.save(document.id, document.body, expectedVersion: 1, by: WebHarness.system, as: Actor(role: .bureauAdmin))
            let year = ["year": "2023", "open": "1", "projectProfile": "initial-basis-project@2020.1", "agencyProfile": "hunan-2023-agency@2023.1"]
            #expect(try await bureau.post("/admin/years", year).status == .seeOther)

            let page = try await bureau.get("/documents/\(fixture.documentB)").text
            #expect(page.contains("102.27%"), "the page's rate")
            #expect(page.contains("执行率 = 40.91 / 40.00 = 102.27%"), "the score's explanation")
            #expect(page.contains("执行率应为 全年执行数 40.91 / 年初预算数 40.00 = 102.27%，表中为 85.23%"), "the check")
            let report = try await bureau.get("/documents/\(fixture.documentB)/report.html").text
            #expect(report.contains("项目全年预算执行率为102.27%") && !report.contains("执行率为85.23%"), "the report's sentences")
            #expect(report.contains("“执行率 85.23%”应为102.27%"), "the stated rate named as a problem")
            let table = try await bureau.get("/documents/\(fixture.documentB)/report.xlsx")
            let workbook = try Workbook(data: table.data, file: "table.xlsx")
            let cells = try workbook.sheet(at: 0).cells.values.map(\.text)
            #expect(cells.contains("1.0227"), "the 自评表 (the rate as a number, shown as 0.00%)")
            let overview = try await bureau.get("/overview").text
            #expect(overview.contains("102.27%"), "the overview")
            let listing = try await store.listings(for: Actor(role: .bureauAdmin), ListingQuery(kinds: [.projectSelfEvaluation]))
            #expect(listing.documents.first?.summary?.executionRate == ExactDecimal(significand: 10227, exponent: -4), "the stored summary")
        }
    }
}
