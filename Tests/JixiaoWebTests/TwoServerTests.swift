import Foundation
import Hummingbird
import HummingbirdTesting
import JixiaoCore
import JixiaoDocuments
import JixiaoStore
import Testing
@testable import JixiaoWeb

/// Two servers on one PostgreSQL database serve the same users correctly: a save on one is seen on the other (its
/// page cache never shows the older version), a save based on a version the other server replaced is refused (409),
/// and signing out on one ends the session on both (on the other when the database's announcement reaches it).
@Suite struct TwoServerTests {
    @Test func twoServersOnOnePostgreSQLDatabase() async throws {
        guard WebHarness.postgresURL != nil else { return }
        try await WebHarness.withPostgresDatabase { url in
            let first = try await StoreDatabase.open(url, profiles: WebHarness.profiles)
            let second = try await StoreDatabase.open(url, profiles: WebHarness.profiles)
            let appA = try await WebApp(database: first, profiles: WebHarness.profiles, bcryptCost: 4)
            let appB = try await WebApp(database: second, profiles: WebHarness.profiles, bcryptCost: 4)
            try await first.store.addAgency(WebHarness.unitA)
            try await first.accounts.createUser(
                login: "leadA", displayName: "何花", passwordHash: try await appA.hashPassword(WebHarness.password, for: "leadA"),
                role: .unitLead, agency: WebHarness.unitA)
            let id = try await first.store.create([try WebHarness.evaluation("seed004-self-evaluation.json")], by: WebHarness.system)[0].id
            let path = "/documents/\(id)"
            do {
                try await Application(router: appA.router()).test(.router) { clientA in
                    try await Application(router: appB.router()).test(.router) { clientB in
                        var onA = Browser(clientA)
                        #expect(try await onA.signIn("leadA") == .seeOther)
                        var onB = Browser(clientB)
                        onB.cookies = onA.cookies
                        onB.csrf = onA.csrf

                        let before = try await onB.get(path).text
                        #expect(before.contains("第 1 版"), "server B renders and caches version 1")
                        let formB = WalkThroughTests.editorFields(before, changing: ["goal.actual": "在服务器 B 上写的"])
                        let formA = WalkThroughTests.editorFields(try await onA.get(path).text, changing: ["goal.actual": "在服务器 A 上写的"])
                        #expect(try await onA.post(path, formA).status == .seeOther, "saved on A")

                        let after = try await onB.get(path).text
                        #expect(after.contains("第 2 版") && after.contains("在服务器 A 上写的"), "B shows A's save, not its cached page")
                        let stale = try await onB.post(path, formB)
                        #expect(stale.status == .conflict && stale.text.contains("在服务器 B 上写的"), "B's save on version 1 is refused")

                        // B may serve a kept session until the database's announcement of the sign-out reaches it.
                        #expect(try await onA.post("/logout").status == .seeOther)
                        let formAfter = try await onB.post(path, formB)
                        #expect(formAfter.status == .seeOther && formAfter.headers[.location] == "/login", "a form sent to B at once reads its session")
                        let signedOutAt = ContinuousClock.now
                        var signedOut = try await onB.get(path)
                        while signedOut.status == .ok, ContinuousClock.now - signedOutAt < .seconds(5) {
                            try await Task.sleep(for: .milliseconds(20))
                            signedOut = try await onB.get(path)
                        }
                        #expect(signedOut.status == .seeOther && signedOut.headers[.location] == "/login", "signed out on A, out on B")
                    }
                }
            } catch {
                try await first.shutdown()
                try await second.shutdown()
                throw error
            }
            try await first.shutdown()
            try await second.shutdown()
        }
    }
}
