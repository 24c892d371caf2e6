import Foundation
import JixiaoCore
import Logging

/// Opens the store where the deployment keeps it: a SQLite file (the embedded default) or a PostgreSQL server
/// (`postgres://user:password@host:5432/database`), and closes it again.
public final class StoreDatabase: Sendable {
    public let store: DocumentStore
    public let accounts: AccountStore
    private let close: @Sendable () async throws -> Void

    private init(store: DocumentStore, sessions: RememberedSessions? = nil, close: @escaping @Sendable () async throws -> Void) {
        self.store = store
        self.accounts = AccountStore(database: store.database, remembered: sessions)
        self.close = close
    }

    /// `location` is a `postgres://` URL or a SQLite file path (created if missing); the schema is migrated.
    /// Stored summaries are computed by `profiles` and `approvals` (a ledger under rules not given has no summary).
    public static func open(_ location: String, profiles: ProfileCatalog, approvals: [ApprovalRules] = []) async throws -> StoreDatabase {
        try await open(location, rules: DocumentRules(profiles: profiles, approvals: approvals), migrations: Migrations.all)
    }

    /// The store with only `migrations` applied (tests build a database as an older release left it).
    static func open(_ location: String, profiles: ProfileCatalog, migrations: [any StoreMigration]) async throws -> StoreDatabase {
        try await open(location, rules: DocumentRules(profiles: profiles), migrations: migrations)
    }

    static func open(_ location: String, rules: DocumentRules, migrations: [any StoreMigration]) async throws -> StoreDatabase {
        let logger = Logger(label: "jixiao.store")
        let database: StoreDatabase
        let isPostgres = location.hasPrefix("postgres://") || location.hasPrefix("postgresql://")
        if isPostgres {
            let server = try PostgresServer(url: location, logger: logger)
            database = StoreDatabase(
                store: DocumentStore(database: server, rules: rules), sessions: server.sessions, close: { try await server.shutdown() })
        } else {
            let connection = try EmbeddedSQLite(path: location, logger: logger)
            database = StoreDatabase(store: DocumentStore(database: connection, rules: rules), close: { await connection.close() })
        }
        do {
            try await database.store.migrate(migrations)
            if !isPostgres {
                // Statistics for SQLite's planner (PostgreSQL's autovacuum keeps its own): without them it sorts every
                // project to list a page by unit (15 ms for 10,000) instead of walking the units in order (1 ms).
                // Bounded by analysis_limit, about 0.1 s on a province's database.
                try await database.store.database.withSession { writer in
                    try await writer.raw("PRAGMA analysis_limit = 1000").run()
                    try await writer.raw("ANALYZE").run()
                }
            }
        } catch {
            try? await database.shutdown()
            throw error
        }
        return database
    }

    public func shutdown() async throws {
        try await close()
    }
}
