import Foundation
import HTTPTypes
import HummingbirdTesting
import JixiaoCore
import JixiaoDocuments
import JixiaoStore
import Testing
@testable import JixiaoWeb

/// The attack report's rows (issue [5]) that the web layer answers: each is refused quickly with a message that
/// names the parameter or field, nothing is stored, and the server goes on serving.
@Suite struct AttackTests {
    /// Row 1: a page number that overflowed `limit * (page - 1)` and killed the process.
    @Test(arguments: WebHarness.backends)
    func hugePageNumbersAreRefusedNotOverflowed(_ backend: WebHarness.Backend) async throws {
        try await WebHarness.withApp(backend) { _, client in
            var admin = Browser(client)
            try await admin.signIn("admin")
            let token = try await Self.apiToken("admin", client)
            for path in ["/api/public/documents?page=9223372036854775807", "/overview?page=9223372036854775807",
                         "/api/documents?page=9223372036854775807", "/api/documents?limit=9223372036854775807",
                         "/api/documents?offset=-1", "/overview?page=0", "/overview?year=-5", "/public?year=99999",
                         "/documents?year=9223372036854775808"] {
                let answer = try await admin.send(path, method: .get, headers: [.authorization: "Bearer \(token)"], body: nil)
                #expect(answer.status == .badRequest, "\(path)")
                #expect(answer.text.contains("应为"), "\(path): \(answer.text.prefix(200))")
            }
            #expect(try await admin.get("/overview?page=2").status == .ok)
            #expect(try await admin.get("/api/public/documents").status == .ok, "the server keeps serving")
        }
    }

    /// Rows 2 and 3: a weight of 1e40 or a score of 1e309 looped forever in the preview and the save.
    @Test(arguments: WebHarness.backends)
    func numbersBeyondTheRangeAreRefusedInPreviewSaveAndAPI(_ backend: WebHarness.Backend) async throws {
        try await WebHarness.withApp(backend) { fixture, client in
            var unit = Browser(client)
            try await unit.signIn("leadA")
            let path = "/documents/\(fixture.documentA)"
            let fields = WalkThroughTests.editorFields(try await unit.get(path).text, changing: [:])
            for (field, value) in [("c0.g0.r0.weight", "1e40"), ("c0.g0.r0.weight", "1e39"), ("c0.g0.r0.score", "1e309"),
                                   ("budget.spent", "1e40")] {
                let changed = fields.merging([field: value]) { $1 }
                let preview = try await unit.post(path + "/preview", changed)
                #expect(preview.status == .unprocessableContent, "\(field)=\(value)")
                #expect(preview.text.contains("超出可处理的范围"), "\(preview.text)")
                let save = try await unit.post(path, changed)
                #expect(save.status == .unprocessableContent)
            }
            #expect(try await fixture.app.store.document(fixture.documentA, as: SelfEvaluation.self, for: Actor(role: .bureauAdmin)).head.version == 1)

            var evaluation = try WebHarness.evaluation("seed004-self-evaluation.json")
            evaluation.indicators.categories[0].groups[0].indicators[0].weight = .value(ExactDecimal(significand: 1, exponent: 40))
            let workbook = try SelfEvaluationWorkbook.data(evaluation, scores: .stated)
            let imported = try await unit.upload("/documents/import", file: workbook, name: "huge.xlsx")
            #expect(imported.status == .unprocessableContent)
            #expect(imported.text.contains("超出可处理的范围"), "\(imported.text.prefix(400))")
            #expect(try await unit.get("/documents").status == .ok, "the server keeps serving")
        }
    }

    /// Row 7: an indicator named like the page cache's old token marker was replaced by the viewer's CSRF token.
    @Test(arguments: WebHarness.backends)
    func userTextIsNeverReplacedByTheViewersToken(_ backend: WebHarness.Backend) async throws {
        try await WebHarness.withApp(backend) { fixture, client in
            let admin = Actor(role: .bureauAdmin)
            var record = try await fixture.app.store.document(fixture.documentA, as: SelfEvaluation.self, for: admin)
            let tricks = [#"<csrf/>"#, #"name="_csrf" value="""#, "&lt;csrf/&gt;"]
            let tree = record.body.indicators
            let rows = tree.categories.indices.flatMap { c in
                tree.categories[c].groups.indices.flatMap { g in tree.categories[c].groups[g].indicators.indices.map { (c, g, $0) } }
            }.prefix(tricks.count)
            for ((c, g, r), trick) in zip(rows, tricks) {
                record.body.indicators.categories[c].groups[g].indicators[r].name = trick
            }
            _ = try await fixture.app.store.save(record.id, record.body, expectedVersion: 1, by: WebHarness.system, as: admin)
            var filler = Browser(client)
            var lead = Browser(client)
            try await filler.signIn("fillerA")
            try await lead.signIn("leadA")
            for browser in [filler, lead] {
                var viewer = browser
                let page = try await viewer.get("/documents/\(fixture.documentA)").text
                #expect(ProjectPageCacheTests.tokens(page) == [viewer.csrf])
                let fields = WalkThroughTests.editorFields(page, changing: [:])
                for ((c, g, r), trick) in zip(rows, tricks) {
                    #expect(fields["c\(c).g\(g).r\(r).name"] == trick, "row c\(c).g\(g).r\(r) reads back as typed")
                }
            }
        }
    }

    /// Row 10: U+FFFF in a project name made the DOCX, the XLSX and the bureau's overview export ill-formed.
    @Test(arguments: WebHarness.backends)
    func charactersXMLCannotCarryAreRefusedAtEveryWayIn(_ backend: WebHarness.Backend) async throws {
        try await WebHarness.withApp(backend) { fixture, client in
            var unit = Browser(client)
            try await unit.signIn("leadA")
            let path = "/documents/\(fixture.documentA)"
            let fields = WalkThroughTests.editorFields(try await unit.get(path).text, changing: [:])
            for bad in ["项目\u{FFFF}", "项目\u{FFFE}", "项目\u{0007}"] {
                let save = try await unit.post(path, fields.merging(["goal.expected": bad]) { $1 })
                #expect(save.status == .unprocessableContent)
                #expect(save.text.contains("不可用的字符"), "\(save.text.prefix(300))")
            }
            var evaluation = try WebHarness.evaluation("seed004-self-evaluation.json")
            evaluation.project = "名称\u{FFFF}"
            let body = String(decoding: try JSONEncoder().encode(evaluation), as: UTF8.self)
            let token = try await Self.apiToken("leadA", client)
            let api = try await unit.send("/api/documents", method: .post, headers: [.contentType: "application/json", .authorization: "Bearer \(token)"], body: .init(string: body))
            #expect(api.status == .unprocessableContent)
            #expect(api.text.contains("不可用的字符"))
            let imported = try await unit.upload("/documents/import", file: Data(body.utf8), name: "bad.json")
            #expect(imported.status == .unprocessableContent)
            #expect(imported.text.contains("不可用的字符"))
            var admin = Browser(client)
            try await admin.signIn("admin")
            let export = try await admin.get("/overview.xlsx")
            #expect(export.status == .ok)
        }
    }

    /// Row 12: a 60,000-character search was a 500 ("LIKE or GLOB pattern too complex").
    @Test(arguments: WebHarness.backends)
    func longSearchTextIsA400(_ backend: WebHarness.Backend) async throws {
        try await WebHarness.withApp(backend) { _, client in
            var anonymous = Browser(client)
            let answer = try await anonymous.get("/public?q=" + String(repeating: "a", count: 60_000))
            #expect(answer.status == .badRequest)
            #expect(answer.text.contains("过长"))
            #expect(try await anonymous.get("/public?q=" + Browser.encode("应急")).status == .ok)
        }
    }

    /// Row 13: every answer carries the security headers, errors and redirects included.
    @Test func everyAnswerCarriesTheSecurityHeaders() async throws {
        try await WebHarness.withApp(.sqlite) { fixture, client in
            var anonymous = Browser(client)
            for path in ["/public", "/login", "/static/site.css", "/documents", "/no-such-page", "/api/documents", "/"] {
                let answer = try await anonymous.get(path)
                let policy = answer.headers[.contentSecurityPolicy] ?? ""
                #expect(policy.contains("frame-ancestors 'none'") && policy.contains("script-src 'self'") && !policy.contains("unsafe-inline"), "\(path)")
                #expect(answer.headers[.xContentTypeOptions] == "nosniff", "\(path)")
                let referrer = try #require(HTTPField.Name("Referrer-Policy"))
                #expect(answer.headers[referrer] == "same-origin", "\(path)")
            }
        }
    }

    /// Row 15: a JSON file over the API's 2 MiB, and the same file imported twice.
    @Test(arguments: WebHarness.backends)
    func oversizedJSONAndRepeatedImportsAreRefused(_ backend: WebHarness.Backend) async throws {
        try await WebHarness.withApp(backend) { fixture, client in
            var unit = Browser(client)
            try await unit.signIn("leadA")
            let before = try await fixture.app.store.listings(for: Actor(role: .bureauAdmin)).total
            let big = try await unit.upload("/documents/import", file: Data(count: WebLimits.formBytes + 1), name: "big.json")
            #expect(big.status == .contentTooLarge)
            var evaluation = try WebHarness.evaluation("seed004-self-evaluation.json")
            evaluation.kind = .project
            evaluation.project = "新项目"
            let file = try JSONEncoder().encode(evaluation)
            let first = try await unit.upload("/documents/import", file: file, name: "a.json")
            #expect(first.status == .seeOther)
            let again = try await unit.upload("/documents/import", file: file, name: "a.json")
            #expect(again.status == .seeOther)
            #expect(again.headers[.location] == first.headers[.location], "the same project, not a copy")
            #expect(try await fixture.app.store.listings(for: Actor(role: .bureauAdmin)).total == before + 1)
            let id = String((first.headers[.location] ?? "").split(separator: "/").last ?? "")
            #expect(try await fixture.app.store.document(id, as: SelfEvaluation.self, for: Actor(role: .bureauAdmin)).head.version == 2)
        }
    }

    /// A Bearer token for the JSON API.
    static func apiToken(_ login: String, _ client: any TestClientProtocol) async throws -> String {
        let answer = try await WebHarness.apiSession(client, login)
        struct Session: Decodable { var token: String }
        return try JSONDecoder().decode(Session.self, from: Data(answer.body.readableBytesView)).token
    }
}

/// Row 9: eight anonymous downloads of a published report's PDF started LibreOffice eight times.
@Suite struct PDFQueueTests {
    static let hasLibreOffice = FileManager.default.isExecutableFile(atPath: "/usr/bin/soffice")

    @Test(.enabled(if: hasLibreOffice, "needs LibreOffice (libreoffice-writer-nogui)"))
    func manyRequestsForOneVersionStartLibreOfficeOnce() async throws {
        try await WebHarness.withApp(.sqlite) { fixture, client in
            let store = fixture.app.store
            let lead = fixture.leadA
            let admin = Actor(role: .bureauAdmin)
            for (action, actor) in [(WorkflowAction.submit, lead), (.approve, admin), (.publish, admin)] {
                _ = try await store.transition(fixture.documentA, action, by: WebHarness.system, as: actor)
            }
            let path = "/public/\(fixture.documentA)/report.pdf"
            let answers = try await withThrowingTaskGroup(of: (HTTPResponse.Status, Data).self) { group in
                for _ in 0..<8 {
                    group.addTask {
                        let response = try await client.execute(uri: path, method: .get, headers: [:], body: nil)
                        return (response.status, Data(response.body.readableBytesView))
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(answers.allSatisfy { $0.0 == .ok && $0.1.starts(with: Data("%PDF".utf8)) })
            let again = try await client.execute(uri: path, method: .get, headers: [:], body: nil)
            #expect(again.status == .ok)
            #expect(await fixture.app.pdfs.conversions == 1, "one version, one conversion")
        }
    }
}
