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
            #expect(page.contains("在职人员控制率</b> 71.43%"))

            let refused = try await filler.post(path, WalkThroughTests.editorFields(page, changing: ["base.l6.actual": "九十六"]))
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("项目支出的本年决算数"))
            let negative = try await filler.post(path, WalkThroughTests.editorFields(page, changing: ["base.authorized": "-3"]))
            #expect(negative.status == .unprocessableContent && negative.text.contains("编制数"))
            #expect(try await store.document(fixture.documentA, as: SelfEvaluation.self, for: fixture.leadA).body.baseData?.staffing.authorized == 14)

            let saved = try await filler.post(path, WalkThroughTests.editorFields(page, changing: ["base.authorized": "20"]))
            #expect(saved.status == .seeOther)
            let after = try await filler.get(path).text
            #expect(after.contains("在职人员控制率</b> 50.00%"))
            #expect(after.contains("表中为 71.4%"), "the printed rate no longer fits the counts: reported")
            // The printed rate is the unit's to correct on the same page.
            #expect(try await filler.post(path, WalkThroughTests.editorFields(after, changing: ["base.statedRate": "50%"])).status == .seeOther)
            #expect(!(try await filler.get(path).text.contains("表中为 71.4%")))
            let body = try await store.document(fixture.documentA, as: SelfEvaluation.self, for: fixture.leadA).body
            #expect(body.baseData?.staffing.authorized == 20)
            #expect(body.baseData?.line(.projects)?.figures.actual == Money(fen: 96_410_000))
        }
    }
}
