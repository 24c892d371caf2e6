import Foundation
import Hummingbird
import JixiaoCore
import JixiaoStore

extension WebApp {
    /// The JSON API (docs/openapi.yaml): the same operations as the pages, signed in with a Bearer token from
    /// `POST /api/session`. Errors are `{"error": "…"}` with the status the pages would use.
    func addAPIRoutes(to router: Router<WebContext>) {
        let api = router.group("api")
        api.post("session") { request, context -> Response in
            struct Login: Decodable { var login: String; var password: String }
            let login = try await Self.decode(Login.self, request, context)
            guard let (user, token) = try await signIn(login: login.login, password: login.password, from: Self.clientAddress(request, context)) else {
                throw HTTPError(.unauthorized, message: "登录名或密码不正确")
            }
            struct Session: Encodable { var token: String; var user: UserRecord }
            return try Self.json(Session(token: token, user: user), status: .created)
        }
        api.delete("session") { request, context -> Response in
            _ = try Guard.user(request, context)
            if let header = request.headers[.authorization], header.hasPrefix("Bearer ") {
                try await accounts.closeSession(tokenHash: SessionToken.hash(String(header.dropFirst(7))))
            }
            return Response(status: .noContent)
        }
        api.get("projects") { request, context -> Response in
            let user = try Guard.user(request, context)
            let parameters = request.uri.queryParameters
            var query = try OverviewFilter(parameters).query(
                limit: try RequestValues.integer(parameters["limit"], "limit", in: RequestValues.listingLimit) ?? 100)
            query.offset = try RequestValues.integer(parameters["offset"], "offset", in: RequestValues.offsets) ?? 0
            return try Self.json(try await store.listings(for: user.actor, query))
        }
        api.post("projects") { request, context -> Response in
            let user = try Guard.user(request, context, in: [.unitFiller, .unitLead, .bureauAdmin])
            let evaluation = try await Self.decode(SelfEvaluation.self, request, context)
            if let unit = user.agency, evaluation.agency.name != unit {
                throw HTTPError(.unprocessableContent, message: "agency.name 为“\(evaluation.agency.name)”，您所在单位为“\(unit)”")
            }
            let record = try await Guard.store { try await store.createProject(evaluation, by: user.displayName) }
            return try Self.json(APIProject(record, summary: try await summary(of: record.evaluation)), status: .created)
        }
        api.get("projects/:id") { request, context -> Response in
            let user = try Guard.user(request, context)
            let record = try await Guard.store { try await store.project(context.parameters.require("id"), for: user.actor) }
            return try Self.json(APIProject(record, summary: try await summary(of: record.evaluation)))
        }
        api.put("projects/:id") { request, context -> Response in
            let user = try Guard.user(request, context)
            struct Save: Decodable { var version: Int; var evaluation: SelfEvaluation }
            let save = try await Self.decode(Save.self, request, context)
            let id = try context.parameters.require("id")
            let record = try await Guard.store { try await store.save(id, save.evaluation, expectedVersion: save.version, by: user.displayName, as: user.actor) }
            return try Self.json(APIProject(record, summary: try await summary(of: record.evaluation)))
        }
        api.get("projects/:id/score") { request, context -> Response in
            let user = try Guard.user(request, context)
            let record = try await Guard.store { try await store.project(context.parameters.require("id"), for: user.actor) }
            let profile = try await profile(for: record.evaluation)
            struct Scored: Encodable { var sheet: ScoreSheet; var findings: [Finding] }
            return try Self.json(Scored(
                sheet: Scorer(profile: profile).score(record.evaluation),
                findings: EvaluationChecks(profile: profile).findings(for: record.evaluation)))
        }
        api.get("projects/:id/history") { request, context -> Response in
            let user = try Guard.user(request, context)
            return try Self.json(try await Guard.store { try await store.history(context.parameters.require("id"), for: user.actor) })
        }
        for verb in ["submit", "return", "approve", "publish"] {
            api.post("projects/:id/\(verb)") { request, context -> Response in
                let user = try Guard.user(request, context)
                struct Comment: Decodable { var comment: String? }
                let comment = verb == "return" ? try await Self.decode(Comment.self, request, context).comment ?? "" : ""
                let action = try Self.action(verb, comment: comment)
                let record = try await Guard.store { try await store.transition(context.parameters.require("id"), action, by: user.displayName, as: user.actor) }
                warmPublicPDF(record)
                return try Self.json(APIProject(record, summary: try await summary(of: record.evaluation)))
            }
        }
        api.get("public/projects") { request, _ -> Response in
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

/// A project as the API returns it.
struct APIProject: Encodable {
    var id: String
    var agency: String
    var fiscalYear: Int?
    var name: String
    var state: WorkflowState
    var stateLabel: String
    var version: Int
    var updatedAt: String
    var summary: EvaluationSummary?
    var evaluation: SelfEvaluation

    init(_ record: ProjectRecord, summary: EvaluationSummary?) {
        id = record.id
        agency = record.agency
        fiscalYear = record.fiscalYear
        name = record.name
        state = record.state
        stateLabel = record.state.label
        version = record.version
        updatedAt = record.updatedAt
        self.summary = summary
        evaluation = record.evaluation
    }
}
