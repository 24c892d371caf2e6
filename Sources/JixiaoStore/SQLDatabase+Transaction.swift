import SQLKit

extension SQLDatabase {
    /// Runs `body` in one transaction on one connection: committed if it returns, rolled back if it throws. On
    /// SQLite the transaction takes the write lock at once (`BEGIN IMMEDIATE`, waiting out another process's writer
    /// for the busy timeout) rather than failing at its first write after reading.
    func transaction<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await withSession { session in
            try await session.raw(session.dialect.name == "sqlite" ? "BEGIN IMMEDIATE" : "BEGIN").run()
            do {
                let result = try await body(session)
                try await session.raw("COMMIT").run()
                return result
            } catch {
                try? await session.raw("ROLLBACK").run()
                throw error
            }
        }
    }
}
