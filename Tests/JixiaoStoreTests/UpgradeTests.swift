import Foundation
import JixiaoCore
import SQLKit
import Testing
@testable import JixiaoStore

/// A database as the release before the document model left it (migrations 1–8, its rows written as that release
/// wrote them) is upgraded in place when the server starts, losing nothing; an upgrade that fails leaves it as it was.
@Suite struct UpgradeTests {
    static let oldRelease = Array(Migrations.all.prefix(8))

    /// What the old release held: two units, a reviewer and two unit users, a session, a year, sign-in attempts, and
    /// evaluations with their histories: a project in two years, an agency evaluation, and one project created twice
    /// in one year (the old form allowed it).
    static func writeOldRelease(_ db: any SQLDatabase) async throws {
        let project = try String(contentsOf: exampleURL("seed000-project.json"), encoding: .utf8)
        let agency = try String(contentsOf: exampleURL("seed004-self-evaluation.json"), encoding: .utf8)
        let statements: [SQLQueryString] = [
            "INSERT INTO agencies (id, name, supervising_agency) VALUES ('a1', '攀枝花市东区应急管理局', NULL), ('a2', '株洲市芦淞区应急管理局', '株洲市芦淞区人民政府')",
            """
            INSERT INTO users (id, login, display_name, password_hash, role, agency_id, created_at) VALUES
            ('u1', 'unit1', '何花', 'hash1', 'unitLead', 'a1', '2024-01-02T00:00:00Z'),
            ('u2', 'unit2', '刘湛', 'hash2', 'unitFiller', 'a2', '2024-01-02T00:00:00Z'),
            ('u3', 'reviewer', '审核人', 'hash3', 'reviewer', NULL, '2024-01-02T00:00:00Z')
            """,
            "INSERT INTO reviewer_agencies (user_id, agency_id) VALUES ('u3', 'a1'), ('u3', 'a2')",
            "INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at) VALUES ('tokenhash', 'u1', 'csrf1', '2099-01-01T00:00:00Z')",
            "INSERT INTO fiscal_years (year, open, project_profile, agency_profile) VALUES (2023, 1, 'mof-2020-project@2020.1', 'hunan-2023-agency@2023.1')",
            "INSERT INTO login_attempts (login, address, attempted_at, outcome) VALUES ('unit1', '127.0.0.1', '2024-01-03T00:00:00.000Z', 'wrong-password')",
            """
            INSERT INTO projects (id, agency_id, fiscal_year, name, state, version, write_token, evaluation, updated_at, total_centi, grade, execution_bp, findings, profile) VALUES
            ('p2023', 'a1', 2023, '应急管理专项经费', 'published', 5, 't1', \(bind: project), '2024-02-01T00:00:00Z', 9552, '优', 8523, 2, 'mof-2020-project@2020.1'),
            ('p2024', 'a1', 2024, '应急管理专项经费', 'returned', 3, 't2', \(bind: project.replacingOccurrences(of: "\"fiscalYear\": 2023", with: "\"fiscalYear\": 2024")), '2024-03-01T00:00:00Z', NULL, NULL, NULL, NULL, NULL),
            ('twice', 'a1', 2023, '应急管理专项经费', 'draft', 1, 't3', \(bind: project), '2024-04-01T00:00:00Z', NULL, NULL, NULL, NULL, NULL),
            ('ag2023', 'a2', 2023, '株洲市芦淞区应急管理局', 'submitted', 2, 't4', \(bind: agency), '2024-02-02T00:00:00Z', 7598, '中', 9999, 7, 'hunan-2023-agency@2023.1')
            """,
            """
            INSERT INTO history (id, project_id, version, actor, at, field, old_value, new_value) VALUES
            ('h1', 'p2023', 1, '何花', '2024-01-05T00:00:00Z', '创建', '', '应急管理专项经费'),
            ('h2', 'p2023', 2, '何花', '2024-01-06T00:00:00Z', '预算/全年执行数', '40', '40.9094'),
            ('h3', 'p2023', 3, '何花', '2024-01-07T00:00:00Z', '状态', '草稿', '已提交'),
            ('h4', 'p2023', 4, '审核人', '2024-01-08T00:00:00Z', '状态', '已提交', '审核通过'),
            ('h5', 'p2023', 5, '审核人', '2024-01-09T00:00:00Z', '状态', '审核通过', '已公开'),
            ('h6', 'p2024', 3, '审核人', '2024-03-01T00:00:00Z', '退回意见', '', '请补充偏差原因'),
            ('h7', 'ag2023', 1, '示例数据', '2024-02-02T00:00:00Z', '创建', '', '株洲市芦淞区应急管理局')
            """,
        ]
        for statement in statements { try await db.raw(statement).run() }
    }

    static func exampleURL(_ name: String) -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/examples/" + name)
    }

    @Test(arguments: StoreTests.backends)
    func anOldDatabaseIsUpgradedLosingNothing(_ backend: StoreTests.Backend) async throws {
        try await StoreTests.withDatabase(backend, migrations: Self.oldRelease) { database in
            let store = database.store
            try await Self.writeOldRelease(store.database)
            try await store.migrate()

            #expect(try await store.agencies().map(\.id) == ["a1", "a2"])
            #expect(try await store.agencies().map(\.supervisingAgency) == [nil, "株洲市芦淞区人民政府"])
            let users = try await database.accounts.users()
            #expect(users.map(\.id) == ["u3", "u1", "u2"] && users.map { $0.agency?.id } == [nil, "a1", "a2"])
            #expect(users[0].reviews.map(\.id) == ["a1", "a2"])
            #expect(try await database.accounts.session(tokenHash: "tokenhash")?.user.id == "u1", "signed-in users stay signed in")
            #expect(try await store.fiscalYears().map(\.year) == [2023])
            #expect(try await database.accounts.failedAttempts(limit: 10).count == 1)

            let admin = StoreTests.admin
            let heads = try await ["p2023", "p2024", "twice", "ag2023"].asyncMap { try await store.head($0, for: admin) }
            #expect(heads.map(\.state) == [.published, .returned, .draft, .submitted])
            #expect(heads.map(\.version) == [5, 3, 1, 2])
            #expect(heads.map(\.kind) == [.projectSelfEvaluation, .projectSelfEvaluation, .projectSelfEvaluation, .agencyEvaluation])
            #expect(heads[0].projectID == heads[1].projectID, "2023 and 2024 are one project")
            #expect(heads[2].projectID != heads[0].projectID, "the copy made twice in one year is a project of its own")
            #expect(try await store.project(try #require(heads[2].projectID), for: admin).name == "应急管理专项经费（重复 2）")
            #expect(heads[3].projectID == nil && heads[3].agencyID == "a2")
            let original = try JSONDecoder().decode(SelfEvaluation.self, from: Data(contentsOf: Self.exampleURL("seed000-project.json")))
            #expect(try await store.document("p2023", as: SelfEvaluation.self, for: admin).body == original)
            // Each 2023 evaluation's figures as its siblings' pages read them (ag2023 is its unit's only one: read as
            // the unit's next evaluation would).
            var compared = try store.comparedFigures(of: try await store.storedDocument("twice", for: admin, withSiblings: true).siblings)
            compared.merge(try store.comparedFigures(of: try await store.storedDocument("p2023", for: admin, withSiblings: true).siblings)) { $1 }
            let alone = try #require(try await store.database.raw("SELECT compared FROM documents WHERE id = 'ag2023'").first())
            compared["ag2023"] = try JSONTreeDecoder().decode(ComparedFigures.self, from: try alone.decode(column: "compared", as: String.self))
            #expect(compared.keys.sorted() == ["ag2023", "p2023", "twice"])
            #expect(compared["p2023"]?.budget == original.budget && compared["ag2023"]?.kind == .agency, "the figures compared are kept")
            let listed = try await store.listings(for: admin, ListingQuery(order: .updatedAt))
            #expect(listed.documents.first { $0.id == "p2023" }?.summary?.total == ExactDecimal(significand: 9552, exponent: -2))
            let byUnit = try await store.listings(for: admin, ListingQuery(order: .agency))
            #expect(byUnit.documents.map(\.agency) == ["攀枝花市东区应急管理局", "攀枝花市东区应急管理局", "攀枝花市东区应急管理局", "株洲市芦淞区应急管理局"])
            #expect(try await store.listings(for: admin, ListingQuery(text: "芦淞")).documents.map(\.id) == ["ag2023"], "searched by the unit's name")

            let history = try await store.history("p2023", for: admin)
            #expect(history.map(\.field) == ["创建", "预算/全年执行数", "状态", "状态", "状态"])
            #expect(history.map(\.actorID) == ["u1", "u1", "u1", "u3", "u3"] && history.map(\.actor) == ["何花", "何花", "何花", "审核人", "审核人"])
            #expect(history.map(\.operation) == ["新建", "修改", "状态", "状态", "状态"])
            #expect(try await store.history("p2024", for: admin).map(\.newValue) == ["请补充偏差原因"])
            #expect(try await store.history("ag2023", for: admin).map(\.actorID) == [nil], "示例数据 is no user")
            #expect(try await store.history("twice", for: admin).map(\.newValue) == ["应急管理专项经费（重复 2）"])

            let lead = try #require(users.first { $0.id == "u2" })
            var edited = try await store.document("ag2023", as: SelfEvaluation.self, for: admin).body
            edited.goal.actual = "升级后修改"
            await #expect(throws: StoreError.forbidden("“已提交”状态的自评不能修改；如需修改，请审核人退回")) {
                try await store.save("ag2023", edited, expectedVersion: 2, by: lead.author, as: lead.actor)
            }
            let tables = try await store.database.raw("SELECT COUNT(*) AS n FROM schema_migrations").first()?.decode(column: "n", as: Int.self)
            #expect(tables == Migrations.all.count)
        }
    }

    @Test(arguments: StoreTests.backends)
    func aFailedUpgradeLeavesTheOldDatabaseWhole(_ backend: StoreTests.Backend) async throws {
        try await StoreTests.withDatabase(backend, migrations: Self.oldRelease) { database in
            let store = database.store
            try await Self.writeOldRelease(store.database)
            try await store.database.raw("UPDATE projects SET state = 'archived' WHERE id = 'p2024'").run()
            await #expect(throws: StoreError.unreadable(row: "projects.id=p2024", reason: "未知的状态“archived”")) {
                try await store.migrate()
            }
            let applied = try await store.database.raw("SELECT MAX(number) AS n FROM schema_migrations").first()?.decode(column: "n", as: Int.self)
            #expect(applied == 8)
            let rows = try await store.database.raw("SELECT COUNT(*) AS n FROM projects").first()?.decode(column: "n", as: Int.self)
            #expect(rows == 4, "the old table is still there, with every row")
            let history = try await store.database.raw("SELECT COUNT(*) AS n FROM history").first()?.decode(column: "n", as: Int.self)
            #expect(history == 7)
            try await store.database.raw("UPDATE projects SET state = 'returned' WHERE id = 'p2024'").run()
            try await store.migrate()
            #expect(try await store.head("p2024", for: StoreTests.admin).state == .returned, "mended, the upgrade runs")
        }
    }
}

extension Array {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var results: [T] = []
        for element in self { results.append(try await transform(element)) }
        return results
    }
}
