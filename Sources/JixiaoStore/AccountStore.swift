import Foundation
import JixiaoCore
import SQLKit

/// The repository of users, their reviewer assignments and their sessions. Passwords arrive already hashed
/// (bcrypt, by the web layer) and session tokens as their SHA-256: the database never holds either in clear.
public struct AccountStore: Sendable {
    let database: any SQLDatabase
    /// Sessions kept between requests (PostgreSQL's store), nil where every lookup reads.
    let remembered: RememberedSessions?

    init(database: any SQLDatabase, remembered: RememberedSessions? = nil) {
        self.database = database
        self.remembered = remembered
    }

    // MARK: Users

    /// Adds a user; unit roles name their unit, reviewers the units they review. Logins are normalised (`LoginName`),
    /// refused unless made of the allowed characters, and unique.
    @discardableResult
    public func createUser(
        login: String, displayName: String, passwordHash: String, role: Role, agency: String? = nil, reviews: [String] = [],
        positions: [String] = []
    ) async throws -> UserRecord {
        let login = LoginName.normalised(login)
        if let refusal = LoginName.refusal(login) { throw StoreError.refused(refusal) }
        if try await database.raw("SELECT id FROM users WHERE login = \(bind: login)").first() != nil {
            throw StoreError.refused("登录名“\(login)”已被使用")
        }
        let isUnit = role == .unitFiller || role == .unitLead
        guard !isUnit || agency != nil else { throw StoreError.refused("\(role.label)必须属于一个单位") }
        let ids = try await agencyIDs(Set((isUnit ? [agency!] : []) + (role == .reviewer ? reviews : [])))
        let user = UserRecord(
            id: UUID().uuidString, login: login, displayName: displayName, role: role,
            agency: isUnit ? agency.flatMap { name in ids[name].map { AgencyRef(id: $0, name: name) } } : nil,
            reviews: role == .reviewer ? reviews.sorted().compactMap { name in ids[name].map { AgencyRef(id: $0, name: name) } } : [],
            positions: isUnit ? Array(Set(positions)).sorted() : [])
        try await database.transaction { db in
            try await db.raw("""
                INSERT INTO users (id, login, display_name, password_hash, role, agency_id, created_at)
                VALUES (\(bind: user.id), \(bind: login), \(bind: displayName), \(bind: passwordHash), \(bind: role.rawValue),
                \(bind: user.agency?.id), \(bind: DocumentStore.now()))
                """).run()
            for agency in user.reviews {
                try await db.raw("INSERT INTO reviewer_agencies (user_id, agency_id) VALUES (\(bind: user.id), \(bind: agency.id))").run()
            }
            try await Self.insert(positions: user.positions, of: user.id, in: db)
        }
        return user
    }

    /// Sets the approval positions a unit user holds (a reviewer or the bureau holds none).
    public func setPositions(_ positions: [String], of login: String) async throws {
        guard let row = try await database.raw("SELECT id, role FROM users WHERE login = \(bind: LoginName.normalised(login))").first() else {
            throw StoreError.refused("找不到登录名“\(login)”")
        }
        let id = try row.decode(column: "id", as: String.self)
        let role = Role(rawValue: try row.decode(column: "role", as: String.self))
        guard role == .unitFiller || role == .unitLead || positions.isEmpty else { throw StoreError.refused("只有单位用户可以担任审批岗位") }
        try await database.transaction { db in
            try await db.raw("DELETE FROM user_positions WHERE user_id = \(bind: id)").run()
            try await Self.insert(positions: Array(Set(positions)).sorted(), of: id, in: db)
        }
        remembered?.forget(nil)
    }

    private static func insert(positions: [String], of user: String, in db: any SQLDatabase) async throws {
        for position in positions {
            try await db.raw("INSERT INTO user_positions (user_id, position) VALUES (\(bind: user), \(bind: position))").run()
        }
    }

    /// The ids of the named agencies; refuses a name that is not an agency.
    private func agencyIDs(_ names: Set<String>) async throws -> [String: String] {
        var ids: [String: String] = [:]
        for name in names {
            guard let row = try await database.raw("SELECT id FROM agencies WHERE name = \(bind: name)").first() else {
                throw StoreError.refused("单位“\(name)”尚未建立")
            }
            ids[name] = try row.decode(column: "id", as: String.self)
        }
        return ids
    }

    /// The user with `login` (as typed: it is normalised) and their password hash, for signing in.
    public func credentials(login: String) async throws -> (user: UserRecord, passwordHash: String)? {
        let login = LoginName.normalised(login)
        guard let row = try await database.raw("\(unsafeRaw: Self.userColumns) WHERE u.login = \(bind: login)").first() else { return nil }
        return (try await user(row), try row.decode(column: "password_hash", as: String.self))
    }

    /// Every user, by login.
    public func users() async throws -> [UserRecord] {
        var users: [UserRecord] = []
        for row in try await database.raw("\(unsafeRaw: Self.userColumns) ORDER BY u.login").all() { users.append(try await user(row)) }
        return users
    }

    /// Sets a user's password hash and ends their sessions, all but `keptSession` (the one that made the change).
    public func setPassword(user: String, passwordHash: String, keepingSession keptSession: String? = nil) async throws {
        try await database.transaction { db in
            try await db.raw("UPDATE users SET password_hash = \(bind: passwordHash) WHERE id = \(bind: user)").run()
            try await db.raw("DELETE FROM sessions WHERE user_id = \(bind: user) AND token_hash <> \(bind: keptSession ?? "")").run()
        }
        remembered?.forget(nil)  // at once here; the announcements tell the other servers
    }

    public func userCount() async throws -> Int {
        try await database.raw("SELECT COUNT(*) AS n FROM users").first()?.decode(column: "n", as: Int.self) ?? 0
    }

    private static let userColumns = """
        SELECT u.id, u.login, u.display_name, u.password_hash, u.role, u.agency_id, a.name AS agency
        FROM users u LEFT JOIN agencies a ON a.id = u.agency_id
        """

    /// The user of `row`, with their positions as given or else read.
    private func user(_ row: any SQLRow, positions given: [String]? = nil) async throws -> UserRecord {
        let id = try row.decode(column: "id", as: String.self)
        let stored = try row.decode(column: "role", as: String.self)
        guard let role = Role(rawValue: stored) else { throw StoreError.unreadable(row: "users.id=\(id)", reason: "未知的角色“\(stored)”") }
        var reviews: [AgencyRef] = []
        if role == .reviewer {
            reviews = try await database.raw("""
                SELECT a.id, a.name FROM reviewer_agencies r JOIN agencies a ON a.id = r.agency_id WHERE r.user_id = \(bind: id) ORDER BY a.name
                """).all().map { AgencyRef(id: try $0.decode(column: "id", as: String.self), name: try $0.decode(column: "name", as: String.self)) }
        }
        var positions = given ?? []
        if given == nil {
            positions = try await database.raw("SELECT position FROM user_positions WHERE user_id = \(bind: id) ORDER BY position").all()
                .map { try $0.decode(column: "position", as: String.self) }
        }
        var agency: AgencyRef?
        if let agencyID = try row.optional("agency_id", as: String.self) {
            agency = AgencyRef(id: agencyID, name: try row.decode(column: "agency", as: String.self))
        }
        return UserRecord(
            id: id, login: try row.decode(column: "login", as: String.self),
            displayName: try row.decode(column: "display_name", as: String.self), role: role, agency: agency, reviews: reviews,
            positions: positions)
    }

    // MARK: Sessions

    /// Opens a session for `user` until `expires`, keyed by the SHA-256 of its token.
    public func openSession(tokenHash: String, csrfToken: String, user: String, expires: Date) async throws {
        try await database.raw("""
            INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at)
            VALUES (\(bind: tokenHash), \(bind: user), \(bind: csrfToken), \(bind: expires.formatted(.iso8601)))
            """).run()
    }

    /// The live session with this token hash, nil when unknown or expired. `fresh` reads it from the database even
    /// where sessions are kept (a request that changes something acts on what the database says now).
    public func session(tokenHash: String, now: Date = Date(), fresh: Bool = false) async throws -> SessionRecord? {
        guard let remembered, !fresh else { return try await readSession(tokenHash: tokenHash, now: now)?.session }
        return try await remembered.session(tokenHash: tokenHash, now: now) { try await readSession(tokenHash: tokenHash, now: now) }
    }

    private func readSession(tokenHash: String, now: Date) async throws -> (session: SessionRecord, expires: Date)? {
        // The user's positions come in the same query (a row each), since every request of a session asks.
        let rows = try await database.raw("""
            SELECT u.id, u.login, u.display_name, u.role, u.agency_id, a.name AS agency, s.csrf_token, s.expires_at, p.position
            FROM sessions s JOIN users u ON u.id = s.user_id LEFT JOIN agencies a ON a.id = u.agency_id
            LEFT JOIN user_positions p ON p.user_id = u.id
            WHERE s.token_hash = \(bind: tokenHash) AND s.expires_at > \(bind: now.formatted(.iso8601))
            ORDER BY p.position
            """).all()
        guard let row = rows.first else { return nil }
        let positions = try rows.compactMap { try $0.optional("position", as: String.self) }
        let stored = try row.decode(column: "expires_at", as: String.self)
        guard let expires = try? Date.ISO8601FormatStyle().parse(stored) else {
            throw StoreError.unreadable(row: "sessions", reason: "会话到期时间“\(stored)”不是 ISO 8601 时间")
        }
        let session = SessionRecord(user: try await user(row, positions: positions), csrfToken: try row.decode(column: "csrf_token", as: String.self))
        return (session, expires)
    }

    /// Ends a session (sign out), and every expired one.
    public func closeSession(tokenHash: String, now: Date = Date()) async throws {
        try await database.raw("DELETE FROM sessions WHERE token_hash = \(bind: tokenHash) OR expires_at <= \(bind: now.formatted(.iso8601))").run()
        remembered?.forget(tokenHash)  // at once here; the announcement tells the other servers
    }

    // MARK: Sign-in attempts

    /// How long attempts are kept: long enough for the bureau to see an attack, bounded however many arrive.
    public static let attemptRetention: TimeInterval = 30 * 24 * 3600

    /// Records an attempt, and forgets those older than `attemptRetention`.
    public func record(_ attempt: LoginAttempt) async throws {
        try await database.raw("""
            INSERT INTO login_attempts (login, address, attempted_at, outcome)
            VALUES (\(bind: attempt.login), \(bind: attempt.address), \(bind: Self.stamp(attempt.at)), \(bind: attempt.outcome.rawValue))
            """).run()
        let cutoff = Self.stamp(attempt.at.addingTimeInterval(-Self.attemptRetention))
        try await database.raw("DELETE FROM login_attempts WHERE attempted_at < \(bind: cutoff)").run()
    }

    /// When `login` failed to sign in since `since` and since its latest success, newest first (at most `limit`).
    public func recentFailures(login: String, since: Date, limit: Int = 100) async throws -> [Date] {
        let rows = try await database.raw("""
            SELECT attempted_at, outcome FROM login_attempts
            WHERE login = \(bind: login) AND attempted_at > \(bind: Self.stamp(since))
            ORDER BY attempted_at DESC LIMIT \(bind: limit)
            """).all()
        var failures: [Date] = []
        for row in rows {
            let outcome = LoginOutcome(rawValue: try row.decode(column: "outcome", as: String.self))
            if outcome == .signedIn { break }
            if outcome?.isFailure == true { failures.append(try Self.date(try row.decode(column: "attempted_at", as: String.self))) }
        }
        return failures
    }

    /// The latest attempts that did not sign in, newest first.
    public func failedAttempts(limit: Int) async throws -> [LoginAttempt] {
        try await database.raw("""
            SELECT login, address, attempted_at, outcome FROM login_attempts
            WHERE outcome <> \(bind: LoginOutcome.signedIn.rawValue) ORDER BY attempted_at DESC LIMIT \(bind: limit)
            """).all().map { row in
            let stored = try row.decode(column: "outcome", as: String.self)
            guard let outcome = LoginOutcome(rawValue: stored) else {
                throw StoreError.unreadable(row: "login_attempts", reason: "未知的登录结果“\(stored)”")
            }
            return LoginAttempt(
                login: try row.decode(column: "login", as: String.self), address: try row.optional("address", as: String.self),
                at: try Self.date(try row.decode(column: "attempted_at", as: String.self)), outcome: outcome)
        }
    }

    /// Attempt times as text that sorts as time does, to the millisecond (attempts come faster than a second apart).
    private static let stampStyle = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    private static func stamp(_ date: Date) -> String { date.formatted(stampStyle) }

    private static func date(_ stamp: String) throws -> Date { try stampStyle.parse(stamp) }
}
