import Foundation
import HummingbirdTesting
import JixiaoCore
import Testing
@testable import JixiaoWeb

/// The editor's live recomputation: the form's values scored and checked without saving.
@Suite struct PreviewTests {
    struct Preview: Decodable {
        struct Line: Decodable { var score: String; var explanation: String; var differs: Bool }
        struct Finding: Decodable { var severity: String; var explanation: String }
        var total: String
        var grade: String
        var execution: Line
        var rows: [String: Line]
        var findings: [Finding]
    }

    @Test(arguments: WebHarness.backends)
    func typedValuesAreScoredAndCheckedWithoutSaving(_ backend: WebHarness.Backend) async throws {
        try await WebHarness.withApp(backend) { fixture, client in
            var unit = Browser(client)
            try await unit.signIn("leadA")
            let path = "/documents/\(fixture.documentA)"
            let page = try await unit.get(path).text
            #expect(page.contains("/static/editor.js"))
            let fields = WalkThroughTests.editorFields(page, changing: [:])

            let same = try await unit.post(path + "/preview", fields)
            #expect(same.status == .ok)
            let before = try JSONDecoder().decode(Preview.self, from: same.data)
            #expect(before.total == "75.98" && before.execution.score == "10.00")
            #expect(before.rows.keys.contains("c0.g0.r0"))
            #expect(before.findings.contains { $0.explanation.contains("合计 97") })

            let halfSpent = try await unit.post(path + "/preview", fields.merging(["budget.spent": "160.14"]) { $1 })
            let after = try JSONDecoder().decode(Preview.self, from: halfSpent.data)
            #expect(after.execution.score == "5.00", "execution 160.14 / 320.28 = 50 % of 10 points")
            #expect(after.total != before.total)

            let unreadable = try await unit.post(path + "/preview", fields.merging(["c0.g0.r0.weight": "十分"]) { $1 })
            #expect(unreadable.status == .unprocessableContent)
            #expect(unreadable.text.hasPrefix(#"{"error":"#) && unreadable.text.contains("分值"))
            var forged = fields
            forged["_csrf"] = nil
            #expect(try await unit.post(path + "/preview", forged, withCSRF: false).status == .forbidden)

            let stored = try await fixture.app.store.document(fixture.documentA, as: SelfEvaluation.self, for: Actor(role: .bureauAdmin))
            #expect(stored.head.version == 1, "a preview saves nothing")
        }
    }
}
