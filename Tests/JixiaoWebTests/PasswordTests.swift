import Foundation
import Hummingbird
import JixiaoStore
import Testing
@testable import JixiaoWeb

/// Passwords keep the rules wherever they are set; users change theirs, the bureau resets them, and either ends
/// the user's other sessions.
@Suite struct PasswordTests {
    @Test func theRules() {
        #expect(PasswordRules.refusal("12345678", login: "leada")?.contains("至少 10 个字节") == true)
        #expect(PasswordRules.refusal("1234567890", login: "leada") == "这个密码太常见，容易被猜中，请换一个")
        #expect(PasswordRules.refusal("Woaini5201314", login: "leada") == "这个密码太常见，容易被猜中，请换一个", "without regard to case")
        #expect(PasswordRules.refusal("QwertyuiOP", login: "leada") != nil)
        #expect(PasswordRules.refusal("Admin.Bureau", login: "admin.bureau") == "密码不能与登录名相同")
        let seventyTwo = String(repeating: "绩", count: 24)
        #expect(PasswordRules.refusal(seventyTwo, login: "leada") == nil, "72 bytes is bcrypt's whole password")
        #expect(PasswordRules.refusal(seventyTwo + "a", login: "leada")?.contains("最多 72 个字节") == true, "never cut silently")
        #expect(PasswordRules.refusal("correct-horse-battery", login: "leada") == nil)
        for _ in 1...100 { #expect(PasswordRules.refusal(PasswordRules.generate(), login: "leada") == nil) }
    }

    @Test(arguments: WebHarness.backends)
    func theAdminCannotSetABadPasswordOrALookAlikeLogin(_ backend: WebHarness.Backend) async throws {
        try await WebHarness.withApp(backend) { fixture, client in
            var bureau = Browser(client)
            try await bureau.signIn("admin")
            func create(_ login: String, _ password: String = "a-good-password-7") async throws -> Browser.Page {
                try await bureau.post("/admin/users", ["login": login, "password": password, "role": "reviewer"])
            }
            let common = try await create("newuser", "12345678")
            #expect(common.status == .unprocessableContent && common.text.contains("至少 10 个字节"))
            #expect(try await create("newuser", String(repeating: "a1", count: 37)).status == .unprocessableContent)
            #expect(try await create("newuser", "newuser").status == .unprocessableContent)
            let upper = try await create("Admin")
            #expect(upper.status == .unprocessableContent && upper.text.contains("登录名“admin”已被使用"))
            for lookAlike in ["ad\u{200B}min", "\u{200F}admin", "admin\u{202E}", "аdmin", "管理员"] {
                let refused = try await create(lookAlike)
                #expect(refused.status == .unprocessableContent && refused.text.contains("登录名只能由英文字母、数字和 . _ - @ 组成"))
            }
            #expect(try await create("ＮｅｗＵｓｅｒ ").status == .seeOther, "full-width letters fold to ASCII")
            #expect(try await fixture.app.accounts.users().map(\.login).contains("newuser"))
            var shouting = Browser(client)
            #expect(try await shouting.signIn("ADMIN") == .seeOther, "ADMIN signs in as admin")
            var other = Browser(client)
            #expect(try await other.signIn(" NewUser", password: "a-good-password-7") == .seeOther)
        }
    }

    @Test(arguments: WebHarness.backends)
    func changingOnesPasswordEndsTheOtherSessions(_ backend: WebHarness.Backend) async throws {
        try await WebHarness.withApp(backend) { _, client in
            var here = Browser(client)
            var elsewhere = Browser(client)
            try await here.signIn("leadA")
            try await elsewhere.signIn("leadA")
            #expect(try await here.get("/password").text.contains("修改密码"))
            let new = "a-new-password-42"
            let wrong = try await here.post("/password", ["current": "not-my-password", "password": new, "repeat": new])
            #expect(wrong.status == .forbidden && wrong.text.contains("当前密码不正确"))
            let mismatch = try await here.post("/password", ["current": WebHarness.password, "password": new, "repeat": new + "x"])
            #expect(mismatch.status == .unprocessableContent && mismatch.text.contains("两次输入的新密码不一致"))
            let weak = try await here.post("/password", ["current": WebHarness.password, "password": "qwertyuiop", "repeat": "qwertyuiop"])
            #expect(weak.status == .unprocessableContent && weak.text.contains("太常见"))
            #expect(try await elsewhere.get("/documents").status == .ok, "refusals change nothing")

            let changed = try await here.post("/password", ["current": WebHarness.password, "password": new, "repeat": new])
            #expect(changed.status == .ok && changed.text.contains("密码已修改"))
            #expect(try await here.get("/documents").status == .ok, "this session stays")
            #expect(try await elsewhere.get("/documents").headers[.location] == "/login", "the other session has ended")
            var again = Browser(client)
            #expect(try await again.signIn("leadA") == .unauthorized)
            #expect(try await again.signIn("leadA", password: new) == .seeOther)
        }
    }

    @Test(arguments: WebHarness.backends)
    func theBureauResetsAPassword(_ backend: WebHarness.Backend) async throws {
        try await WebHarness.withApp(backend) { _, client in
            var bureau = Browser(client)
            try await bureau.signIn("admin")
            var unit = Browser(client)
            try await unit.signIn("leadA")
            let weak = try await bureau.post("/admin/users/password", ["login": "leadA", "password": "password1"])
            #expect(weak.status == .unprocessableContent)
            #expect(try await unit.get("/documents").status == .ok)

            let typed = try await bureau.post("/admin/users/password", ["login": "LEADA", "password": "reset-by-bureau-1"])
            #expect(typed.headers[.location] == "/admin?done=password-reset")
            #expect(try await bureau.get("/admin?done=password-reset").text.contains("已重置密码，该用户原有的登录已全部退出"))
            #expect(try await unit.get("/documents").headers[.location] == "/login", "the user's sessions have ended")
            #expect(try await unit.signIn("leadA", password: "reset-by-bureau-1") == .seeOther)

            let generated = try await bureau.post("/admin/users/password", ["login": "leadA"])
            #expect(generated.status == .ok && !generated.text.contains("reset-by-bureau-1"))
            let shown = try #require(generated.text.firstMatch(of: /的新密码为 ([a-z0-9-]+)（只显示这一次/)?.output.1)
            #expect(try await unit.get("/documents").headers[.location] == "/login")
            var fresh = Browser(client)
            #expect(try await fresh.signIn("leadA", password: String(shown)) == .seeOther)
            #expect(try await bureau.get("/admin").status == .ok, "the admin's own session stays")
        }
    }

    @Test(arguments: WebHarness.backends)
    func theAdminPageShowsOnlyItsOwnMessages(_ backend: WebHarness.Backend) async throws {
        try await WebHarness.withApp(backend) { _, client in
            var bureau = Browser(client)
            try await bureau.signIn("admin")
            let script = try await bureau.get("/admin?done=%3Cscript%3Ealert(1)%3C%2Fscript%3E").text
            #expect(!script.contains("alert(1)") && !script.contains("class=\"flash\""))
            let phishing = try await bureau.get("/admin?done=" + Browser.encode("系统升级，请到 http://evil.example 重新登录")).text
            #expect(!phishing.contains("evil.example"))
            #expect(try await bureau.get("/admin?done=year-saved&year=2023&open=1&rescored=x").text.contains("class=\"flash\"") == false)
            let added = try await bureau.post("/admin/agencies", ["name": "新单位"])
            #expect(added.headers[.location] == "/admin?done=agency-added")
            #expect(try await bureau.get("/admin?done=agency-added").text.contains("<p class=\"flash\">已添加单位</p>"))
        }
    }
}
