import Foundation
import Hummingbird
import HummingbirdTesting
import JixiaoCore
import JixiaoStore
import Testing
@testable import JixiaoWeb

/// Every role against every route, pages and API, on a document of unit A in the state the route needs. Unit B's
/// lead and reviewer asking for unit A's project by id is the "other unit" case: they get 404, as if it did not exist.
@Suite struct RouteMatrixTests {
    /// The matrix's columns: who asks. "public" is nobody signed in.
    static let roles = ["public", "fillerA", "leadA", "leadB", "reviewerA", "reviewerB", "admin"]

    /// One row: a request and the answer each role gets, in the order of `roles`. An answer is a status code;
    /// "see" is a redirect elsewhere than the login page (the page form's success), "login" a redirect to it.
    struct Row: Sendable {
        var method: HTTPRequest.Method
        /// `{id}` stands for a fresh project self-evaluation of unit A in `state`, `{version}` for its version,
        /// `{project}` for its project and `{agency}` for unit A.
        var path: String
        var state: WorkflowState = .draft
        var form: [String: String] = [:]
        /// Sent as a JSON body (API rows).
        var json: String?
        var expected: String
    }

    static let pageRows: [Row] = [
        Row(method: .get, path: "/", expected: "see see see see see see see"),
        Row(method: .get, path: "/documents", expected: "login 200 200 200 200 200 200"),
        Row(method: .get, path: "/documents/{id}", expected: "login 200 200 404 200 404 200"),
        Row(method: .get, path: "/documents/no-such-project", expected: "login 404 404 404 404 404 404"),
        Row(method: .get, path: "/documents/{id}/history", expected: "login 200 200 404 200 404 200"),
        Row(method: .get, path: "/documents/{id}/report.docx", expected: "login 200 200 404 200 404 200"),
        Row(method: .get, path: "/documents/{id}/report.xlsx", expected: "login 200 200 404 200 404 200"),
        Row(method: .get, path: "/documents/{id}/report.html", expected: "login 200 200 404 200 404 200"),
        Row(method: .get, path: "/documents/{id}/report.exe", expected: "login 404 404 404 404 404 404"),
        Row(method: .get, path: "/projects/{project}", expected: "login 200 200 404 200 404 200"),
        Row(method: .get, path: "/projects/no-such-project", expected: "login 404 404 404 404 404 404"),
        Row(method: .get, path: "/agencies/{agency}", expected: "login 200 200 404 200 404 200"),
        Row(method: .get, path: "/inbox", expected: "login 403 403 403 200 200 200"),
        Row(method: .get, path: "/overview", expected: "login 403 403 403 200 200 200"),
        Row(method: .get, path: "/overview.xlsx", expected: "login 403 403 403 200 200 200"),
        Row(method: .get, path: "/admin", expected: "login 403 403 403 403 403 200"),
        Row(method: .get, path: "/collection", expected: "login 403 403 403 200 200 200"),
        Row(method: .get, path: "/collection?view=late&year=2023", expected: "login 403 403 403 200 200 200"),
        Row(method: .get, path: "/collection?view=bogus", expected: "login 403 403 403 400 400 400"),
        Row(method: .get, path: "/collection.xlsx", expected: "login 403 403 403 200 200 200"),
        Row(method: .get, path: "/archives/2023", expected: "login 403 403 403 403 403 200"),
        Row(method: .get, path: "/archives/2031/download", expected: "login 403 403 403 403 403 404"),
        Row(method: .get, path: "/public", expected: "200 200 200 200 200 200 200"),
        Row(method: .get, path: "/public?page=2&year=2023", expected: "200 200 200 200 200 200 200"),
        Row(method: .get, path: "/public?page=0", expected: "400 400 400 400 400 400 400"),
        Row(method: .get, path: "/public/{id}/report.html", expected: "404 404 404 404 404 404 404"),
        Row(method: .get, path: "/public/{id}/report.html", state: .approved, expected: "404 404 404 404 404 404 404"),
        Row(method: .get, path: "/public/{id}/report.html", state: .published, expected: "200 200 200 200 200 200 200"),
        Row(method: .get, path: "/login", expected: "200 200 200 200 200 200 200"),
        Row(method: .get, path: "/static/site.css", expected: "200 200 200 200 200 200 200"),
        Row(method: .get, path: "/static/editor.js", expected: "200 200 200 200 200 200 200"),
        Row(method: .post, path: "/documents", form: ["project": "新建项目{id}", "fiscalYear": "2024", "agency": WebHarness.unitA],
            expected: "login see see see 403 403 see"),
        Row(method: .post, path: "/documents/{id}", form: ["version": "{version}", "budget.spent": "300", "project": "矩阵项目{id}"],
            expected: "login see see 404 403 404 see"),
        Row(method: .post, path: "/documents/{id}", state: .returned, form: ["version": "{version}", "budget.spent": "300", "project": "矩阵项目{id}"],
            expected: "login see see 404 403 404 see"),
        Row(method: .post, path: "/documents/{id}", state: .submitted, form: ["version": "{version}", "budget.spent": "300", "project": "矩阵项目{id}"],
            expected: "login 403 403 404 403 404 403"),
        Row(method: .post, path: "/documents/{id}", state: .published, form: ["version": "{version}", "budget.spent": "300", "project": "矩阵项目{id}"],
            expected: "login 403 403 404 403 404 403"),
        Row(method: .post, path: "/documents/{id}/preview", form: ["budget.spent": "300", "project": "矩阵项目{id}"], expected: "login 200 200 404 200 404 200"),
        Row(method: .post, path: "/documents/{id}/submit", expected: "login 403 see 404 403 404 403"),
        Row(method: .post, path: "/documents/{id}/submit", state: .returned, expected: "login 403 see 404 403 404 403"),
        Row(method: .post, path: "/documents/{id}/submit", state: .approved, expected: "login 403 403 404 403 404 403"),
        Row(method: .post, path: "/documents/{id}/return", state: .submitted, form: ["comment": "请补充偏差说明"],
            expected: "login 403 403 404 see 404 see"),
        Row(method: .post, path: "/documents/{id}/return", state: .published, form: ["comment": "请补充偏差说明"],
            expected: "login 403 403 404 403 404 403"),
        Row(method: .post, path: "/documents/{id}/approve", state: .submitted, expected: "login 403 403 404 see 404 see"),
        Row(method: .post, path: "/documents/{id}/approve", expected: "login 403 403 404 403 404 403"),
        Row(method: .post, path: "/documents/{id}/publish", state: .approved, expected: "login 403 403 404 see 404 see"),
        Row(method: .post, path: "/documents/{id}/publish", state: .submitted, expected: "login 403 403 404 403 404 403"),
        Row(method: .post, path: "/admin/agencies", form: ["name": "新单位{id}"], expected: "login 403 403 403 403 403 see"),
        // A reviewer reminds their own units only; another unit's id is "not found".
        Row(method: .post, path: "/collection/remind", form: ["year": "2023", "agency": "{agency}", "message": "请按期报送"],
            expected: "login 403 403 403 see 404 see"),
        Row(method: .post, path: "/collection/remind", form: ["year": "2023", "view": "late", "message": "请按期报送"],
            expected: "login 403 403 403 see see see"),
        Row(method: .post, path: "/collection/import", expected: "login 403 403 403 403 403 422"),
        Row(method: .post, path: "/archives/2023", expected: "login 403 403 403 403 403 see"),
        // A ledger's forms on a document of another kind are refused; the import without a file too.
        Row(method: .post, path: "/documents/{id}/payments", form: ["version": "{version}", "date": "2023-05-06", "voucher": "v", "payee": "p", "amount": "1", "purpose": "u"],
            expected: "login 422 422 404 403 403 422"),
        Row(method: .post, path: "/documents/{id}/approvals", form: ["version": "{version}", "payment": "0", "position": "clerk"],
            expected: "login 422 422 404 403 403 403"),
        Row(method: .post, path: "/documents/{id}/payments/void", form: ["version": "{version}", "payment": "0"],
            expected: "login 422 422 404 403 403 403"),
        Row(method: .post, path: "/projects/{project}/ledger", expected: "login 422 422 404 403 403 422"),
        Row(method: .post, path: "/documents/{id}/monitoring", form: ["version": "{version}", "op": "spent", "month": "4", "amount": "1"],
            expected: "login 422 422 404 403 403 422"),
        Row(method: .post, path: "/admin/users/positions", form: ["login": "fillerA", "positions": "经办人"], expected: "login 403 403 403 403 403 see"),
        Row(method: .post, path: "/admin/agencies/update", form: ["id": "{agency}", "name": WebHarness.unitA, "code": "C{id}"],
            expected: "login 403 403 403 403 403 see"),
        Row(method: .post, path: "/admin/users", form: ["login": "user-{id}", "role": "unitFiller", "password": "long-enough-1", "agency": WebHarness.unitA],
            expected: "login 403 403 403 403 403 see"),
        Row(method: .get, path: "/password", expected: "login 200 200 200 200 200 200"),
        // Each role changes its password; the session that changes it stays signed in.
        Row(method: .post, path: "/password", form: ["current": WebHarness.password, "password": "a-new-password-42", "repeat": "a-new-password-42"],
            expected: "login 200 200 200 200 200 200"),
        // The admin resets their own password: their other sessions end, this one (the matrix's) stays. After the
        // row above, which needs the password the fixture gave.
        Row(method: .post, path: "/admin/users/password", form: ["login": "admin", "password": "reset-by-bureau-1"],
            expected: "login 403 403 403 403 403 see"),
        Row(method: .post, path: "/admin/years", form: ["year": "2031", "open": "1", "projectProfile": "mof-2020-project", "agencyProfile": "hunan-2023-agency"],
            expected: "login 403 403 403 403 403 see"),
    ]

    static let apiRows: [Row] = [
        Row(method: .get, path: "/api/documents", expected: "401 200 200 200 200 200 200"),
        Row(method: .get, path: "/api/documents/{id}", expected: "401 200 200 404 200 404 200"),
        Row(method: .get, path: "/api/documents/no-such-project", expected: "401 404 404 404 404 404 404"),
        Row(method: .get, path: "/api/documents/{id}/score", expected: "401 200 200 404 200 404 200"),
        Row(method: .get, path: "/api/documents/{id}/history", expected: "401 200 200 404 200 404 200"),
        Row(method: .put, path: "/api/documents/{id}", json: "save", expected: "401 200 200 404 403 404 200"),
        Row(method: .put, path: "/api/documents/{id}", state: .published, json: "save", expected: "401 403 403 404 403 404 403"),
        Row(method: .post, path: "/api/documents", json: "evaluation", expected: "401 201 201 422 403 403 201"),
        Row(method: .post, path: "/api/documents/{id}/submit", expected: "401 403 200 404 403 404 403"),
        Row(method: .post, path: "/api/documents/{id}/return", state: .submitted, json: #"{"comment":"请补充偏差说明"}"#,
            expected: "401 403 403 404 200 404 200"),
        Row(method: .post, path: "/api/documents/{id}/approve", state: .submitted, expected: "401 403 403 404 200 404 200"),
        Row(method: .post, path: "/api/documents/{id}/publish", state: .approved, expected: "401 403 403 404 200 404 200"),
        Row(method: .get, path: "/api/public/documents", expected: "200 200 200 200 200 200 200"),
    ]

    @Test(arguments: WebHarness.backends)
    func everyRoleAgainstEveryPage(_ backend: WebHarness.Backend) async throws {
        try await WebHarness.withApp(backend) { fixture, client in
            var browsers: [String: Browser] = [:]
            for role in Self.roles {
                var browser = Browser(client)
                if role != "public" { #expect(try await browser.signIn(role) == .seeOther) }
                browsers[role] = browser
            }
            for row in Self.pageRows {
                for (column, role) in Self.roles.enumerated() {
                    let target = try await Self.document(in: row.state, fixture)
                    let path = Self.fill(row.path, target)
                    var browser = try #require(browsers[role])
                    let page = row.method == .get
                        ? try await browser.get(path)
                        : try await browser.post(path, row.form.mapValues { Self.fill($0, target) })
                    browsers[role] = browser
                    Self.expect(row, column, status: page.status, location: page.headers[.location])
                }
            }
        }
    }

    @Test(arguments: WebHarness.backends)
    func everyRoleAgainstEveryOperationOfTheAPI(_ backend: WebHarness.Backend) async throws {
        try await WebHarness.withApp(backend) { fixture, client in
            var tokens: [String: String] = [:]
            for role in Self.roles where role != "public" {
                let response = try await WebHarness.apiSession(client, role)
                #expect(response.status == .created)
                struct Session: Decodable { var token: String }
                tokens[role] = try JSONDecoder().decode(Session.self, from: Data(response.body.readableBytesView)).token
            }
            let evaluation = try WebHarness.evaluation("seed000-project.json")
            for row in Self.apiRows {
                for (column, role) in Self.roles.enumerated() {
                    let target = try await Self.document(in: row.state, fixture)
                    var headers: HTTPFields = [.contentType: "application/json"]
                    if let token = tokens[role] { headers[.authorization] = "Bearer \(token)" }
                    let body: String? = switch row.json {
                    case "save": String(decoding: try JSONEncoder().encode(APISave(version: target.head.version, evaluation: target.body)), as: UTF8.self)
                    case "evaluation": String(decoding: try JSONEncoder().encode(Self.fresh(evaluation)), as: UTF8.self)
                    default: row.json
                    }
                    let response = try await client.execute(
                        uri: Self.fill(row.path, target), method: row.method, headers: headers, body: body.map { ByteBuffer(string: $0) })
                    Self.expect(row, column, status: response.status, location: nil)
                    if response.status.code >= 400 {
                        #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
                        #expect(String(buffer: response.body).hasPrefix(#"{"error":"#), "\(row.path): \(String(buffer: response.body))")
                    }
                }
            }
        }
    }

    struct APISave: Encodable {
        var version: Int
        var evaluation: SelfEvaluation
    }

    /// `evaluation` as a project self-evaluation of unit A with a name of its own (a project has one a year).
    static func fresh(_ evaluation: SelfEvaluation) -> SelfEvaluation {
        var evaluation = evaluation
        evaluation.kind = .project
        evaluation.agency.name = WebHarness.unitA
        evaluation.project = "矩阵项目 \(UUID().uuidString)"
        return evaluation
    }

    /// A new project self-evaluation of unit A, brought to `state` through the workflow by its lead and the bureau.
    static func document(in state: WorkflowState, _ fixture: WebHarness.Fixture) async throws -> Document<SelfEvaluation> {
        let store = fixture.app.store
        let created = try await store.create([fresh(try WebHarness.evaluation("seed000-project.json"))], by: WebHarness.system)[0]
        let lead = fixture.leadA
        let bureau = Actor(role: .bureauAdmin)
        let steps: [(WorkflowAction, Actor)] = switch state {
        case .draft: []
        case .submitted: [(.submit, lead)]
        case .returned: [(.submit, lead), (.return(comment: "退回"), bureau)]
        case .approved: [(.submit, lead), (.approve, bureau)]
        case .published: [(.submit, lead), (.approve, bureau), (.publish, bureau)]
        }
        for (action, actor) in steps { _ = try await store.transition(created.id, action, by: WebHarness.system, as: actor) }
        return try await store.document(created.id, as: SelfEvaluation.self, for: bureau)
    }

    static func fill(_ text: String, _ document: Document<SelfEvaluation>) -> String {
        text.replacingOccurrences(of: "{id}", with: document.id).replacingOccurrences(of: "{version}", with: String(document.head.version))
            .replacingOccurrences(of: "{project}", with: document.head.projectID ?? "").replacingOccurrences(of: "{agency}", with: document.head.agencyID)
    }

    static func expect(_ row: Row, _ column: Int, status: HTTPResponse.Status, location: String?, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let expected = row.expected.split(separator: " ")[column]
        let got: String = switch status.code {
        case 303: location == "/login" ? "login" : "see"
        default: String(status.code)
        }
        #expect(got == expected, "\(roles[column]) \(row.method) \(row.path) (\(row.state.label))", sourceLocation: sourceLocation)
    }
}
