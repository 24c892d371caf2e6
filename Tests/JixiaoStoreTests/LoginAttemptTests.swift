import Foundation
import SQLKit
import Testing
@testable import JixiaoStore

/// Sign-in attempts as the store keeps them, and logins in one normal form.
@Suite struct LoginAttemptTests {
    @Test(arguments: StoreTests.backends)
    func failuresCountSinceTheLatestSuccessAndOldOnesAreForgotten(_ backend: StoreTests.Backend) async throws {
        try await StoreTests.withDatabase(backend) { database in
            let accounts = database.accounts
            let now = Date(timeIntervalSince1970: 1_800_000_000)
            func attempt(_ secondsAgo: TimeInterval, _ outcome: LoginOutcome, login: String = "leada") async throws {
                try await accounts.record(LoginAttempt(login: login, address: "203.0.113.7", at: now.addingTimeInterval(-secondsAgo), outcome: outcome))
            }
            try await attempt(100, .wrongPassword)
            try await attempt(90.5, .unknownLogin)
            try await attempt(80, .signedIn)
            try await attempt(70.25, .wrongPassword)
            try await attempt(60, .throttled)
            try await attempt(50, .wrongPassword, login: "other")
            #expect(try await accounts.recentFailures(login: "leada", since: now.addingTimeInterval(-900)) == [now.addingTimeInterval(-70.25)])
            #expect(try await accounts.recentFailures(login: "leada", since: now.addingTimeInterval(-65)) == [])
            let failed = try await accounts.failedAttempts(limit: 10)
            #expect(failed.map(\.outcome) == [.wrongPassword, .throttled, .wrongPassword, .unknownLogin, .wrongPassword])
            #expect(failed.first == LoginAttempt(login: "other", address: "203.0.113.7", at: now.addingTimeInterval(-50), outcome: .wrongPassword))

            try await accounts.record(LoginAttempt(login: "late", address: nil, at: now.addingTimeInterval(AccountStore.attemptRetention + 60), outcome: .wrongPassword))
            #expect(try await accounts.failedAttempts(limit: 10).map(\.login) == ["late"], "attempts older than the retention are forgotten")
        }
    }

    @Test func loginsAreFoldedAndOnlyASafeAlphabetIsAllowed() {
        #expect(LoginName.normalised(" Ａｄｍｉｎ\u{3000}") == "admin")
        #expect(LoginName.normalised("Zhang.San@Caizheng") == "zhang.san@caizheng")
        #expect(LoginName.refusal("zhang.san_01-x@bureau") == nil)
        for bad in ["", "ad\u{200B}min", "\u{200F}admin", "ad\u{202E}min", "аdmin", "张三", "ad min", String(repeating: "a", count: 65)] {
            #expect(LoginName.refusal(LoginName.normalised(bad)) != nil, "\(bad.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test(arguments: StoreTests.backends)
    func theMigrationNormalisesStoredLoginsAndLeavesCollisionsAlone(_ backend: StoreTests.Backend) async throws {
        try await StoreTests.withDatabase(backend) { database in
            let db = database.store.database
            for (id, login) in [("u1", " Admin "), ("u2", "Bob"), ("u3", "bob"), ("u4", "carol")] {
                try await db.raw("""
                    INSERT INTO users (id, login, display_name, password_hash, role, created_at)
                    VALUES (\(bind: id), \(bind: login), \(bind: login), 'h', 'reviewer', '2024-01-01T00:00:00Z')
                    """).run()
            }
            try await db.raw("DROP TABLE login_attempts").run()
            try await db.raw("DELETE FROM schema_migrations WHERE number = 8").run()
            try await database.store.migrate()
            let logins = try await db.raw("SELECT id, login FROM users ORDER BY id").all().map {
                try $0.decode(column: "login", as: String.self)
            }
            #expect(logins == ["admin", "Bob", "bob", "carol"], "Bob beside bob is left as it was: nobody can type it any more")
            #expect(try await database.accounts.credentials(login: "ADMIN")?.user.id == "u1")
            #expect(try await database.accounts.credentials(login: "Bob")?.user.id == "u3")
        }
    }
}
