import Foundation
import SQLKit
import Testing
@testable import JixiaoStore

/// The PostgreSQL store prepares the statements it runs again (a shape named the second time it is seen, at most
/// `NamedStatements.capacity`) and they answer as unnamed ones do: each parameter's value and type, NULL included;
/// a failing statement fails each time and leaves its connection serving.
@Suite struct PostgresServerTests {
    @Test func aShapeIsNamedTheSecondTimeAndUpToTheCap() {
        let names = NamedStatements()
        #expect(names.name(for: "SELECT 1", types: []) == nil, "seen once: run unnamed")
        let name = names.name(for: "SELECT 1", types: [])
        #expect(name != nil && names.name(for: "SELECT 1", types: []) == name)
        _ = names.name(for: "SELECT $1", types: [.text])
        #expect(names.name(for: "SELECT $1", types: [.int8]) == nil, "the same SQL with other types is another shape")
        for number in 2...NamedStatements.capacity {
            _ = names.name(for: "SELECT \(number)", types: [])
            #expect(names.name(for: "SELECT \(number)", types: []) != nil)
        }
        _ = names.name(for: "SELECT 'past the cap'", types: [])
        #expect(names.name(for: "SELECT 'past the cap'", types: []) == nil, "past the cap a shape runs unnamed")
        #expect(names.name(for: "SELECT 1", types: []) == name, "named ones keep their names")
    }

    @Test func namedStatementsAnswerAsUnnamedOnes() async throws {
        guard StoreTests.postgresURL != nil else { return }
        try await StoreTests.withPostgresDatabase { database in
            let db = database.store.database
            try await db.raw("CREATE TABLE probe (id TEXT PRIMARY KEY, n INTEGER, note TEXT)").run()
            for (id, n) in [("a", 1), ("b", 2), ("c", 3)] {
                try await db.raw("INSERT INTO probe (id, n, note) VALUES (\(bind: id), \(bind: n), \(bind: id == "b" ? nil : "注 \(id)"))").run()
            }
            for round in 1...4 {
                for (id, n) in [("a", 1), ("b", 2), ("c", 3)] {
                    let row = try #require(try await db.raw("SELECT n, note FROM probe WHERE id = \(bind: id)").first())
                    #expect(try row.decode(column: "n", as: Int.self) == n, "round \(round)")
                    #expect(try row.optional("note", as: String.self) == (id == "b" ? nil : "注 \(id)"))
                }
                let above = try await db.raw("SELECT id FROM probe WHERE n > \(bind: round - 1) ORDER BY id").all()
                #expect(try above.map { try $0.decode(column: "id", as: String.self) } == Array(["a", "b", "c"].dropFirst(round - 1)))
                let nullOrNot: String? = round.isMultiple(of: 2) ? nil : "注 a"
                let matched = try await db.raw("SELECT COUNT(*) AS n FROM probe WHERE note IS NOT DISTINCT FROM \(bind: nullOrNot)").first()
                #expect(try matched?.decode(column: "n", as: Int.self) == 1, "NULL and text are shapes of their own")
                await #expect(throws: (any Error).self, "a failing statement fails every time") {
                    try await db.raw("INSERT INTO probe (id, n) VALUES (\(bind: "a"), \(bind: 9))").run()
                }
            }
            try await db.raw("INSERT INTO probe (id, n) VALUES (\(bind: "d"), \(bind: 4))").run()
            #expect(try await db.raw("SELECT COUNT(*) AS n FROM probe").first()?.decode(column: "n", as: Int.self) == 4,
                    "the statement that failed runs once its row is new")
            let server = try #require(db as? PostgresServer)
            #expect(server.names.count >= 4, "the statements run again were named")
        }
    }

    @Test func aStatementThatFailedToPrepareIsPreparedAgainLater() async throws {
        guard StoreTests.postgresURL != nil else { return }
        try await StoreTests.withPostgresDatabase { database in
            let db = database.store.database
            // Named the second time it is seen, and failing to prepare then: the table is not there yet.
            for _ in 1...2 {
                await #expect(throws: (any Error).self) { try await db.raw("SELECT n FROM later WHERE id = \(bind: "a")").all() }
            }
            try await db.raw("CREATE TABLE later (id TEXT PRIMARY KEY, n INTEGER)").run()
            try await db.raw("INSERT INTO later (id, n) VALUES ('a', 7)").run()
            for round in 1...6 {
                let row = try await db.raw("SELECT n FROM later WHERE id = \(bind: "a")").first()
                #expect(try row?.decode(column: "n", as: Int.self) == 7, "round \(round): no connection keeps the failure")
            }
        }
    }
}
