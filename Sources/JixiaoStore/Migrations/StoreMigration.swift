import SQLKit

/// One schema change. Migrations are append-only and numbered: a shipped one is never edited; a change is a
/// new migration. The same SQL runs on SQLite and PostgreSQL (TEXT, INTEGER, no dialect-only types); a migration
/// that moves data does it in Swift, inside the same transaction.
protocol StoreMigration: Sendable {
    var number: Int { get }
    var name: String { get }
    var statements: [String] { get }
    /// Runs the migration; by default its statements in order.
    func run(on db: any SQLDatabase) async throws
}

extension StoreMigration {
    var statements: [String] { [] }

    func run(on db: any SQLDatabase) async throws {
        try await Migrations.execute(statements, on: db)
    }
}

/// Every migration, in order.
enum Migrations {
    static let all: [any StoreMigration] = [
        CreateAgencies(), CreateProjects(), CreateHistory(), CreateAccounts(), AddProjectSummary(), IndexProjectListings(),
        CreateFiscalYears(), CreateLoginAttempts(), CreateDocuments(), CreateUserPositions(), CreateReminders(),
        AddListingAgencyName(), AddComparedFigures(), IndexListingsByScore(), AddDocumentsGeneration(), AnnounceAccessChanges(),
    ]

    /// Applies those of `migrations` not applied yet, recording each (the caller holds the transaction).
    static func apply(_ migrations: [any StoreMigration], on db: any SQLDatabase) async throws {
        try await db.raw("CREATE TABLE IF NOT EXISTS schema_migrations (number INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)").run()
        let applied = Set(try await db.raw("SELECT number FROM schema_migrations").all().map { try $0.decode(column: "number", as: Int.self) })
        for migration in migrations where !applied.contains(migration.number) {
            try await migration.run(on: db)
            try await db.raw("""
                INSERT INTO schema_migrations (number, name, applied_at)
                VALUES (\(bind: migration.number), \(bind: migration.name), \(bind: DocumentStore.now()))
                """).run()
        }
    }

    static func execute(_ statements: [String], on db: any SQLDatabase) async throws {
        for statement in statements { try await db.raw(SQLQueryString(statement)).run() }
    }
}
