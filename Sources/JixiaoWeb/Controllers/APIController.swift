import Foundation
import Hummingbird
import JixiaoCore
import JixiaoStore

extension WebApp {
    /// The JSON API (docs/openapi.yaml): the same operations as the pages, signed in with a Bearer token from
    /// `POST /api/session`. Errors are `{"error": "…"}` with the status the pages would use.
    func addAPIRoutes(to router: Router<WebContext>) {
        func route(_ make: (String) -> SiteURL.APIPath) -> RouterPath { SiteURL.pattern { .api(make($0)) } }
        router.post(RouterPath(.api(.session))) { request, context -> Response in
            struct Login: Decodable { var login: String; var password: String }
            let login = try await Self.decode(Login.self, request, context)
            guard let (user, token) = try await signIn(login: login.login, password: login.password, from: Self.clientAddress(request, context)) else {
                throw HTTPError(.unauthorized, message: "登录名或密码不正确")
            }
            struct Session: Encodable { var token: String; var user: UserRecord }
            return try Self.json(Session(token: token, user: user), status: .created)
        }
        router.delete(RouterPath(.api(.session))) { request, context -> Response in
            _ = try Guard.user(request, context)
            if let header = request.headers[.authorization], header.hasPrefix("Bearer ") {
                try await accounts.closeSession(tokenHash: SessionToken.hash(String(header.dropFirst(7))))
            }
            return Response(status: .noContent)
        }
        router.get(RouterPath(.api(.documents))) { request, context -> Response in
            let user = try Guard.user(request, context)
            let parameters = request.uri.queryParameters
            var query = try OverviewFilter(parameters).query(
                limit: try RequestValues.integer(parameters["limit"], "limit", in: RequestValues.listingLimit) ?? 100)
            query.offset = try RequestValues.integer(parameters["offset"], "offset", in: RequestValues.offsets) ?? 0
            return try Self.json(try await store.listings(for: user.actor, query))
        }
        router.post(RouterPath(.api(.documents))) { request, context -> Response in
            let user = try Guard.user(request, context, in: [.unitFiller, .unitLead, .bureauAdmin])
            let evaluation = try await Self.decode(SelfEvaluation.self, request, context)
            if let unit = user.agency?.name, evaluation.agency.name != unit {
                throw HTTPError(.unprocessableContent, message: "agency.name 为“\(evaluation.agency.name)”，您所在单位为“\(unit)”")
            }
            let document = try await Guard.store { try await store.create([evaluation], by: user.author)[0] }
            return try Self.json(try APIDocument(document, assessment: assessment(of: document.body, in: document.head.yearSetUp)), status: .created)
        }
        router.get(route(SiteURL.APIPath.document)) { request, context -> Response in
            let user = try Guard.user(request, context)
            let document = try await Guard.store { try await store.document(context.parameters.require("id"), as: SelfEvaluation.self, for: user.actor) }
            return try Self.json(try APIDocument(document, assessment: assessment(of: document.body, in: document.head.yearSetUp)))
        }
        router.put(route(SiteURL.APIPath.document)) { request, context -> Response in
            let user = try Guard.user(request, context)
            struct Save: Decodable { var version: Int; var evaluation: SelfEvaluation }
            let save = try await Self.decode(Save.self, request, context)
            let id = try context.parameters.require("id")
            let document = try await Guard.store {
                try await store.save(id, save.evaluation, expectedVersion: save.version, by: user.author, as: user.actor)
            }
            return try Self.json(try APIDocument(document, assessment: assessment(of: document.body, in: document.head.yearSetUp)))
        }
        router.get(route(SiteURL.APIPath.documentScore)) { request, context -> Response in
            let user = try Guard.user(request, context)
            let document = try await Guard.store { try await store.document(context.parameters.require("id"), as: SelfEvaluation.self, for: user.actor) }
            let assessment = try assessment(of: document.body, in: document.head.yearSetUp)
            struct Scored: Encodable { var sheet: ScoreSheet; var findings: [Finding] }
            return try Self.json(Scored(sheet: assessment.sheet, findings: assessment.findings))
        }
        router.get(route(SiteURL.APIPath.documentHistory)) { request, context -> Response in
            let user = try Guard.user(request, context)
            return try Self.json(try await Guard.store { try await store.history(context.parameters.require("id"), for: user.actor) })
        }
        for verb in WorkflowVerb.allCases {
            router.post(route { .documentStep($0, verb) }) { request, context -> Response in
                let user = try Guard.user(request, context)
                struct Comment: Decodable { var comment: String? }
                let comment = verb == .return ? try await Self.decode(Comment.self, request, context).comment ?? "" : ""
                let id = try context.parameters.require("id")
                let head = try await Guard.store { try await store.transition(id, verb.action(comment: comment), by: user.author, as: user.actor) }
                warmPublicPDF(head, as: user.actor)
                // An evaluation answers with its scores; another kind (final accounts) with its head.
                guard head.kind == .projectSelfEvaluation || head.kind == .agencyEvaluation else {
                    struct Step: Encodable { var id: String; var kind: DocumentKind; var state: WorkflowState; var stateLabel: String; var version: Int }
                    return try Self.json(Step(id: head.id, kind: head.kind, state: head.state, stateLabel: head.state.label, version: head.version))
                }
                let document = try await Guard.store { try await store.document(id, as: SelfEvaluation.self, for: user.actor) }
                return try Self.json(try APIDocument(document, assessment: assessment(of: document.body, in: document.head.yearSetUp)))
            }
        }
        router.get(RouterPath(.api(.publicDocuments))) { request, _ -> Response in
            var query = try OverviewFilter(request.uri.queryParameters).query(limit: 200)
            query.states = []
            return try Self.json(try await store.listings(for: nil, query))
        }
    }

    /// A JSON body, refused with the decoder's reason when it is not what the operation expects.
    static func decode<T: Decodable>(_ type: T.Type, _ request: Request, _ context: WebContext) async throws -> T {
        let buffer = try await WebLimits.body(of: request, limit: WebLimits.formBytes)
        do {
            return try JSONDecoder().decode(T.self, from: Data(buffer.readableBytesView))
        } catch let DecodingError.keyNotFound(key, at) {
            throw HTTPError(.badRequest, message: "JSON 缺少字段“\((at.codingPath + [key]).map(\.stringValue).joined(separator: "."))”")
        } catch let DecodingError.typeMismatch(_, at), let DecodingError.valueNotFound(_, at) {
            throw HTTPError(.badRequest, message: "JSON 字段“\(at.codingPath.map(\.stringValue).joined(separator: "."))”的类型不对：\(at.debugDescription)")
        } catch let DecodingError.dataCorrupted(at) {
            throw HTTPError(.badRequest, message: "JSON 无法解析（\(at.codingPath.map(\.stringValue).joined(separator: "."))）：\(at.debugDescription)")
        }
    }

    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: try encoder.encode(value))))
    }
}

/// A document as the API returns it: its head, its summary by the profile in force, and its content.
struct APIDocument: Encodable {
    var id: String
    var kind: DocumentKind
    var agency: String
    var agencyID: String
    var projectID: String?
    var fiscalYear: Int?
    var title: String
    var state: WorkflowState
    var stateLabel: String
    var version: Int
    var updatedAt: String
    var summary: DocumentSummary
    var evaluation: SelfEvaluation

    init(_ document: Document<SelfEvaluation>, assessment: Assessment) {
        let head = document.head
        id = head.id
        kind = head.kind
        agency = head.agency
        agencyID = head.agencyID
        projectID = head.projectID
        fiscalYear = head.fiscalYear
        title = head.title
        state = head.state
        stateLabel = head.state.label
        version = head.version
        updatedAt = head.updatedAt
        summary = assessment.summary
        evaluation = document.body
    }
}
