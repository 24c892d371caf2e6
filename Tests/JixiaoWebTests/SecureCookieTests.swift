import Foundation
import Hummingbird
import HummingbirdTesting
import JixiaoCore
import Testing
@testable import JixiaoWeb

/// Behind HTTPS (`jixiao serve --secure-cookies`) every cookie carries `Secure`; on plain HTTP none does.
@Suite struct SecureCookieTests {
    @Test(arguments: [true, false])
    func cookiesAreSecureWhenTheSiteIs(_ secure: Bool) async throws {
        try await WebHarness.withDatabase(.sqlite) { database in
            let app = try await WebApp(database: database, profiles: ProfileCatalog.builtin(), bcryptCost: 4, secureCookies: secure)
            try await database.store.addAgency(WebHarness.unitA)
            try await database.accounts.createUser(
                login: "leadA", displayName: "leadA", passwordHash: try await app.hashPassword(WebHarness.password, for: "leadA"), role: .unitLead,
                agency: WebHarness.unitA, reviews: [])
            try await Application(router: app.router()).test(.router) { client in
                var browser = Browser(client)
                let form = try await browser.get("/login")
                let loginCookie = try #require(form.headers[values: .setCookie].first)
                #expect(loginCookie.contains("; Secure") == secure)
                let signedIn = try await browser.post(
                    "/login", ["_csrf": Browser.field("_csrf", in: form.text), "login": "leadA", "password": WebHarness.password], withCSRF: false)
                let session = try #require(signedIn.headers[values: .setCookie].first { $0.hasPrefix("jixiao_session=") })
                #expect(session.contains("; Secure") == secure && session.contains("HttpOnly"))
            }
        }
    }
}
