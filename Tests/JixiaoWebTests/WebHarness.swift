import Foundation
import Hummingbird
import HummingbirdTesting
import JixiaoCore
import JixiaoDocuments
@testable import JixiaoStore
import SQLKit
import Testing
@testable import JixiaoWeb

/// The web suites' setting: a real store (a SQLite file, or a new PostgreSQL database when JIXIAO_TEST_POSTGRES
/// is set), two units with a project each, and one user of every role.
enum WebHarness {
    enum Backend: String, CaseIterable, CustomTestStringConvertible, Sendable {
        case sqlite, postgres
        var testDescription: String { rawValue }
    }

    static let postgresURL = ProcessInfo.processInfo.environment["JIXIAO_TEST_POSTGRES"]
    static var backends: [Backend] { postgresURL == nil ? [.sqlite] : [.sqlite, .postgres] }
    static let unitA = "株洲市芦淞区应急管理局"
    static let unitB = "攀枝花市东区应急管理局"
    static let password = "correct-horse-battery"
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The users every test can sign in as, by login.
    static let users: [(login: String, role: Role, agency: String?, reviews: [String])] = [
        ("fillerA", .unitFiller, unitA, []), ("leadA", .unitLead, unitA, []), ("leadB", .unitLead, unitB, []),
        ("reviewerA", .reviewer, nil, [unitA]), ("reviewerB", .reviewer, nil, [unitB]), ("admin", .bureauAdmin, nil, []),
    ]

    /// `POST /api/session` for `login`, tried again while the server answers 503 (a client honouring Retry-After).
    static func apiSession(_ client: any TestClientProtocol, _ login: String, password: String = password) async throws -> TestResponse {
        var attempts = 0
        while true {
            attempts += 1
            let response = try await client.execute(
                uri: "/api/session", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: #"{"login":"\#(login)","password":"\#(password)"}"#))
            guard response.status == .serviceUnavailable, attempts < 50 else { return response }
            try await Task.sleep(for: .milliseconds(100))
        }
    }

    static func evaluation(_ name: String) throws -> SelfEvaluation {
        try JSONDecoder().decode(SelfEvaluation.self, from: Data(contentsOf: repository.appendingPathComponent("docs/examples/\(name)")))
    }

    /// The fixture: its app, the ids of unit A's and unit B's documents (A's overall evaluation, B's project
    /// self-evaluation), and of the two units.
    struct Fixture: Sendable {
        var app: WebApp
        var documentA: String
        var documentB: String
        var agencyA: String
        var agencyB: String

        /// Unit A's lead and unit B's lead as the workflow sees them.
        var leadA: Actor { Actor(role: .unitLead, agency: agencyA) }
        var leadB: Actor { Actor(role: .unitLead, agency: agencyB) }
    }

    static let profiles = try! ProfileCatalog.builtin()
    static let approvals = try! RuleFiles.approvalRules()
    static let system = Author(id: nil, name: "fixture")

    /// Runs `body` against a router over a fresh store.
    static func withApp(
        _ backend: Backend, profiles: ProfileCatalog = profiles, _ body: @escaping @Sendable (Fixture, any TestClientProtocol) async throws -> Void
    ) async throws {
        try await withDatabase(backend, profiles: profiles) { database in
            let app = try await WebApp(database: database, profiles: profiles, bcryptCost: 4)
            let agencyA = try await database.store.addAgency(unitA)
            let agencyB = try await database.store.addAgency(unitB)
            for user in users {
                try await database.accounts.createUser(
                    login: user.login, displayName: user.login, passwordHash: try await app.hashPassword(password, for: user.login), role: user.role,
                    agency: user.agency, reviews: user.reviews)
            }
            let a = try await database.store.create([try evaluation("seed004-self-evaluation.json")], by: system)[0]
            let b = try await database.store.create([try evaluation("seed000-project.json")], by: system)[0]
            let fixture = Fixture(app: app, documentA: a.id, documentB: b.id, agencyA: agencyA.id, agencyB: agencyB.id)
            try await Application(router: app.router()).test(.router) { client in try await body(fixture, client) }
        }
    }

    static func withDatabase(_ backend: Backend, profiles: ProfileCatalog = profiles, _ body: (StoreDatabase) async throws -> Void) async throws {
        func run(_ location: String) async throws {
            let database = try await StoreDatabase.open(location, profiles: profiles, approvals: approvals)
            do { try await body(database) } catch {
                try await database.shutdown()
                throw error
            }
            try await database.shutdown()
        }
        switch backend {
        case .sqlite: try await run(FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-web-\(UUID().uuidString).sqlite").path)
        case .postgres: try await withPostgresDatabase { try await run($0) }
        }
    }

    /// Runs `body` with the URL of a new PostgreSQL database, dropped afterwards (a server, or several, open it).
    static func withPostgresDatabase(_ body: (String) async throws -> Void) async throws {
        let base = try #require(postgresURL)
        let name = "jixiao_web_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        let admin = try await StoreDatabase.open(base, profiles: profiles)
        try await admin.store.database.raw("CREATE DATABASE \(unsafeRaw: name)").run()
        var failure: (any Error)?
        do { try await body(base[..<base.lastIndex(of: "/")!] + "/" + name) } catch { failure = error }
        do { try await admin.store.database.raw("DROP DATABASE \(unsafeRaw: name)").run() } catch { failure = failure ?? error }
        try await admin.shutdown()
        if let failure { throw failure }
    }
}

/// A browser's part in a test: it keeps the session cookie, finds the CSRF token on pages and posts forms.
struct Browser {
    let client: any TestClientProtocol
    var cookies: [String: String] = [:]
    var csrf = ""

    init(_ client: any TestClientProtocol) {
        self.client = client
    }

    /// Signs in through the login page; returns the final status. Like a browser honouring Retry-After, it tries again
    /// while the server answers 503 (its password checker is full: the test suites sign in many users at once).
    @discardableResult
    mutating func signIn(_ login: String, password: String = WebHarness.password) async throws -> HTTPResponse.Status {
        var response: Page
        var attempts = 0
        repeat {
            if attempts > 0 { try await Task.sleep(for: .milliseconds(100)) }
            attempts += 1
            let page = try await get("/login")
            let token = Self.field("_csrf", in: page.text)
            response = try await post("/login", ["_csrf": token, "login": login, "password": password])
        } while response.status == .serviceUnavailable && attempts < 50
        if response.status == .seeOther { csrf = Self.field("_csrf", in: try await get("/documents").text) }
        return response.status
    }

    struct Page {
        var status: HTTPResponse.Status
        var headers: HTTPFields
        var text: String
        var data: Data
    }

    mutating func get(_ path: String) async throws -> Page {
        try await send(path, method: .get, headers: [:], body: nil)
    }

    /// Posts a form; the session's CSRF token is added unless `fields` names `_csrf` itself.
    mutating func post(_ path: String, _ fields: [String: String] = [:], withCSRF: Bool = true) async throws -> Page {
        var fields = fields
        if withCSRF, fields["_csrf"] == nil { fields["_csrf"] = csrf }
        let body = fields.map { "\(Self.encode($0.key))=\(Self.encode($0.value))" }.joined(separator: "&")
        return try await send(path, method: .post, headers: [.contentType: "application/x-www-form-urlencoded"], body: ByteBuffer(string: body))
    }

    /// Posts a multipart form with one file.
    mutating func upload(_ path: String, file: Data, name: String) async throws -> Page {
        try await upload(path, files: [(name, file)])
    }

    /// Several files in one form, as a browser sends a chosen folder (each file name carries its path).
    mutating func upload(_ path: String, files: [(name: String, data: Data)]) async throws -> Page {
        let boundary = "----jixiao\(UUID().uuidString)"
        var body = Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(csrf)\r\n".utf8)
        for (name, data) in files {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(name)\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8)
            body += data + Data("\r\n".utf8)
        }
        body += Data("--\(boundary)--\r\n".utf8)
        return try await send(path, method: .post, headers: [.contentType: "multipart/form-data; boundary=\(boundary)"], body: ByteBuffer(bytes: body))
    }

    mutating func send(_ path: String, method: HTTPRequest.Method, headers: HTTPFields, body: ByteBuffer?) async throws -> Page {
        var headers = headers
        if !cookies.isEmpty { headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }
        let response = try await client.execute(uri: path, method: method, headers: headers, body: body)
        for value in response.headers[values: .setCookie] {
            let pair = value.split(separator: ";")[0].split(separator: "=", maxSplits: 1).map(String.init)
            if pair.count == 2 { cookies[pair[0]] = pair[1].isEmpty ? nil : pair[1] }
        }
        let data = Data(response.body.readableBytesView)
        return Page(status: response.status, headers: response.headers, text: String(decoding: data, as: UTF8.self), data: data)
    }

    static func field(_ name: String, in html: String) -> String {
        guard let range = html.range(of: "name=\"\(name)\" value=\"") else { return "" }
        let rest = html[range.upperBound...]
        return String(rest[..<(rest.firstIndex(of: "\"") ?? rest.endIndex)])
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }
}
