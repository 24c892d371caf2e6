import Foundation
import Hummingbird
import HummingbirdBcrypt
import JixiaoCore
import JixiaoStore

extension WebApp {
    /// Signing in and out. The login form has no session yet, so its CSRF token is a double-submit cookie.
    func addAuthRoutes(to router: Router<WebContext>) {
        router.get("/") { _, context -> Response in
            guard let user = context.session?.user else { return .redirect(to: "/public") }
            switch user.role {
            case .unitFiller, .unitLead: return .redirect(to: "/projects")
            case .reviewer: return .redirect(to: "/inbox")
            case .bureauAdmin: return .redirect(to: "/overview")
            }
        }
        router.get("/login") { _, context -> Response in
            loginPage(context, message: nil, status: .ok)
        }
        router.post("/login") { request, context -> Response in
            let form = try await FormData.read(request, limit: WebLimits.formBytes)
            guard let cookie = request.cookies[Self.loginCSRFCookie]?.value, !cookie.isEmpty, form["_csrf"] == cookie else {
                throw HTTPError(.forbidden, message: "登录表单已过期或缺少安全令牌（CSRF），请刷新页面后重试")
            }
            guard let user = try await signIn(login: form.text("login"), password: form["password"] ?? "") else {
                return loginPage(context, message: "登录名或密码不正确", status: .unauthorized)
            }
            var response = Response.redirect(to: "/")
            response.setCookie(SessionToken.cookie(user.token, secure: secureCookies))
            return response
        }
        router.post("/logout") { request, context -> Response in
            let form = try await FormData.read(request, limit: WebLimits.formBytes)
            try Guard.csrf(form, context)
            if let token = request.cookies[SessionToken.cookieName]?.value {
                try await accounts.closeSession(tokenHash: SessionToken.hash(token))
            }
            var response = Response.redirect(to: "/login")
            response.setCookie(SessionToken.expiredCookie(secure: secureCookies))
            return response
        }
    }

    static let loginCSRFCookie = "jixiao_login_csrf"

    private func loginPage(_ context: WebContext, message: String?, status: HTTPResponse.Status) -> Response {
        struct Model { var frame: PageFrame; var message: String?; var csrf: String }
        let token = SessionToken.random()
        var response = pages.render("login", Model(frame: PageFrame("登录", context), message: message, csrf: token), status: status)
        response.setCookie(Cookie(name: Self.loginCSRFCookie, value: token, path: "/login", secure: secureCookies, httpOnly: true, sameSite: .strict))
        return response
    }

    /// Checks the password and opens a session: the user and the session's token, nil when either is wrong.
    func signIn(login: String, password: String) async throws -> (user: UserRecord, token: String)? {
        guard let found = try await accounts.credentials(login: login) else {
            _ = Bcrypt.verify(password, hash: Self.decoyHash)  // the same time whether or not the login exists
            return nil
        }
        let hash = found.passwordHash
        let valid = await Task.detached { Bcrypt.verify(password, hash: hash) }.value
        guard valid else { return nil }
        let token = SessionToken.random()
        try await accounts.openSession(
            tokenHash: SessionToken.hash(token), csrfToken: SessionToken.random(), user: found.user.id,
            expires: Date().addingTimeInterval(SessionToken.lifetime))
        return (found.user, token)
    }

    /// A bcrypt hash of nothing anyone knows, verified against when the login does not exist.
    private static let decoyHash = Bcrypt.hash(SessionToken.random(), cost: 12)

    /// A bcrypt hash of `password` at the application's cost.
    public func hashPassword(_ password: String) async -> String {
        let cost = bcryptCost
        return await Task.detached { Bcrypt.hash(password, cost: cost) }.value
    }
}
