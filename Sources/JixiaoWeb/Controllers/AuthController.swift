import Foundation
import Hummingbird
import JixiaoCore
import JixiaoStore

extension WebApp {
    /// Signing in and out, and changing one's password. The login form has no session yet, so its CSRF token is a
    /// double-submit cookie. Too many failures answer the login page with 429 and Retry-After (`ThrottleRule`).
    func addAuthRoutes(to router: Router<WebContext>) {
        addPasswordRoutes(to: router)
        router.get(RouterPath(.home)) { _, context -> Response in
            guard let user = context.session?.user else { return .redirect(to: SiteURL.publicList.path) }
            switch user.role {
            case .unitFiller, .unitLead: return .redirect(to: SiteURL.documents.path)
            case .reviewer: return .redirect(to: SiteURL.inbox.path)
            case .bureauAdmin: return .redirect(to: SiteURL.overview.path)
            }
        }
        router.get(RouterPath(.login)) { _, context -> Response in
            loginPage(context, message: nil, status: .ok)
        }
        router.post(RouterPath(.login)) { request, context -> Response in
            let form = try await FormData.read(request, limit: WebLimits.formBytes)
            guard let cookie = request.cookies[Self.loginCSRFCookie]?.value, !cookie.isEmpty, form["_csrf"] == cookie else {
                throw HTTPError(.forbidden, message: "登录表单已过期或缺少安全令牌（CSRF），请刷新页面后重试")
            }
            let signedIn: (user: UserRecord, token: String)?
            do {
                signedIn = try await signIn(login: form.text("login"), password: form["password"] ?? "", from: Self.clientAddress(request, context))
            } catch let refusal as HTTPError where refusal.status == .tooManyRequests || refusal.status == .serviceUnavailable {
                var page = loginPage(context, message: refusal.body, status: refusal.status)
                page.headers.append(contentsOf: refusal.headers)
                return page
            }
            guard let user = signedIn else { return loginPage(context, message: "登录名或密码不正确", status: .unauthorized) }
            var response = Response.redirect(to: SiteURL.home.path)
            response.setCookie(SessionToken.cookie(user.token, secure: secureCookies))
            return response
        }
        router.post(RouterPath(.logout)) { request, context -> Response in
            let form = try await FormData.read(request, limit: WebLimits.formBytes)
            try Guard.csrf(form, context)
            if let token = request.cookies[SessionToken.cookieName]?.value {
                try await accounts.closeSession(tokenHash: SessionToken.hash(token))
            }
            var response = Response.redirect(to: SiteURL.login.path)
            response.setCookie(SessionToken.expiredCookie(secure: secureCookies))
            return response
        }
    }

    static let loginCSRFCookie = "jixiao_login_csrf"

    private func loginPage(_ context: WebContext, message: String?, status: HTTPResponse.Status) -> Response {
        struct Model: Encodable { var frame: PageFrame; var message: String?; var csrf: String }
        let token = SessionToken.random()
        var response = pages.render("login", Model(frame: PageFrame("登录", context), message: message, csrf: token), status: status)
        response.setCookie(Cookie(name: Self.loginCSRFCookie, value: token, path: SiteURL.login.path, secure: secureCookies, httpOnly: true, sameSite: .strict))
        return response
    }
}
