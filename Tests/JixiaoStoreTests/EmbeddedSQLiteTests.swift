import Foundation
import SQLKit
import Testing
@testable import JixiaoStore

/// The embedded store's connections: readers see every commit of the writer at once; a statement sent to the
/// database (not the session) while a task holds the writer, or a session begun inside one, is an error, not a hang;
/// a transaction begun on a reader is refused; a PRAGMA reaches the writer.
@Suite struct EmbeddedSQLiteTests {
    @Test func readersSeeEachCommitAtOnce() async throws {
        try await StoreTests.withStore(.sqlite) { store in
            let database = store.database
            try await database.raw("CREATE TABLE counters (n INTEGER NOT NULL)").run()
            for n in 1...20 {
                try await database.raw("INSERT INTO counters (n) VALUES (\(bind: n))").run()
                let total = try await database.raw("SELECT SUM(n) AS total FROM counters").first()?.decode(column: "total", as: Int.self)
                #expect(total == n * (n + 1) / 2)
            }
            try await database.transaction { db in
                try await db.raw("DELETE FROM counters").run()
                let seen = try await db.raw("SELECT COUNT(*) AS n FROM counters").first()?.decode(column: "n", as: Int.self)
                #expect(seen == 0, "the session sees its own changes")
            }
            #expect(try await database.raw("SELECT COUNT(*) AS n FROM counters").first()?.decode(column: "n", as: Int.self) == 0)
        }
    }

    @Test func theDatabaseIsRefusedInsideASession() async throws {
        try await StoreTests.withStore(.sqlite) { store in
            let database = store.database
            await #expect(throws: EmbeddedSQLiteError.self) {
                try await database.transaction { _ in try await database.raw("SELECT 1 AS one").run() }
            }
            await #expect(throws: EmbeddedSQLiteError.self) {
                try await database.transaction { _ in try await database.transaction { _ in } }
            }
            await #expect(throws: EmbeddedSQLiteError.self) { try await database.raw("BEGIN").run() }
            let one = try await database.raw("SELECT 1 AS one").first()?.decode(column: "one", as: Int.self)
            #expect(one == 1, "still serving")
        }
    }

    @Test func aPragmaReachesTheWriter() async throws {
        try await StoreTests.withStore(.sqlite) { store in
            try await store.database.raw("PRAGMA foreign_keys = OFF").run()
            let off = try await store.database.withSession { try await $0.raw("PRAGMA foreign_keys").first()?.decode(column: "foreign_keys", as: Int.self) }
            #expect(off == 0)
            try await store.database.raw("PRAGMA foreign_keys = ON").run()
        }
    }
}
