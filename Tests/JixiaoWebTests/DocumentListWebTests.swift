import Foundation
import JixiaoCore
import Testing
@testable import JixiaoWeb

/// The documents list a page at a time: the bureau's province is thousands of documents, and a request's cost must not
/// grow with it.
@Suite struct DocumentListWebTests {
    static func documentLinks(_ html: String) -> Set<String> {
        Set(html.matches(of: #/href="/documents/([0-9A-F-]{36})"/#).map { String($0.output.1) })
    }

    @Test func theBureausListComesAHundredAtATime() async throws {
        try await WebHarness.withApp(.sqlite) { fixture, client in
            let projects = try (1...101).map { number in
                var evaluation = try WebHarness.evaluation("seed000-project.json")
                evaluation.project = "分页项目\(number)"
                return evaluation
            }
            _ = try await fixture.app.store.create(projects, by: WebHarness.system)
            var admin = Browser(client)
            try await admin.signIn("admin")
            let first = try await admin.get("/documents")
            #expect(first.status == .ok)
            #expect(first.text.contains("第 1 / 2 页，共 103 项"))
            #expect(first.text.contains(#"<a href="/documents?page=2">下一页</a>"#))
            let second = try await admin.get("/documents?page=2")
            #expect(second.text.contains("第 2 / 2 页，共 103 项") && second.text.contains(#"<a href="/documents?page=1">上一页</a>"#))
            #expect(Self.documentLinks(first.text).count == 100 && Self.documentLinks(second.text).count == 3)
            #expect(Self.documentLinks(first.text).isDisjoint(with: Self.documentLinks(second.text)))

            let year = try await admin.get("/documents?year=2023&page=2")
            #expect(year.text.contains(#"<a href="/documents?year=2023&amp;page=1">上一页</a>"#), "the year is kept from page to page")
            #expect(try await admin.get("/documents?page=0").status == .badRequest)

            var unit = Browser(client)
            try await unit.signIn("leadA")
            let own = try await unit.get("/documents")
            #expect(own.text.contains("第 1 / 1 页，共 1 项") && !own.text.contains("下一页"), "a unit's year is one page")
        }
    }
}
