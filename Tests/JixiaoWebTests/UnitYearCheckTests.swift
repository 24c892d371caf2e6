import Foundation
import JixiaoCore
import Testing
@testable import JixiaoWeb

/// A document's page compares its headline figures with the unit's other documents of the same year, found by the
/// model's agency and year (not by what the titles say); another unit's or another year's documents are never
/// compared, and a change to the other document shows on the next view.
@Suite struct UnitYearCheckTests {
    @Test(arguments: WebHarness.backends)
    func theUnitsOtherDocumentsOfTheYearAreComparedOnItsPage(_ backend: WebHarness.Backend) async throws {
        try await WebHarness.withApp(backend) { fixture, client in
            let store = fixture.app.store
            func project(_ agency: String, year: Int, 项目支出: String) throws -> SelfEvaluation {
                var evaluation = try WebHarness.evaluation("seed000-project.json")
                evaluation.agency = Agency(name: agency)
                evaluation.fiscalYear = year
                evaluation.project = "业务工作经费"
                evaluation.budget.breakdown = [LabeledAmount(label: "项目支出", amount: Money(ExactDecimal(项目支出)!, unit: .wan)!)]
                return evaluation
            }
            // Unit A's 2023 overall evaluation states 项目支出 96.44; its 2023 project evaluation says 96.41.
            let sameUnit = try await store.create([try project(WebHarness.unitA, year: 2023, 项目支出: "96.41")], by: WebHarness.system)[0]
            _ = try await store.create([try project(WebHarness.unitB, year: 2023, 项目支出: "50")], by: WebHarness.system)
            _ = try await store.create([try project(WebHarness.unitA, year: 2022, 项目支出: "70")], by: WebHarness.system)
            var reviewer = Browser(client)
            try await reviewer.signIn("reviewerA")
            let page = try await reviewer.get("/documents/\(fixture.documentA)").text
            let across = try #require(page.firstRange(of: "与本单位同年度其他文件核对").map { String(page[$0.lowerBound...].prefix(700)) })
            #expect(across.contains("“项目支出”不一致") && across.contains("96.44") && across.contains("96.41"))
            #expect(!across.contains("50万元") && !across.contains("70万元"), "another unit's and another year's documents are not compared")

            var agreed = try await store.document(sameUnit.id, as: SelfEvaluation.self, for: fixture.leadA)
            agreed.body.budget.breakdown = [LabeledAmount(label: "项目支出", amount: Money(ExactDecimal("96.44")!, unit: .wan)!)]
            _ = try await store.save(sameUnit.id, agreed.body, expectedVersion: agreed.head.version, by: WebHarness.system, as: fixture.leadA)
            let after = try await reviewer.get("/documents/\(fixture.documentA)").text
            #expect(after.contains(#"id="across" hidden"#), "the pages agree once the other document is mended")
        }
    }
}
