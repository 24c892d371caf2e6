import Hummingbird
import JixiaoStore

extension WebApp {
    /// Changing one's own password: the current one (checked and throttled as signing in is), the new one twice,
    /// which must keep `PasswordRules`. Every other session of the user ends; this one stays signed in.
    func addPasswordRoutes(to router: Router<WebContext>) {
        router.get(RouterPath(.password)) { request, context -> Response in
            _ = try Guard.user(request, context)
            return passwordPage(context, message: nil, status: .ok)
        }
        router.post(RouterPath(.password)) { request, context -> Response in
            let user = try Guard.user(request, context)
            let form = try await FormData.read(request, limit: WebLimits.formBytes)
            try Guard.csrf(form, context)
            let password = form["password"] ?? ""
            guard password == form["repeat"] ?? "" else {
                return passwordPage(context, message: "两次输入的新密码不一致", status: .unprocessableContent)
            }
            if let refusal = PasswordRules.refusal(password, login: user.login) {
                return passwordPage(context, message: refusal, status: .unprocessableContent)
            }
            guard try await checkPassword(login: user.login, password: form["current"] ?? "", from: Self.clientAddress(request, context)) != nil else {
                return passwordPage(context, message: "当前密码不正确", status: .forbidden)
            }
            let own = request.cookies[SessionToken.cookieName].map { SessionToken.hash($0.value) }
            try await accounts.setPassword(user: user.id, passwordHash: try await hashPassword(password, for: user.login), keepingSession: own)
            return passwordPage(context, flash: "密码已修改；您在其他地方的登录已全部退出", message: nil, status: .ok)
        }
    }

    private func passwordPage(_ context: WebContext, flash: String? = nil, message: String?, status: HTTPResponse.Status) -> Response {
        struct Model: Encodable { var frame: PageFrame; var message: String?; var rule: String }
        let model = Model(frame: PageFrame("修改密码", context, flash: flash), message: message, rule: PasswordRules.summary)
        return pages.render("password", model, status: status)
    }
}
