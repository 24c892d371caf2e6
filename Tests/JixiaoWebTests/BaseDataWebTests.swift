import Foundation
import JixiaoCore
import JixiaoDocuments
import Testing
@testable import JixiaoWeb

/// An overall evaluation's 基础数据表 on its page: its figures as fields the unit edits, the management rates computed
/// from them, a figure that is not an amount or is negative refused with its field named and nothing saved.
@Suite struct BaseDataWebTests {
    @Test(arguments: WebHarness.backends)
    func theBaseDataIsEditedAndTheRatesFollow(_ backend: WebHarness.Backend) async throws {
        try await WebHarness.withApp(backend) { fixture, client in
            let store = fixture.app.store
            let imported = try #require(try SelfEvaluationImporter.load(
                WebHarness.repository.deletingLastPathComponent().appendingPathComponent("shared/fixtures/seed004-self-evaluation.xlsx")).first)
            var stored = try await store.document(fixture.documentA, as: SelfEvaluation.self, for: fixture.leadA)
            stored.body.baseData = imported.baseData
            _ = try await store.save(fixture.documentA, stored.body, expectedVersion: stored.head.version, by: WebHarness.system, as: fixture.leadA)
            var filler = Browser(client)
            try await filler.signIn("fillerA")
            let path = "/documents/\(fixture.documentA)"
            let page = try await filler.get(path).text
            #expect(page.contains(#"name="base.authorized" value="14""#))
            #expect(page.contains("1、业务工作经费") && page.contains(#"value="96.41""#))
            #expect(page.contains("<td>在职人员控制率</td><td class=\"num\"></td><td class=\"num\">71.43%</td>"))

            let refused = try await filler.post(path, WalkThroughTests.editorFields(page, changing: ["base.l6.actual": "九十六"]))
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("项目支出的本年决算数"))
            let negative = try await filler.post(path, WalkThroughTests.editorFields(page, changing: ["base.authorized": "-3"]))
            #expect(negative.status == .unprocessableContent && negative.text.contains("编制数"))
            #expect(try await store.document(fixture.documentA, as: SelfEvaluation.self, for: fixture.leadA).body.baseData?.staffing.authorized == 14)

            let saved = try await filler.post(path, WalkThroughTests.editorFields(page, changing: ["base.authorized": "20"]))
            #expect(saved.status == .seeOther)
            let after = try await filler.get(path).text
            #expect(after.contains("<td>在职人员控制率</td><td class=\"num\"></td><td class=\"num\">50.00%</td>"))
            #expect(after.contains("表中为 71.4%"), "the printed rate no longer fits the counts: reported")
            // The printed rate is the unit's to correct on the same page.
            #expect(try await filler.post(path, WalkThroughTests.editorFields(after, changing: ["base.statedRate": "50%"])).status == .seeOther)
            #expect(!(try await filler.get(path).text.contains("表中为 71.4%")))
            let body = try await store.document(fixture.documentA, as: SelfEvaluation.self, for: fixture.leadA).body
            #expect(body.baseData?.staffing.authorized == 20)
            #expect(body.baseData?.line(.projects)?.figures.actual == Money(fen: 96_410_000))
        }
    }

    /// Seed 001's 30-point block under a year set up with `sichuan-2022-agency`: its groups with their points and
    /// scores, each item's deduction and reason as fields the unit edits; a deduction that is not a number refused with
    /// the item named and nothing saved; one beyond an item's points kept and reported.
    @Test(arguments: WebHarness.backends)
    func theManagementBlockIsReviewedOnItsPage(_ backend: WebHarness.Backend) async throws {
        try await WebHarness.withApp(backend) { fixture, client in
            let store = fixture.app.store
            try await store.setFiscalYear(FiscalYear(year: 2022, isOpen: true, projectProfile: "mof-2020-project", agencyProfile: "sichuan-2022-agency"))
            var seed001 = try WebHarness.evaluation("seed001-agency.json")
            seed001.agency.name = WebHarness.unitA
            let id = try await store.create([seed001], by: WebHarness.system)[0].id
            var filler = Browser(client)
            try await filler.signIn("fillerA")
            let path = "/documents/\(id)"
            let page = try await filler.get(path).text
            #expect(page.contains("得分 27.5"))
            #expect(page.contains("<b>预算编审管理（6分）</b> 得分 5.5"))
            #expect(page.contains(#"name="mgmt.performance-goals.lost" value="0.5""#))
            #expect(page.contains("<td class=\"num\">8.40%</td>"), "“三公”经费控制率 0.42 / 5")

            let refused = try await filler.post(path, WalkThroughTests.editorFields(page, changing: ["mgmt.performance-goals.lost": "半分"]))
            #expect(refused.status == .unprocessableContent && refused.text.contains("“绩效目标管理”的扣分"))
            let saved = try await filler.post(path, WalkThroughTests.editorFields(page, changing: [
                "mgmt.performance-goals.lost": "1.5", "mgmt.disclosure.lost": "3", "mgmt.procurement.reason": "采购均经平台办理",
            ]))
            #expect(saved.status == .seeOther)
            let after = try await filler.get(path).text
            #expect(after.contains("<b>预算编审管理（6分）</b> 得分 4.5"))
            #expect(after.contains("“预决算信息公开性”扣 3 分，超过该项分值 2 分"), "kept, reported, capped in the score")
            #expect(after.contains("得分 24.5"), "4.5 + 7 + 0 + 1 + 5 + 2 + 5")
            let review = try await store.document(id, as: SelfEvaluation.self, for: fixture.leadA).body.managementReview
            #expect(review.first { $0.indicator == "performance-goals" }?.pointsLost == ExactDecimal("1.5"))
            #expect(review.first { $0.indicator == "procurement" }?.reason == "采购均经平台办理")
        }
    }
}
