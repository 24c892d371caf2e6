import Foundation
import JixiaoCore
import SQLKit
import Testing
@testable import JixiaoStore

/// Sessions kept between requests: only while announcements are heard, never past their expiry, forgotten at an
/// announcement, not kept when read across one; on PostgreSQL a change made through another server reaches this one.
@Suite struct RememberedSessionsTests {
    static let user = UserRecord(id: "u1", login: "lead", displayName: "何花", role: .unitLead, agency: nil, reviews: [], positions: [])
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    /// Looks `token` up in `sessions`, counting the reads in `reads`; `during` runs inside the read.
    static func lookUp(
        _ token: String, in sessions: RememberedSessions, reads: inout Int, at now: Date = now, during: () -> Void = {}
    ) async throws -> SessionRecord? {
        var count = reads
        defer { reads = count }
        return try await sessions.session(tokenHash: token, now: now) {
            count += 1
            during()
            return (SessionRecord(user: user, csrfToken: "c-\(token)"), now.addingTimeInterval(60))
        }
    }

    @Test func keptOnlyWhileListeningAndUntilForgotten() async throws {
        let sessions = RememberedSessions()
        var reads = 0
        _ = try await Self.lookUp("t1", in: sessions, reads: &reads)
        _ = try await Self.lookUp("t1", in: sessions, reads: &reads)
        #expect(reads == 2, "not listening: every lookup reads")
        sessions.heard(until: .now + .seconds(60))
        _ = try await Self.lookUp("t1", in: sessions, reads: &reads)
        #expect(try await Self.lookUp("t1", in: sessions, reads: &reads)?.csrfToken == "c-t1")
        #expect(reads == 3, "listening: the second lookup is served from memory")
        sessions.forget("t2")
        _ = try await Self.lookUp("t1", in: sessions, reads: &reads)
        #expect(reads == 3, "another session's announcement leaves this one kept")
        sessions.forget("t1")
        _ = try await Self.lookUp("t1", in: sessions, reads: &reads)
        #expect(reads == 4, "its own announcement makes it read again")
        sessions.forget(nil)
        _ = try await Self.lookUp("t1", in: sessions, reads: &reads)
        #expect(reads == 5, "an announcement of anything forgets every session")
        _ = try await Self.lookUp("t1", in: sessions, reads: &reads, at: Self.now.addingTimeInterval(61))
        #expect(reads == 6, "never served past its expiry")
        sessions.deaf()
        _ = try await Self.lookUp("t1", in: sessions, reads: &reads)
        _ = try await Self.lookUp("t1", in: sessions, reads: &reads)
        #expect(reads == 8, "deaf again: every lookup reads")
    }

    @Test func notHeardForItsSpanKeepsNothing() async throws {
        let sessions = RememberedSessions()
        var reads = 0
        sessions.heard(until: .now + .seconds(1))
        _ = try await Self.lookUp("t1", in: sessions, reads: &reads)
        _ = try await Self.lookUp("t1", in: sessions, reads: &reads)
        #expect(reads == 1)
        try await Task.sleep(for: .milliseconds(1_100))
        _ = try await Self.lookUp("t1", in: sessions, reads: &reads)
        #expect(reads == 2, "the span passed unheard: reads")
        sessions.heard(until: .now + .seconds(60))
        _ = try await Self.lookUp("t1", in: sessions, reads: &reads)
        #expect(reads == 3, "heard again after a silence: what was kept before it is forgotten")
    }

    @Test func aReadAcrossAnAnnouncementIsNotKept() async throws {
        let sessions = RememberedSessions()
        sessions.heard(until: .now + .seconds(60))
        var reads = 0
        _ = try await Self.lookUp("t1", in: sessions, reads: &reads) { sessions.forget("t9") }
        _ = try await Self.lookUp("t1", in: sessions, reads: &reads) { sessions.deaf(); sessions.heard(until: .now + .seconds(60)) }
        _ = try await Self.lookUp("t1", in: sessions, reads: &reads)
        _ = try await Self.lookUp("t1", in: sessions, reads: &reads)
        #expect(reads == 3, "the two reads that overlapped an announcement or a reconnection were not kept; the third was")
    }

    @Test(.enabled(if: StoreTests.postgresURL != nil, "needs JIXIAO_TEST_POSTGRES"))
    func aChangeThroughAnotherServerReachesThisOne() async throws {
        try await StoreTests.withPostgresDatabase { here in
            let base = try #require(StoreTests.postgresURL)
            let name = try #require(try await here.store.database.raw("SELECT current_database() AS name").first()?.decode(column: "name", as: String.self))
            let url = base[..<base.lastIndex(of: "/")!] + "/" + name
            let there = try await StoreDatabase.open(url, profiles: StoreTests.profiles)
            do {
                try await Self.changes(seenBy: here, madeThrough: there)
            } catch {
                try await there.shutdown()
                throw StoreTests.Failure(detail: String(reflecting: error))
            }
            try await there.shutdown()
        }
    }

    private static func changes(seenBy here: StoreDatabase, madeThrough there: StoreDatabase) async throws {
        let remembered = try #require(here.accounts.remembered)
        try await eventually("this server hears announcements", within: .seconds(15)) { remembered.isListening }
        let agency = try await there.store.addAgency("株洲市芦淞区应急管理局")
        let lead = try await there.accounts.createUser(login: "lead", displayName: "何花", passwordHash: "x", role: .unitLead, agency: agency.name)
        let expires = Date().addingTimeInterval(3600)
        try await there.accounts.openSession(tokenHash: "t1", csrfToken: "c1", user: lead.id, expires: expires)
        #expect(try await here.accounts.session(tokenHash: "t1")?.user.id == lead.id)

        // Kept: a row removed without announcement is still served, but not to a request that reads.
        let db = there.store.database
        try await deleteUnannounced("t1", in: db)
        #expect(try await here.accounts.session(tokenHash: "t1")?.user.id == lead.id, "served from memory")
        #expect(try await here.accounts.session(tokenHash: "t1", fresh: true) == nil, "a request that changes something reads")
        try await there.accounts.openSession(tokenHash: "t1", csrfToken: "c1", user: lead.id, expires: expires)

        try await there.accounts.setPositions(["clerk"], of: "lead")
        try await eventually("positions set through the other server") {
            try await here.accounts.session(tokenHash: "t1")?.user.positions == ["clerk"]
        }
        try await there.store.updateAgency(agency.id, name: "株洲市芦淞区应急管理局（新）", code: nil)
        try await eventually("the unit renamed through the other server") {
            try await here.accounts.session(tokenHash: "t1")?.user.agency?.name == "株洲市芦淞区应急管理局（新）"
        }
        // A user's row changed (a password set through the other server) forgets every kept session, here one whose
        // own row went without announcement.
        try await there.accounts.openSession(tokenHash: "t3", csrfToken: "c3", user: lead.id, expires: expires)
        #expect(try await here.accounts.session(tokenHash: "t3") != nil)
        try await deleteUnannounced("t3", in: db)
        try await there.accounts.setPassword(user: lead.id, passwordHash: "y", keepingSession: "t1")
        try await eventually("a user changed through the other server") { try await here.accounts.session(tokenHash: "t3") == nil }

        try await there.accounts.closeSession(tokenHash: "t1")
        try await eventually("signed out through the other server") { try await here.accounts.session(tokenHash: "t1") == nil }

        // With an announcing trigger disabled the listener vouches for nothing, and again once it is enabled.
        try await db.raw("ALTER TABLE users DISABLE TRIGGER jixiao_access_users").run()
        try await eventually("nothing kept while a trigger is off", within: .seconds(15)) { !remembered.isListening }
        try await db.raw("ALTER TABLE users ENABLE TRIGGER jixiao_access_users").run()
        try await eventually("kept again once it is on", within: .seconds(15)) { remembered.isListening }

        // The listeners' connections ended by the database: nothing kept until one is open again and heard.
        try await db.raw("""
            SELECT pg_terminate_backend(pid) FROM pg_stat_activity
            WHERE datname = current_database() AND query LIKE '%pg_notify%' AND pid <> pg_backend_pid()
            """).run()
        try await eventually("this server's listener knows its connection ended") { !remembered.isListening }
        try await eventually("and listens again on a new one", within: .seconds(15)) { remembered.isListening }
        try await there.accounts.openSession(tokenHash: "t2", csrfToken: "c2", user: lead.id, expires: expires)
        #expect(try await here.accounts.session(tokenHash: "t2") != nil)
        try await there.accounts.closeSession(tokenHash: "t2")
        try await eventually("signed out, heard on the new connection") { try await here.accounts.session(tokenHash: "t2") == nil }
    }

    /// Deletes a session with its triggers off for this statement's connection alone (the listeners go on hearing).
    private static func deleteUnannounced(_ token: String, in db: any SQLDatabase) async throws {
        try await db.withSession { connection in
            try await connection.raw("SET session_replication_role = replica").run()
            try await connection.raw("DELETE FROM sessions WHERE token_hash = \(bind: token)").run()
            try await connection.raw("RESET session_replication_role").run()
        }
    }

    /// Waits for `condition`, up to `within`.
    private static func eventually(
        _ what: String, within limit: Duration = .seconds(5), _ condition: () async throws -> Bool
    ) async throws {
        let start = ContinuousClock.now
        while ContinuousClock.now - start < limit {
            if try await condition() { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("not within \(limit): \(what)")
    }
}
