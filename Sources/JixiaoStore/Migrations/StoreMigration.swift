/// One schema change. Migrations are append-only and numbered: a shipped one is never edited; a change is a
/// new migration. The same SQL runs on SQLite and PostgreSQL (TEXT, INTEGER, no dialect-only types).
protocol StoreMigration: Sendable {
    var number: Int { get }
    var name: String { get }
    var statements: [String] { get }
}

/// Every migration, in order.
enum Migrations {
    static let all: [any StoreMigration] = [
        CreateAgencies(), CreateProjects(), CreateHistory(), CreateAccounts(), AddProjectSummary(), IndexProjectListings(),
        CreateFiscalYears(), CreateLoginAttempts(),
    ]
}
