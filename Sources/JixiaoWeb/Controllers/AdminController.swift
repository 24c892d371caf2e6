import Foundation
import Hummingbird
import JixiaoCore
import JixiaoStore

extension WebApp {
    /// The finance bureau's administration: agencies, users (with roles, units and review assignments; passwords
    /// reset), the latest failed sign-ins, fiscal years (open or closed, the profile of each kind) and the scoring
    /// profiles available.
    func addAdminRoutes(to router: Router<WebContext>) {
        router.get(RouterPath(.admin)) { request, context -> Response in
            _ = try Guard.user(request, context, in: [.bureauAdmin])
            return try await adminPage(context, flash: AdminNotice.message(request.uri.queryParameters))
        }
        router.post(RouterPath(.adminAgencies)) { request, context -> Response in
            _ = try Guard.user(request, context, in: [.bureauAdmin])
            let form = try await FormData.read(request, limit: WebLimits.formBytes)
            try Guard.csrf(form, context)
            let name = form.text("name")
            guard !name.isEmpty else { throw HTTPError(.unprocessableContent, message: "单位名称不能为空") }
            let supervising = form.text("supervising")
            let code = form.text("code")
            try await Guard.store {
                try await store.addAgency(name, code: code.isEmpty ? nil : code, supervisingAgency: supervising.isEmpty ? nil : supervising)
            }
            return AdminNotice.redirect(.agencyAdded)
        }
        router.post(RouterPath(.adminAgency)) { request, context -> Response in
            _ = try Guard.user(request, context, in: [.bureauAdmin])
            let form = try await FormData.read(request, limit: WebLimits.formBytes)
            try Guard.csrf(form, context)
            let name = form.text("name")
            guard !name.isEmpty else { throw HTTPError(.unprocessableContent, message: "单位名称不能为空") }
            let code = form.text("code")
            try await Guard.store { try await store.updateAgency(form.text("id"), name: name, code: code.isEmpty ? nil : code) }
            return AdminNotice.redirect(.agencyUpdated)
        }
        router.post(RouterPath(.adminUsers)) { request, context -> Response in
            _ = try Guard.user(request, context, in: [.bureauAdmin])
            let form = try await FormData.read(request, limit: WebLimits.formBytes)
            try Guard.csrf(form, context)
            guard let role = Role(rawValue: form.text("role")) else { throw HTTPError(.unprocessableContent, message: "请选择角色") }
            let reviews = form.text("reviews").split(whereSeparator: { $0 == "\n" || $0 == "," || $0 == "，" })
                .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
            let agency = form.text("agency")
            let login = LoginName.normalised(form.text("login"))
            if let refusal = LoginName.refusal(login) { throw HTTPError(.unprocessableContent, message: refusal) }
            let positions = try positionIDs(form.text("positions"))
            let hash = try await hashPassword(form["password"] ?? "", for: login)
            try await Guard.store {
                try await accounts.createUser(
                    login: login, displayName: form.text("displayName").isEmpty ? login : form.text("displayName"),
                    passwordHash: hash, role: role, agency: agency.isEmpty ? nil : agency, reviews: reviews, positions: positions)
            }
            return AdminNotice.redirect(.userAdded)
        }
        router.post(RouterPath(.adminUserPositions)) { request, context -> Response in
            _ = try Guard.user(request, context, in: [.bureauAdmin])
            let form = try await FormData.read(request, limit: WebLimits.formBytes)
            try Guard.csrf(form, context)
            let positions = try positionIDs(form.text("positions"))
            try await Guard.store { try await accounts.setPositions(positions, of: form.text("login")) }
            return AdminNotice.redirect(.positionsSet)
        }
        addPasswordResetRoute(to: router)
        addFiscalYearRoute(to: router)
    }

    /// Sets up a fiscal year: open or closed, and the profile of each kind; that year's summaries are rescored.
    private func addFiscalYearRoute(to router: Router<WebContext>) {
        router.post(RouterPath(.adminYears)) { request, context -> Response in
            _ = try Guard.user(request, context, in: [.bureauAdmin])
            let form = try await FormData.read(request, limit: WebLimits.formBytes)
            try Guard.csrf(form, context)
            guard let year = Int(form.text("year")), FiscalYear.acceptedYears.contains(year) else {
                throw HTTPError(.unprocessableContent, message: "“年度”应为 2000 至 2100 之间的年份，收到“\(form.text("year"))”")
            }
            let setUp = FiscalYear(
                year: year, isOpen: form.text("open") == "1", projectProfile: form.text("projectProfile"), agencyProfile: form.text("agencyProfile"))
            let rescored = try await Guard.store { try await store.setFiscalYear(setUp) }
            return AdminNotice.redirect(.yearSaved, ["year": year, "open": setUp.isOpen ? 1 : 0, "rescored": rescored])
        }
    }

    /// Sets a user's password to the one the admin typed, or to a generated one shown on the answer only (never in an
    /// address); the user's sessions end, all but the admin's own.
    private func addPasswordResetRoute(to router: Router<WebContext>) {
        router.post(RouterPath(.adminUserPassword)) { request, context -> Response in
            _ = try Guard.user(request, context, in: [.bureauAdmin])
            let form = try await FormData.read(request, limit: WebLimits.formBytes)
            try Guard.csrf(form, context)
            guard let found = try await accounts.credentials(login: form.text("login")) else {
                throw HTTPError(.unprocessableContent, message: "找不到登录名“\(LoginName.normalised(form.text("login")))”")
            }
            let typed = form["password"] ?? ""
            let password = typed.isEmpty ? PasswordRules.generate() : typed
            let hash = try await hashPassword(password, for: found.user.login)
            let own = request.cookies[SessionToken.cookieName].map { SessionToken.hash($0.value) }
            try await accounts.setPassword(user: found.user.id, passwordHash: hash, keepingSession: own)
            guard typed.isEmpty else { return AdminNotice.redirect(.passwordReset) }
            return try await adminPage(
                context, flash: "“\(found.user.login)”的新密码为 \(password)（只显示这一次，请转告本人）；该用户原有的登录已全部退出")
        }
    }

    /// The approval positions named in a form ("经办人, 分管领导"), as the ids of the approval rules' positions.
    private func positionIDs(_ text: String) throws -> [String] {
        let known = store.rules.approvals.flatMap(\.positions)
        return try text.split(whereSeparator: { ",，、 \n".contains($0) }).map { name in
            guard let position = known.first(where: { $0.name == name || $0.id == name }) else {
                throw HTTPError(.unprocessableContent, message: "没有审批岗位“\(name)”；可选：" + known.map(\.name).joined(separator: "、"))
            }
            return position.id
        }
    }

    private func adminPage(_ context: WebContext, flash: String?) async throws -> Response {
        struct UserRow: Encodable { var login: String; var name: String; var role: String; var unit: String; var positions: String; var shutOut: Bool }
        struct AttemptRow: Encodable { var time: String; var login: String; var address: String; var outcome: String }
        struct ProfileRow: Encodable { var reference: String; var name: String; var kind: String }
        struct RoleChoice: Encodable { var value: String; var label: String }
        struct YearRow: Encodable { var year: Int; var state: String; var projectProfile: String; var agencyProfile: String }
        struct AgencyRow: Encodable { var id: String; var name: String; var code: String; var supervising: String; var url: String }
        struct Model: Encodable {
            var frame: PageFrame
            var urls: AdminURLs
            var agencies: [AgencyRow]
            var users: [UserRow]
            var profiles: [ProfileRow]
            var roles: [RoleChoice]
            var years: [YearRow]
            var projectProfiles: [String]
            var agencyProfiles: [String]
            var failures: [AttemptRow]
            var passwordRule: String
        }
        let positionNames = Dictionary(store.rules.approvals.flatMap(\.positions).map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let users = try await accounts.users().map {
            UserRow(
                login: $0.login, name: $0.displayName, role: $0.role.label,
                unit: $0.agency?.name ?? $0.reviews.map(\.name).joined(separator: "、"),
                positions: $0.positions.map { id in positionNames[id] ?? id }.joined(separator: "、"),
                shutOut: LoginName.normalised($0.login) != $0.login || LoginName.refusal($0.login) != nil)
        }
        let failures = try await accounts.failedAttempts(limit: 50).map {
            AttemptRow(
                time: BeijingTime.display($0.at.formatted(.iso8601), seconds: true), login: $0.login, address: $0.address ?? "",
                outcome: $0.outcome.label)
        }
        let model = Model(
            frame: PageFrame("系统管理", context, flash: flash), urls: AdminURLs(),
            agencies: try await store.agencies().map {
                AgencyRow(id: $0.id, name: $0.name, code: $0.code ?? "", supervising: $0.supervisingAgency ?? "", url: SiteURL.agency($0.id).path)
            },
            users: users,
            profiles: profiles.profiles.map { ProfileRow(reference: $0.reference, name: $0.name, kind: $0.evaluationKind.label) },
            roles: Role.allCases.map { RoleChoice(value: $0.rawValue, label: $0.label) },
            years: try await store.fiscalYears().map {
                YearRow(year: $0.year, state: $0.isOpen ? "开放" : "已关闭", projectProfile: $0.projectProfile, agencyProfile: $0.agencyProfile)
            },
            projectProfiles: profiles.profiles.filter { $0.evaluationKind == .project }.map(\.reference).sorted(),
            agencyProfiles: profiles.profiles.filter { $0.evaluationKind == .agency }.map(\.reference).sorted(),
            failures: failures, passwordRule: PasswordRules.summary)
        return pages.render("admin", model)
    }
}

/// The addresses the admin page's forms post to.
struct AdminURLs: Encodable {
    var agencies = SiteURL.adminAgencies.path
    var agency = SiteURL.adminAgency.path
    var users = SiteURL.adminUsers.path
    var password = SiteURL.adminUserPassword.path
    var positions = SiteURL.adminUserPositions.path
    var years = SiteURL.adminYears.path
}
