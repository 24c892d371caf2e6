import Foundation
import SQLKit
import Testing
import JixiaoCore
import JixiaoDocuments
@testable import JixiaoStore

/// The repository test suite, run the same on a SQLite file and on PostgreSQL (JIXIAO_TEST_POSTGRES, which
/// .ci/run sets after starting a server on 127.0.0.1).
@Suite struct StoreTests {
    enum Backend: String, CaseIterable, CustomTestStringConvertible {
        case sqlite, postgres
        var testDescription: String { rawValue }
    }

    static let postgresURL = ProcessInfo.processInfo.environment["JIXIAO_TEST_POSTGRES"]
    static var backends: [Backend] { postgresURL == nil ? [.sqlite] : [.sqlite, .postgres] }
    static let unit = "株洲市芦淞区应急管理局"
    static let admin = Actor(role: .bureauAdmin)
    static let author = Author(id: nil, name: "何花")
    static let profiles = try! ProfileCatalog.builtin()

    /// A unit's lead and its reviewer, by the agency's id.
    static func lead(_ agency: AgencyRecord) -> Actor { Actor(role: .unitLead, agency: agency.id) }
    static func reviewer(_ agency: AgencyRecord) -> Actor { Actor(role: .reviewer, reviews: [agency.id]) }

    /// A fresh, migrated store: a new SQLite file, or a new PostgreSQL database.
    static func withStore(_ backend: Backend, _ body: (DocumentStore) async throws -> Void) async throws {
        try await withDatabase(backend) { try await body($0.store) }
    }

    /// A fresh, migrated database (documents and accounts): a new SQLite file, or a new PostgreSQL database; its
    /// summaries scored by `profiles` (the built-in ones when nil), with `migrations` applied (all by default).
    static func withDatabase(
        _ backend: Backend, profiles: ProfileCatalog? = nil, migrations: [any StoreMigration] = Migrations.all,
        _ body: (StoreDatabase) async throws -> Void
    ) async throws {
        let profiles = profiles ?? Self.profiles
        switch backend {
        case .sqlite:
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-store-\(UUID().uuidString).sqlite").path
            let database = try await StoreDatabase.open(path, profiles: profiles, migrations: migrations)
            do { try await body(database) } catch {
                try await database.shutdown()
                throw error
            }
            try await database.shutdown()
        case .postgres:
            do { try await withPostgresDatabase(profiles: profiles, migrations: migrations, body) } catch {
                throw Failure(detail: String(reflecting: error))
            }
        }
    }

    /// Runs `body` on a new, migrated PostgreSQL database and drops it afterwards.
    static func withPostgresDatabase(
        profiles: ProfileCatalog? = nil, migrations: [any StoreMigration] = Migrations.all, _ body: (StoreDatabase) async throws -> Void
    ) async throws {
        let base = try #require(postgresURL)
        let name = "jixiao_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        let admin = try await StoreDatabase.open(base, profiles: Self.profiles)
        var failure: (any Error)?
        do {
            try await admin.store.database.raw(SQLQueryString("CREATE DATABASE \(name)")).run()
            let url = base[..<base.lastIndex(of: "/")!] + "/" + name
            let database = try await StoreDatabase.open(url, profiles: profiles ?? Self.profiles, migrations: migrations)
            do { try await body(database) } catch { failure = error }
            try await database.shutdown()
            try await admin.store.database.raw(SQLQueryString("DROP DATABASE \(name)")).run()
        } catch {
            failure = failure ?? error
        }
        try await admin.shutdown()
        if let failure { throw failure }
    }

    /// An error with its full text (PostgreSQL errors hide theirs from `description`).
    struct Failure: Error, CustomStringConvertible {
        var detail: String
        var description: String { detail }
    }

    /// The database's store with the approval rules loaded (the test databases are opened with profiles only).
    static func reopened(_ database: StoreDatabase) -> DocumentStore {
        DocumentStore(database: database.store.database, rules: DocumentRules(profiles: profiles, approvals: try! RuleFiles.approvalRules()))
    }

    static func evaluation() throws -> SelfEvaluation {
        try example("seed004-self-evaluation.json")
    }

    static func example(_ name: String) throws -> SelfEvaluation {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/examples/" + name)
        return try JSONDecoder().decode(SelfEvaluation.self, from: Data(contentsOf: url))
    }

    @Test func ciRunsThePostgresSuite() {
        if ProcessInfo.processInfo.environment["CI"] != nil { #expect(Self.postgresURL != nil, "CI must set JIXIAO_TEST_POSTGRES") }
    }

    @Test(arguments: backends)
    func migrationsAreNumberedAndRunOnce(_ backend: Backend) async throws {
        try await Self.withStore(backend) { store in
            try await store.migrate()
            let numbers = try await store.database.raw("SELECT number FROM schema_migrations ORDER BY number").all()
                .map { try $0.decode(column: "number", as: Int.self) }
            #expect(numbers == Migrations.all.map(\.number))
        }
    }

    @Test(arguments: backends)
    func aDocumentIsStoredAndReadBackWhole(_ backend: Backend) async throws {
        try await Self.withStore(backend) { store in
            let agency = try await store.addAgency(Self.unit)
            await #expect(throws: StoreError.duplicate(Self.unit)) { try await store.addAgency(Self.unit) }
            let created = try await store.create([try Self.evaluation()], by: Self.author)[0]
            #expect(created.head.version == 1 && created.head.state == .draft)
            #expect(created.head.kind == .agencyEvaluation && created.head.projectID == nil, "seed 004 is the agency's overall evaluation")
            let read = try await store.document(created.id, as: SelfEvaluation.self, for: Self.lead(agency))
            #expect(read.body == (try Self.evaluation()))
            #expect(try await store.listings(for: Self.reviewer(agency)).documents.map(\.id) == [created.id])
        }
    }

    @Test(arguments: backends)
    func anotherUnitsDocumentIsNotFound(_ backend: Backend) async throws {
        try await Self.withStore(backend) { store in
            try await store.addAgency(Self.unit)
            let other = try await store.addAgency("别的单位")
            let created = try await store.create([try Self.evaluation()], by: Self.author)[0]
            let stranger = Self.lead(other)
            await #expect(throws: StoreError.notFound) { try await store.head(created.id, for: stranger) }
            await #expect(throws: StoreError.notFound) {
                try await store.save(created.id, try Self.evaluation(), expectedVersion: 1, by: Self.author, as: stranger)
            }
            #expect(try await store.listings(for: stranger).total == 0)
        }
    }

    @Test(arguments: backends)
    func aSaveRecordsEveryChangedFieldWithTheUsersId(_ backend: Backend) async throws {
        try await Self.withDatabase(backend) { database in
            let store = database.store
            let agency = try await store.addAgency(Self.unit)
            let user = try await database.accounts.createUser(
                login: "lead", displayName: "何花", passwordHash: "h", role: .unitLead, agency: Self.unit)
            let created = try await store.create([try Self.evaluation()], by: user.author)[0]
            var changed = try Self.evaluation()
            changed.indicators.categories[0].groups[0].indicators[0].actual = "12名在职人员和1名退休人员"
            let saved = try await store.save(created.id, changed, expectedVersion: 1, by: user.author, as: user.actor)
            #expect(saved.head.version == 2)
            let history = try await store.history(created.id, for: Self.lead(agency))
            let change = try #require(history.first { $0.version == 2 })
            #expect(change.field.hasSuffix("/实际完成值") && change.operation == "修改")
            #expect(change.oldValue == "13名在职人员和1名退休人员" && change.newValue == "12名在职人员和1名退休人员")
            #expect(change.actor == "何花" && change.actorID == user.id)
        }
    }

    @Test(arguments: backends)
    func theLaterOfTwoSavesIsRefusedAndNothingIsLost(_ backend: Backend) async throws {
        try await Self.withStore(backend) { store in
            let agency = try await store.addAgency(Self.unit)
            let created = try await store.create([try Self.evaluation()], by: Self.author)[0]
            var first = try Self.evaluation()
            first.goal.actual = "甲的修改"
            var second = try Self.evaluation()
            second.goal.actual = "乙的修改"
            let results = await withTaskGroup(of: Result<Document<SelfEvaluation>, any Error>.self) { group in
                for edit in [first, second] {
                    group.addTask {
                        do {
                            return .success(try await store.save(
                                created.id, edit, expectedVersion: 1, by: Author(id: nil, name: edit.goal.actual), as: Self.lead(agency)))
                        } catch { return .failure(error) }
                    }
                }
                return await group.reduce(into: []) { $0.append($1) }
            }
            let winners = results.compactMap { try? $0.get() }
            #expect(winners.count == 1)
            let loser = results.compactMap { result -> StoreError? in
                if case .failure(let error) = result { return error as? StoreError } else { return nil }
            }
            #expect(loser == [.stale(expected: 1, current: 2)])
            let stored = try await store.document(created.id, as: SelfEvaluation.self, for: Self.lead(agency))
            #expect(stored.head.version == 2 && stored.body.goal.actual == winners[0].body.goal.actual)
        }
    }

    @Test(arguments: backends)
    func theWorkflowIsRecordedAndPublishedIsReadOnly(_ backend: Backend) async throws {
        try await Self.withStore(backend) { store in
            let agency = try await store.addAgency(Self.unit)
            let (lead, reviewer) = (Self.lead(agency), Self.reviewer(agency))
            let id = try await store.create([try Self.evaluation()], by: Self.author)[0].id
            let 审核人 = Author(id: nil, name: "审核人")
            _ = try await store.transition(id, .submit, by: Self.author, as: lead)
            _ = try await store.transition(id, .return(comment: "偏差原因未填写"), by: 审核人, as: reviewer)
            _ = try await store.transition(id, .submit, by: Self.author, as: lead)
            _ = try await store.transition(id, .approve, by: 审核人, as: reviewer)
            let published = try await store.transition(id, .publish, by: 审核人, as: reviewer)
            #expect(published.state == .published && published.version == 6)
            await #expect(throws: StoreError.self) {
                try await store.save(id, try Self.evaluation(), expectedVersion: 6, by: Self.author, as: lead)
            }
            let history = try await store.history(id, for: reviewer)
            #expect(history.contains { $0.field == "退回意见" && $0.newValue == "偏差原因未填写" })
            #expect(history.filter { $0.field == "状态" }.map(\.newValue) == ["已提交", "退回", "已提交", "审核通过", "已公开"])
        }
    }

    @Test(arguments: backends)
    func aFailedWriteLeavesNothingBehind(_ backend: Backend) async throws {
        try await Self.withStore(backend) { store in
            try await store.addAgency(Self.unit)
            struct Halfway: Error {}
            await #expect(throws: Halfway.self) {
                try await store.database.transaction { db in
                    try await db.raw("INSERT INTO agencies (id, name) VALUES ('x', '半途单位')").run()
                    throw Halfway()
                }
            }
            #expect(try await store.agencies().map(\.name) == [Self.unit])
            var orphan = try Self.evaluation()
            orphan.agency.name = "未建立的单位"
            await #expect(throws: StoreError.self) { _ = try await store.create([try Self.evaluation(), orphan], by: Self.author) }
            #expect(try await store.listings(for: Self.admin).total == 0, "the first of the two was not kept either")
        }
    }

    @Test(arguments: backends)
    func listsCarryTheSummaryAndFilterSortAndPageInTheDatabase(_ backend: Backend) async throws {
        try await Self.withStore(backend) { store in
            try await store.addAgency(Self.unit)
            try await store.addAgency("株洲市芦淞区财政局")
            let first = try await store.create([try Self.evaluation()], by: Self.author)[0]
            var other = try Self.evaluation()
            other.agency.name = "株洲市芦淞区财政局"
            other.budget.total.spent = other.budget.total.adjustedBudget.map { Money(fen: $0.fen / 2) }
            let second = try await store.create([other], by: Self.author)[0]
            let all = try await store.listings(for: Self.admin, ListingQuery(order: .executionRate))
            #expect(all.total == 2 && all.documents.map(\.id) == [second.id, first.id])
            let summary = try #require(all.documents[1].summary)
            let expected = Assessment(try Self.evaluation(), profile: try Self.profiles.defaultProfile(for: .agency)).summary
            #expect(summary.total == expected.total?.rounded(scale: 2) && summary.grade == expected.grade)
            #expect(summary.findings == expected.findings && summary.profile == "hunan-2023-agency@2023.1")
            #expect(all.documents[0].summary?.executionRate == ExactDecimal(significand: 5000, exponent: -4))
            let page = try await store.listings(for: Self.admin, ListingQuery(order: .agency, descending: true, limit: 1, offset: 1))
            #expect(page.total == 2 && page.documents.map(\.id) == [first.id], "财 sorts after 应 by code point")
            #expect(try await store.listings(for: Self.admin, ListingQuery(text: "财政")).documents.map(\.id) == [second.id])
            #expect(try await store.listings(for: Self.admin, ListingQuery(states: [.submitted])).total == 0)
            #expect(try await store.listings(for: Self.admin, ListingQuery(kinds: [.projectSelfEvaluation])).total == 0)
            #expect(try await store.listings(for: nil).total == 0, "the public sees published documents only")
        }
    }

    @Test(arguments: backends)
    func usersHaveRolesUnitsAndSessionsThatExpire(_ backend: Backend) async throws {
        try await Self.withDatabase(backend) { database in
            let accounts = database.accounts
            let agency = try await database.store.addAgency(Self.unit)
            let lead = try await accounts.createUser(login: "lead", displayName: "何花", passwordHash: "h1", role: .unitLead, agency: Self.unit)
            let reviewer = try await accounts.createUser(login: "rev", displayName: "审核人", passwordHash: "h2", role: .reviewer, reviews: [Self.unit])
            #expect(lead.actor == Self.lead(agency) && reviewer.actor == Self.reviewer(agency))
            #expect(lead.agency == AgencyRef(id: agency.id, name: Self.unit))
            await #expect(throws: StoreError.refused("登录名“lead”已被使用")) {
                try await accounts.createUser(login: "lead", displayName: "x", passwordHash: "h", role: .unitFiller, agency: Self.unit)
            }
            await #expect(throws: StoreError.refused("单位“别的单位”尚未建立")) {
                try await accounts.createUser(login: "x", displayName: "x", passwordHash: "h", role: .reviewer, reviews: ["别的单位"])
            }
            #expect(try await accounts.userCount() == 2, "a refused user leaves nothing behind")
            let found = try #require(try await accounts.credentials(login: "rev"))
            #expect(found.user == reviewer && found.passwordHash == "h2")
            let now = Date()
            try await accounts.openSession(tokenHash: "t1", csrfToken: "c1", user: lead.id, expires: now.addingTimeInterval(60))
            #expect(try await accounts.session(tokenHash: "t1", now: now) == SessionRecord(user: lead, csrfToken: "c1"))
            #expect(try await accounts.session(tokenHash: "t1", now: now.addingTimeInterval(61)) == nil, "expired")
            try await accounts.setPositions(["divisionLead", "clerk"], of: "lead")
            #expect(try await accounts.session(tokenHash: "t1", now: now)?.user.positions == ["clerk", "divisionLead"], "a session knows every position")
            try await accounts.closeSession(tokenHash: "t1", now: now)
            #expect(try await accounts.session(tokenHash: "t1", now: now) == nil, "signed out")
        }
    }
}
