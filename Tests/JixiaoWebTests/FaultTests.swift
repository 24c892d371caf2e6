import Foundation
import Hummingbird
import HummingbirdTesting
import JixiaoCore
import JixiaoOffice
import JixiaoStore
import Synchronization
import Testing
@testable import JixiaoWeb

/// What goes wrong in real use: forms without their token, oversized and broken uploads, two users saving the same
/// project, malformed API calls, sessions that end. Each is refused with a clear message and nothing is lost.
@Suite struct FaultTests {
    @Test(arguments: WebHarness.backends)
    func aFormWithoutItsCSRFTokenIsRefused(_ backend: WebHarness.Backend) async throws {
        try await WebHarness.withApp(backend) { fixture, client in
            var unit = Browser(client)
            try await unit.signIn("leadA")
            let path = "/documents/\(fixture.documentA)"
            for token in [nil, "forged-token"] {
                var fields = ["version": "1", "budget.spent": "1"]
                fields["_csrf"] = token
                let refused = try await unit.post(path, fields, withCSRF: false)
                #expect(refused.status == .forbidden)
                #expect(refused.text.contains("CSRF"))
            }
            #expect(try await unit.post(path + "/submit", withCSRF: false).status == .forbidden)
            #expect(try await unit.post("/logout", withCSRF: false).status == .forbidden)
            let stored = try await fixture.app.store.document(fixture.documentA, as: SelfEvaluation.self, for: Actor(role: .bureauAdmin))
            #expect(stored.head.version == 1 && stored.head.state == .draft)

            var stranger = Browser(client)
            let login = try await stranger.post("/login", ["login": "leadA", "password": WebHarness.password], withCSRF: false)
            #expect(login.status == .forbidden, "the login form needs its double-submit token too")
        }
    }

    @Test(arguments: WebHarness.backends)
    func oversizedUploadsAreRefusedBeforeTheyAreRead(_ backend: WebHarness.Backend) async throws {
        try await WebHarness.withApp(backend) { fixture, client in
            var unit = Browser(client)
            try await unit.signIn("leadA")
            let before = try await fixture.app.store.listings(for: Actor(role: .bureauAdmin)).total
            let big = try await unit.upload("/documents/import", file: Data(count: WebLimits.uploadBytes + 1), name: "big.xlsx")
            #expect(big.status == .contentTooLarge)
            #expect(big.text.contains("上限为 10 MiB"))
            let form = try await unit.post("/documents/\(fixture.documentA)", ["note": String(repeating: "x", count: WebLimits.formBytes + 1)])
            #expect(form.status == .contentTooLarge)
            #expect(try await fixture.app.store.listings(for: Actor(role: .bureauAdmin)).total == before)
            #expect(try await unit.get("/documents").status == .ok, "the server keeps serving")
        }
    }

    /// A body whose Content-Length is over the limit is refused from its headers: not one byte is read.
    @Test func aDeclaredOversizedBodyIsRefusedUnread() async throws {
        let probe = ReadProbe()
        let body = RequestBody(asyncSequence: AsyncStream<ByteBuffer>(unfolding: {
            probe.touched.withLock { $0 = true }
            return nil
        }))
        let head = HTTPRequest(
            method: .post, scheme: "http", authority: "127.0.0.1", path: "/documents/import",
            headerFields: [.contentType: "multipart/form-data; boundary=x", .contentLength: "52428800"])
        do {
            _ = try await FormData.read(Request(head: head, body: body), limit: WebLimits.uploadBytes)
            Issue.record("a 50 MiB declaration was accepted")
        } catch let error as HTTPError {
            #expect(error.status == .contentTooLarge)
        }
        #expect(!probe.touched.withLock { $0 })
    }

    final class ReadProbe: Sendable {
        let touched = Mutex(false)
    }

    @Test(arguments: WebHarness.backends)
    func aBrokenImportLeavesNothingBehind(_ backend: WebHarness.Backend) async throws {
        try await WebHarness.withApp(backend) { fixture, client in
            var unit = Browser(client)
            try await unit.signIn("leadA")
            let before = try await fixture.app.store.listings(for: Actor(role: .bureauAdmin)).total
            let notZip = try await unit.upload("/documents/import", file: Data("这不是工作簿".utf8), name: "自评表.xlsx")
            #expect(notZip.status == .unprocessableContent)
            #expect(notZip.text.contains("自评表.xlsx"))
            let truncated = try Data(contentsOf: WalkThroughTests.fixture).prefix(4000)
            let cut = try await unit.upload("/documents/import", file: Data(truncated), name: "截断.xlsx")
            #expect(cut.status == .unprocessableContent)
            #expect(cut.text.contains("截断.xlsx"))
            let wrongKind = try await unit.upload("/documents/import", file: Data("a,b".utf8), name: "表.doc")
            #expect(wrongKind.status == .unprocessableContent)
            #expect(wrongKind.text.contains("只能导入 .xlsx"))
            var otherUnit = Browser(client)
            try await otherUnit.signIn("leadB")
            let foreign = try await otherUnit.upload("/documents/import", file: Data(contentsOf: WalkThroughTests.fixture), name: "seed004.xlsx")
            #expect(foreign.status == .unprocessableContent)
            #expect(foreign.text.contains("不能导入其他单位的自评表"))
            #expect(try await fixture.app.store.listings(for: Actor(role: .bureauAdmin)).total == before)
        }
    }

    @Test(arguments: WebHarness.backends)
    func theLaterOfTwoSavesIsRefusedAndKeepsWhatWasTyped(_ backend: WebHarness.Backend) async throws {
        try await WebHarness.withApp(backend) { fixture, client in
            let path = "/documents/\(fixture.documentA)"
            var first = Browser(client)
            var second = Browser(client)
            try await first.signIn("fillerA")
            try await second.signIn("leadA")
            let firstPage = try await first.get(path).text
            let secondPage = try await second.get(path).text
            let saved = try await first.post(path, WalkThroughTests.editorFields(firstPage, changing: ["budget.spent": "300.01"]))
            #expect(saved.status == .seeOther)
            let refused = try await second.post(path, WalkThroughTests.editorFields(secondPage, changing: ["budget.spent": "311.11"]))
            #expect(refused.status == .conflict)
            #expect(refused.text.contains("311.11"), "the page keeps what the second user typed")
            #expect(refused.text.contains("第 2 版"), "and offers it on top of the newer version")
            let stored = try await fixture.app.store.document(fixture.documentA, as: SelfEvaluation.self, for: Actor(role: .bureauAdmin))
            #expect(stored.head.version == 2)
            #expect(stored.body.budget.total.spent == Money(fen: 300_01_00_00), "300.01 万元 is kept")
        }
    }

    @Test(arguments: WebHarness.backends)
    func apiErrorsAreJSONWithAReason(_ backend: WebHarness.Backend) async throws {
        try await WebHarness.withApp(backend) { fixture, client in
            func call(_ path: String, _ method: HTTPRequest.Method, _ body: String?, token: String? = nil) async throws -> (HTTPResponse.Status, String) {
                var headers: HTTPFields = [.contentType: "application/json"]
                if let token { headers[.authorization] = "Bearer \(token)" }
                var response = try await client.execute(uri: path, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
                // A busy password checker answers 503 with Retry-After; a client tries again.
                for _ in 0..<50 where response.status == .serviceUnavailable && path == "/api/session" {
                    try await Task.sleep(for: .milliseconds(100))
                    response = try await client.execute(uri: path, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
                }
                return (response.status, String(buffer: response.body))
            }
            #expect(try await call("/api/documents", .get, nil) == (.unauthorized, #"{"error":"请先登录（Authorization: Bearer 令牌）"}"#))
            #expect(try await call("/api/documents", .get, nil, token: "forged").0 == .unauthorized)
            #expect(try await call("/api/session", .post, #"{"login":"leadA","password":"wrong"}"#).0 == .unauthorized)
            let (status, body) = try await call("/api/session", .post, #"{"login":"leadA","password":"\#(WebHarness.password)"}"#)
            #expect(status == .created)
            let token = try #require(body.firstMatch(of: #/"token":"([^"]+)"/#).map { String($0.output.1) })
            let broken = try await call("/api/documents", .post, "{not json", token: token)
            #expect(broken.0 == .badRequest && broken.1.contains("JSON 无法解析"))
            let missing = try await call("/api/documents/\(fixture.documentA)", .put, #"{"version":1}"#, token: token)
            #expect(missing.0 == .badRequest && missing.1.contains("缺少字段“evaluation”"))
            let noComment = try await call("/api/documents/\(fixture.documentA)/submit", .post, nil, token: token)
            #expect(noComment.0 == .ok, "submit needs no body")
            #expect(try await call("/api/session", .delete, nil, token: token).0 == .noContent)
            #expect(try await call("/api/documents", .get, nil, token: token).0 == .unauthorized, "a closed session's token is refused")
        }
    }

    @Test(arguments: WebHarness.backends)
    func sessionCookiesAreHttpOnlyAndEndAtLogout(_ backend: WebHarness.Backend) async throws {
        try await WebHarness.withApp(backend) { _, client in
            var user = Browser(client)
            let page = try await user.get("/login")
            let response = try await user.post("/login", ["_csrf": Browser.field("_csrf", in: page.text), "login": "leadA", "password": WebHarness.password], withCSRF: false)
            let cookie = try #require(response.headers[values: .setCookie].first { $0.hasPrefix("jixiao_session=") })
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"))
            var wrong = Browser(client)
            let refused = try await wrong.post("/login", ["_csrf": Browser.field("_csrf", in: try await wrong.get("/login").text), "login": "leadA", "password": "nope"], withCSRF: false)
            #expect(refused.status == .unauthorized && refused.text.contains("登录名或密码不正确"))

            user.csrf = Browser.field("_csrf", in: try await user.get("/documents").text)
            let stolen = user.cookies
            #expect(try await user.post("/logout").headers[.location] == "/login")
            var replay = Browser(client)
            replay.cookies = stolen
            #expect(try await replay.get("/documents").headers[.location] == "/login", "the session is closed in the store, not only in the browser")
        }
    }

    @Test(arguments: WebHarness.backends)
    func theOverviewSortsFiltersAndExports(_ backend: WebHarness.Backend) async throws {
        try await WebHarness.withApp(backend) { fixture, client in
            var bureau = Browser(client)
            try await bureau.signIn("admin")
            let ascending = try await bureau.get("/overview?sort=score&dir=asc").text
            let descending = try await bureau.get("/overview?sort=score&dir=desc").text
            func order(_ html: String) -> [String] {
                html.matches(of: #/href="/documents/([0-9A-Fa-f-]+)"/#).map { String($0.output.1) }.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
            }
            #expect(order(ascending).count == 2)
            #expect(order(ascending) == order(descending).reversed())
            #expect(try await bureau.post("/documents/\(fixture.documentA)/submit").status == .forbidden, "the bureau does not submit for a unit")
            _ = try await fixture.app.store.transition(fixture.documentA, .submit, by: WebHarness.system, as: fixture.leadA)
            let submitted = try await bureau.get("/overview?state=submitted").text
            #expect(order(submitted) == [fixture.documentA])
            #expect(submitted.contains("共 1 项"))

            let export = try await bureau.get("/overview.xlsx?state=submitted")
            #expect(export.status == .ok)
            let sheet = try Workbook(data: export.data, file: "overview.xlsx").sheet(at: 0)
            #expect(sheet.rows.first?.first == "单位")
            #expect(sheet.rows.count == 2)
            #expect(sheet.text(row: 2, column: 1) == WebHarness.unitA)
            #expect(sheet.text(row: 2, column: 3) == "部门整体支出绩效自评")
            #expect(sheet.text(row: 2, column: 5) == "已提交")
            #expect(Decimal(string: sheet.text(row: 2, column: 6)) != nil, "the score is a number in the sheet")

            var reviewer = Browser(client)
            try await reviewer.signIn("reviewerB")
            #expect(order(try await reviewer.get("/overview").text) == [fixture.documentB], "a reviewer's overview holds only their units")
        }
    }

    @Test(arguments: WebHarness.backends)
    func thePublicSeesOnlyPublishedEvaluationsAndDownloadsReadBack(_ backend: WebHarness.Backend) async throws {
        try await WebHarness.withApp(backend) { fixture, client in
            var visitor = Browser(client)
            #expect(!(try await visitor.get("/public").text.contains(fixture.documentB)))
            let bureau = Actor(role: .bureauAdmin)
            let store = fixture.app.store
            _ = try await store.transition(fixture.documentB, .submit, by: WebHarness.system, as: fixture.leadB)
            _ = try await store.transition(fixture.documentB, .approve, by: WebHarness.system, as: bureau)
            #expect(!(try await visitor.get("/public").text.contains(fixture.documentB)), "approved is not yet public")
            _ = try await store.transition(fixture.documentB, .publish, by: WebHarness.system, as: bureau)
            let listing = try await visitor.get("/public").text
            #expect(listing.contains(fixture.documentB) && !listing.contains(fixture.documentA))
            let api = try await client.execute(uri: "/api/public/documents", method: .get)
            #expect(String(buffer: api.body).contains(fixture.documentB) && !String(buffer: api.body).contains(fixture.documentA))

            let docx = try await visitor.get("/public/\(fixture.documentB)/report.docx")
            #expect(docx.status == .ok)
            let document = try WordDocument(package: OfficePackage(data: docx.data, file: "report.docx"))
            #expect(document.paragraphs.contains { $0.text.contains("应急管理专项经费") })
            #expect(document.paragraphs.contains { $0.text.contains("预算执行率为85.23%") })
            let xlsx = try await visitor.get("/public/\(fixture.documentB)/report.xlsx")
            let table = try Workbook(data: xlsx.data, file: "table.xlsx").sheet(at: 0)
            #expect(table.rows.joined().contains { $0.contains("应急管理专项经费") })
            #expect(try await visitor.get("/public/\(fixture.documentA)/report.docx").status == .notFound)
        }
    }
}
