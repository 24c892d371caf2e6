import Hummingbird
import JixiaoCore
import JixiaoStore

extension WebApp {
    /// The finance bureau's administration: agencies, users (with roles, units and review assignments), fiscal years
    /// (open or closed, the profile of each kind) and the scoring profiles available.
    func addAdminRoutes(to router: Router<WebContext>) {
        router.get("/admin") { request, context -> Response in
            _ = try Guard.user(request, context, in: [.bureauAdmin])
            return try await adminPage(context, flash: request.uri.queryParameters["done"].map(String.init))
        }
        router.post("/admin/agencies") { request, context -> Response in
            _ = try Guard.user(request, context, in: [.bureauAdmin])
            let form = try await FormData.read(request, limit: WebLimits.formBytes)
            try Guard.csrf(form, context)
            let name = form.text("name")
            guard !name.isEmpty else { throw HTTPError(.unprocessableContent, message: "单位名称不能为空") }
            let supervising = form.text("supervising")
            try await Guard.store { try await store.addAgency(name, supervisingAgency: supervising.isEmpty ? nil : supervising) }
            return Self.adminDone("已添加单位“\(name)”")
        }
        router.post("/admin/users") { request, context -> Response in
            _ = try Guard.user(request, context, in: [.bureauAdmin])
            let form = try await FormData.read(request, limit: WebLimits.formBytes)
            try Guard.csrf(form, context)
            guard let role = Role(rawValue: form.text("role")) else { throw HTTPError(.unprocessableContent, message: "请选择角色") }
            let password = form["password"] ?? ""
            guard password.count >= 8 else { throw HTTPError(.unprocessableContent, message: "密码至少 8 位") }
            let reviews = form.text("reviews").split(whereSeparator: { $0 == "\n" || $0 == "," || $0 == "，" })
                .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
            let agency = form.text("agency")
            let hash = await hashPassword(password)
            let login = form.text("login")
            try await Guard.store {
                try await accounts.createUser(
                    login: login, displayName: form.text("displayName").isEmpty ? login : form.text("displayName"),
                    passwordHash: hash, role: role, agency: agency.isEmpty ? nil : agency, reviews: reviews)
            }
            return Self.adminDone("已添加用户“\(login)”")
        }
        addFiscalYearRoute(to: router)
    }

    /// Sets up a fiscal year: open or closed, and the profile of each kind; that year's summaries are rescored.
    private func addFiscalYearRoute(to router: Router<WebContext>) {
        router.post("/admin/years") { request, context -> Response in
            _ = try Guard.user(request, context, in: [.bureauAdmin])
            let form = try await FormData.read(request, limit: WebLimits.formBytes)
            try Guard.csrf(form, context)
            guard let year = Int(form.text("year")), (2000...2100).contains(year) else {
                throw HTTPError(.unprocessableContent, message: "“年度”应为 2000 至 2100 之间的年份，收到“\(form.text("year"))”")
            }
            let setUp = FiscalYear(
                year: year, isOpen: form.text("open") == "1", projectProfile: form.text("projectProfile"), agencyProfile: form.text("agencyProfile"))
            let rescored = try await Guard.store { try await store.setFiscalYear(setUp) }
            let done = "已保存 \(year) 年度（\(setUp.isOpen ? "开放填报" : "已关闭填报")），\(rescored) 个自评已按所选规则重新计分"
            return Self.adminDone(done)
        }
    }

    /// Back to the admin page, which shows `message`.
    private static func adminDone(_ message: String) -> Response {
        .redirect(to: "/admin?done=" + (message.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""))
    }

    private func adminPage(_ context: WebContext, flash: String?) async throws -> Response {
        struct UserRow { var login: String; var name: String; var role: String; var unit: String }
        struct ProfileRow { var reference: String; var name: String; var kind: String }
        struct RoleChoice { var value: String; var label: String }
        struct YearRow { var year: Int; var state: String; var projectProfile: String; var agencyProfile: String }
        struct Model {
            var frame: PageFrame
            var agencies: [AgencyRecord]
            var users: [UserRow]
            var profiles: [ProfileRow]
            var roles: [RoleChoice]
            var years: [YearRow]
            var projectProfiles: [String]
            var agencyProfiles: [String]
        }
        let users = try await accounts.users().map {
            UserRow(login: $0.login, name: $0.displayName, role: $0.role.label, unit: $0.agency ?? $0.reviews.joined(separator: "、"))
        }
        let model = Model(
            frame: PageFrame("系统管理", context, flash: flash), agencies: try await store.agencies(), users: users,
            profiles: profiles.profiles.map { ProfileRow(reference: $0.reference, name: $0.name, kind: $0.evaluationKind == .agency ? "部门整体" : "项目支出") },
            roles: Role.allCases.map { RoleChoice(value: $0.rawValue, label: $0.label) },
            years: try await store.fiscalYears().map {
                YearRow(year: $0.year, state: $0.isOpen ? "开放" : "已关闭", projectProfile: $0.projectProfile, agencyProfile: $0.agencyProfile)
            },
            projectProfiles: profiles.profiles.filter { $0.evaluationKind == .project }.map(\.reference).sorted(),
            agencyProfiles: profiles.profiles.filter { $0.evaluationKind == .agency }.map(\.reference).sorted())
        return pages.render("admin", model)
    }
}
