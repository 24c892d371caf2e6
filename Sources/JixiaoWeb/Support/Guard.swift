import Hummingbird
import JixiaoCore
import JixiaoStore

/// Who may reach a route, and the refusals the web layer turns store errors into.
enum Guard {
    /// The signed-in user; pages send the public to the login page, the API answers 401.
    static func user(_ request: Request, _ context: WebContext) throws -> UserRecord {
        if let user = context.session?.user { return user }
        if request.uri.path.hasPrefix(SiteURL.apiPrefix) { throw HTTPError(.unauthorized, message: "请先登录（Authorization: Bearer 令牌）") }
        throw HTTPError(.seeOther, headers: [.location: SiteURL.login.path])
    }

    /// The signed-in user if their role is one of `roles`; 403 otherwise.
    static func user(_ request: Request, _ context: WebContext, in roles: Set<Role>) throws -> UserRecord {
        let user = try user(request, context)
        guard roles.contains(user.role) else { throw HTTPError(.forbidden, message: "\(user.role.label)无权访问此页面") }
        return user
    }

    /// Refuses a cookie-authenticated post whose form does not carry the session's CSRF token.
    static func csrf(_ form: FormData, _ context: WebContext) throws {
        if context.bearer { return }
        guard let expected = context.session?.csrfToken, !expected.isEmpty, form["_csrf"] == expected else {
            throw HTTPError(.forbidden, message: "表单已过期或缺少安全令牌（CSRF），请刷新页面后重试")
        }
    }

    /// The HTTP answer to a store or workflow refusal: 404 for what the user may not see, 409 for a stale save.
    static func failure(_ error: any Error) -> any Error {
        switch error {
        case StoreError.notFound: HTTPError(.notFound, message: "找不到该文档")
        case StoreError.unreadable: HTTPError(.internalServerError, message: String(describing: error))
        case StoreError.stale: HTTPError(.conflict, message: String(describing: error))
        case StoreError.forbidden(let reason): HTTPError(.forbidden, message: reason)
        case let error as StoreError: HTTPError(.unprocessableContent, message: error.description)
        case let error as WorkflowError: HTTPError(error.notFound ? .notFound : .forbidden, message: error.reason)
        default: error
        }
    }

    /// Runs a store call, turning its refusals into HTTP errors.
    static func store<R>(_ body: () async throws -> R) async throws -> R {
        do { return try await body() } catch { throw failure(error) }
    }
}

