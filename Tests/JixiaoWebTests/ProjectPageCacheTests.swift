import Foundation
import HummingbirdTesting
import Testing
@testable import JixiaoWeb

/// The project page is cached by version and by what the viewer may do: each viewer still gets their own CSRF
/// token and their own buttons, and a save or a workflow step shows at once.
@Suite struct ProjectPageCacheTests {
    @Test(arguments: WebHarness.backends)
    func everyViewerGetsTheirOwnTokenButtonsAndTheCurrentVersion(_ backend: WebHarness.Backend) async throws {
        try await WebHarness.withApp(backend) { fixture, client in
            let path = "/documents/\(fixture.documentA)"
            var lead = Browser(client)
            var filler = Browser(client)
            var reviewer = Browser(client)
            try await lead.signIn("leadA")
            try await filler.signIn("fillerA")
            try await reviewer.signIn("reviewerA")
            for _ in 0..<2 {
                let leadPage = try await lead.get(path).text
                let fillerPage = try await filler.get(path).text
                #expect(Self.tokens(leadPage) == [lead.csrf])
                #expect(Self.tokens(fillerPage) == [filler.csrf])
                #expect(leadPage.contains("id=\"submit\""), "the lead may submit")
                #expect(!fillerPage.contains("id=\"submit\""), "the filler may not")
                #expect(fillerPage.contains("第 1 版"))
            }
            let page = try await filler.get(path).text
            #expect(try await filler.post(path, WalkThroughTests.editorFields(page, changing: ["budget.spent": "300"])).status == .seeOther)
            #expect(try await lead.get(path).text.contains("第 2 版"), "the save shows at once")
            #expect(try await lead.post(path + "/submit").status == .seeOther)
            let submitted = try await lead.get(path).text
            #expect(submitted.contains("已提交") && !submitted.contains("id=\"submit\""))
            let reviewing = try await reviewer.get(path).text
            #expect(reviewing.contains("id=\"approve\"") && Self.tokens(reviewing) == [reviewer.csrf])
        }
    }

    /// The distinct CSRF tokens the page's forms carry.
    static func tokens(_ html: String) -> Set<String> {
        Set(html.matches(of: #/name="_csrf" value="([^"]*)"/#).map { String($0.output.1) })
    }
}
