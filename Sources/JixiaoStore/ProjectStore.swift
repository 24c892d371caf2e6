import Foundation
import JixiaoCore
import SQLKit

/// The repository of agencies, projects and their history, over any SQLKit database (SQLite or PostgreSQL: the
/// same SQL, the same tests). Every write runs in one transaction on one connection; saves are optimistic (a save
/// names the version it was based on) and every change is recorded field by field.
public struct ProjectStore: Sendable {
    let database: any SQLDatabase
    /// For a store on one connection (SQLite): every operation runs alone.
    let gate: SerialGate?
    /// The profiles the stored summaries are scored by (each evaluation by the one its fiscal year assigns).
    let profiles: ProfileCatalog

    public init(database: any SQLDatabase, profiles: ProfileCatalog) {
        self.init(database: database, gate: nil, profiles: profiles)
    }

    init(database: any SQLDatabase, gate: SerialGate?, profiles: ProfileCatalog) {
        self.database = database
        self.gate = gate
        self.profiles = profiles
    }

    /// The summary the overview shows, scored by the profile `year` assigns (the default when it is nil); nil when
    /// no profile applies.
    public func summary(of evaluation: SelfEvaluation, in year: FiscalYear?) -> EvaluationSummary? {
        (try? profiles.profile(for: evaluation.kind, in: year)).map { EvaluationSummary(evaluation, profile: $0) }
    }

    /// Runs an operation, alone when the store is on one connection.
    func exclusive<R: Sendable>(_ body: @Sendable () async throws -> R) async throws -> R {
        guard let gate else { return try await body() }
        return try await gate.run(body)
    }

    // MARK: Migrations

    /// Applies the migrations not applied yet, all in one transaction. On PostgreSQL the transaction first takes an
    /// advisory lock, so servers (or test runs) starting together against one database apply each migration once.
    public func migrate() async throws {
        try await exclusive {
            try await self.database.transaction { db in
                if db.dialect.name == "postgresql" {
                    try await db.raw("SELECT pg_advisory_xact_lock(\(literal: Self.migrationLock))").run()
                }
                try await Self.applyMigrations(db)
            }
        }
    }

    /// The advisory lock key of migrations (any constant; "jixiao" in ASCII).
    static let migrationLock = 0x6A_69_78_69_61_6F

    private static func applyMigrations(_ db: any SQLDatabase) async throws {
        try await db.raw("CREATE TABLE IF NOT EXISTS schema_migrations (number INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)").run()
        let applied = Set(try await db.raw("SELECT number FROM schema_migrations").all().map { try $0.decode(column: "number", as: Int.self) })
        for migration in Migrations.all where !applied.contains(migration.number) {
            for statement in migration.statements { try await db.raw(SQLQueryString(statement)).run() }
            try await db.raw("INSERT INTO schema_migrations (number, name, applied_at) VALUES (\(bind: migration.number), \(bind: migration.name), \(bind: now()))").run()
        }
    }

    // MARK: Agencies

    @discardableResult
    public func addAgency(_ name: String, supervisingAgency: String? = nil) async throws -> AgencyRecord {
        try await exclusive { try await self.insertAgency(name, supervisingAgency: supervisingAgency) }
    }

    private func insertAgency(_ name: String, supervisingAgency: String?) async throws -> AgencyRecord {
        if try await agency(named: name) != nil { throw StoreError.duplicate(name) }
        let record = AgencyRecord(id: UUID().uuidString, name: name, supervisingAgency: supervisingAgency)
        try await database.raw("INSERT INTO agencies (id, name, supervising_agency) VALUES (\(bind: record.id), \(bind: name), \(bind: supervisingAgency))").run()
        return record
    }

    public func agencies() async throws -> [AgencyRecord] {
        try await exclusive { try await self.database.raw("SELECT id, name, supervising_agency FROM agencies ORDER BY name").all().map(Self.agency) }
    }

    func agency(named name: String) async throws -> AgencyRecord? {
        try await database.raw("SELECT id, name, supervising_agency FROM agencies WHERE name = \(bind: name)").first().map(Self.agency)
    }

    static func agency(_ row: any SQLRow) throws -> AgencyRecord {
        AgencyRecord(
            id: try row.decode(column: "id", as: String.self), name: try row.decode(column: "name", as: String.self),
            supervisingAgency: try row.decodeNil(column: "supervising_agency") ? nil : try row.decode(column: "supervising_agency", as: String.self))
    }

    // MARK: Projects

    /// Stores a new project of an existing agency as a draft, version 1.
    public func createProject(_ evaluation: SelfEvaluation, by user: String) async throws -> ProjectRecord {
        try await createProjects([evaluation], by: user)[0]
    }

    /// Stores new projects (an imported table may hold several) in one transaction: all of them or none.
    public func createProjects(_ evaluations: [SelfEvaluation], by user: String) async throws -> [ProjectRecord] {
        for evaluation in evaluations {
            if let problem = EvaluationInput.problem(in: evaluation) { throw StoreError.refused(problem) }
        }
        return try await exclusive {
            var agencies: [String: AgencyRecord] = [:]
            for name in Set(evaluations.map(\.agency.name)) {
                guard let agency = try await agency(named: name) else {
                    throw StoreError.refused("单位“\(name)”尚未建立，请财政局管理员先添加该单位")
                }
                agencies[name] = agency
            }
            let years = Dictionary(uniqueKeysWithValues: try await Self.fiscalYears(in: database).map { ($0.year, $0) })
            for year in Set(evaluations.compactMap(\.fiscalYear)) where years[year]?.isOpen == false {
                throw StoreError.forbidden("\(year) 年度已结束填报，不能新建或导入该年度的自评")
            }
            let now = Self.now()
            let records = evaluations.map {
                ProjectRecord(id: UUID().uuidString, agency: $0.agency.name, fiscalYear: $0.fiscalYear, name: $0.title,
                              state: .draft, version: 1, evaluation: $0, updatedAt: now)
            }
            let rows = try records.map { (record: $0, agency: agencies[$0.agency]!.id, json: try Self.encode($0.evaluation),
                                          summary: Self.summaryColumns(summary(of: $0.evaluation, in: $0.fiscalYear.flatMap { years[$0] }))) }
            try await database.transaction { db in
                for row in rows {
                    let (record, summary) = (row.record, row.summary)
                    try await db.raw("""
                        INSERT INTO projects (id, agency_id, fiscal_year, name, state, version, write_token, evaluation, updated_at,
                        total_centi, grade, execution_bp, findings, profile)
                        VALUES (\(bind: record.id), \(bind: row.agency), \(bind: record.fiscalYear), \(bind: record.name), \(bind: WorkflowState.draft.rawValue), 1, \(bind: UUID().uuidString), \(bind: row.json), \(bind: now),
                        \(bind: summary.total), \(bind: summary.grade), \(bind: summary.execution), \(bind: summary.findings), \(bind: summary.profile))
                        """).run()
                    try await Self.record(db, project: record.id, version: 1, actor: user, at: now, changes: [("创建", "", record.name)])
                }
            }
            return records
        }
    }

    /// The id of the unit's project of that year with that name, if there is one (what an import would duplicate).
    public func existingProject(agency: String, fiscalYear: Int?, name: String) async throws -> String? {
        try await exclusive {
            let year = fiscalYear.map { SQLQueryString("p.fiscal_year = \(bind: $0)") } ?? "p.fiscal_year IS NULL"
            let row = try await database.raw("""
                SELECT p.id FROM projects p JOIN agencies a ON a.id = p.agency_id
                WHERE a.name = \(bind: agency) AND p.name = \(bind: name) AND \(year) LIMIT 1
                """).first()
            return try row?.decode(column: "id", as: String.self)
        }
    }

    /// The project with `id` if `actor` may see it; ``StoreError/notFound`` otherwise.
    public func project(_ id: String, for actor: Actor) async throws -> ProjectRecord {
        try await exclusive { try await self.fetchProject(id, for: actor) }
    }

    private func fetchProject(_ id: String, for actor: Actor) async throws -> ProjectRecord {
        let row = try await database.raw("""
            SELECT p.id, a.name AS agency, p.fiscal_year, p.name, p.state, p.version, p.evaluation, p.updated_at
            FROM projects p JOIN agencies a ON a.id = p.agency_id WHERE p.id = \(bind: id)
            """).first()
        guard let row, let record = try? Self.project(row), actor.canSee(record.agency) else { throw StoreError.notFound }
        return record
    }

    /// Saves `evaluation` over the project if it is still at `expectedVersion`, recording every changed field.
    public func save(_ id: String, _ evaluation: SelfEvaluation, expectedVersion: Int, by user: String, as actor: Actor) async throws -> ProjectRecord {
        if let problem = EvaluationInput.problem(in: evaluation) { throw StoreError.refused(problem) }
        return try await exclusive { try await self.update(id, evaluation, expectedVersion: expectedVersion, by: user, as: actor) }
    }

    private func update(_ id: String, _ evaluation: SelfEvaluation, expectedVersion: Int, by user: String, as actor: Actor) async throws -> ProjectRecord {
        let current = try await fetchProject(id, for: actor)
        let year = try await Self.fiscalYear(current.fiscalYear, in: database)
        let newYear = evaluation.fiscalYear == current.fiscalYear ? year : try await Self.fiscalYear(evaluation.fiscalYear, in: database)
        do {
            _ = try Workflow.apply(.edit, by: actor, agency: current.agency, in: current.state, yearIsOpen: year?.isOpen != false && newYear?.isOpen != false)
        } catch let error as WorkflowError {
            throw error.notFound ? StoreError.notFound : StoreError.forbidden(error.reason)
        }
        guard evaluation.agency.name == current.agency else { throw StoreError.refused("不能把项目改到其他单位名下") }
        // A save based on another version is stale whatever it names (no arithmetic on a client's number).
        guard expectedVersion == current.version else { throw StoreError.stale(expected: expectedVersion, current: current.version) }
        let changes = EvaluationDiff.changes(from: current.evaluation, to: evaluation)
        return try await write(current, expectedVersion: expectedVersion, user: user, evaluation: evaluation, year: newYear, state: current.state, changes: changes)
    }

    /// Moves the project through the workflow (submit, return, approve, publish), recorded in the history.
    public func transition(_ id: String, _ action: WorkflowAction, by user: String, as actor: Actor) async throws -> ProjectRecord {
        try await exclusive { try await self.move(id, action, by: user, as: actor) }
    }

    private func move(_ id: String, _ action: WorkflowAction, by user: String, as actor: Actor) async throws -> ProjectRecord {
        let current = try await fetchProject(id, for: actor)
        let year = try await Self.fiscalYear(current.fiscalYear, in: database)
        let next: WorkflowState
        do {
            next = try Workflow.apply(action, by: actor, agency: current.agency, in: current.state, yearIsOpen: year?.isOpen != false)
        } catch let error as WorkflowError {
            throw error.notFound ? StoreError.notFound : StoreError.forbidden(error.reason)
        }
        var changes = [("状态", current.state.label, next.label)]
        if case .return(let comment) = action { changes.append(("退回意见", "", comment)) }
        return try await write(current, expectedVersion: current.version, user: user, evaluation: current.evaluation, year: year, state: next, changes: changes)
    }

    /// The project's recorded changes, oldest first.
    public func history(_ id: String, for actor: Actor) async throws -> [HistoryEntry] {
        try await exclusive { try await self.fetchHistory(id, for: actor) }
    }

    private func fetchHistory(_ id: String, for actor: Actor) async throws -> [HistoryEntry] {
        _ = try await fetchProject(id, for: actor)
        return try await database.raw("SELECT version, actor, at, field, old_value, new_value FROM history WHERE project_id = \(bind: id) ORDER BY version, field").all().map { row in
            HistoryEntry(
                version: try row.decode(column: "version", as: Int.self), actor: try row.decode(column: "actor", as: String.self),
                at: try row.decode(column: "at", as: String.self), field: try row.decode(column: "field", as: String.self),
                oldValue: try row.decode(column: "old_value", as: String.self), newValue: try row.decode(column: "new_value", as: String.self))
        }
    }

    // MARK: Writing

    /// The conditional update: it changes the row only if the version is still `expectedVersion`, stamping a
    /// token of its own, and reads the token back in the same transaction to learn whether it won.
    private func write(
        _ current: ProjectRecord, expectedVersion: Int, user: String, evaluation: SelfEvaluation, year: FiscalYear?,
        state: WorkflowState, changes: [(String, String, String)]
    ) async throws -> ProjectRecord {
        let token = UUID().uuidString
        let now = Self.now()
        let json = try Self.encode(evaluation)
        let summary = Self.summaryColumns(summary(of: evaluation, in: year))
        let next = expectedVersion + 1
        let won: Int? = try await database.transaction { db in
            try await db.raw("""
                UPDATE projects SET evaluation = \(bind: json), state = \(bind: state.rawValue), version = \(bind: next),
                write_token = \(bind: token), name = \(bind: evaluation.title), fiscal_year = \(bind: evaluation.fiscalYear), updated_at = \(bind: now),
                total_centi = \(bind: summary.total), grade = \(bind: summary.grade), execution_bp = \(bind: summary.execution),
                findings = \(bind: summary.findings), profile = \(bind: summary.profile)
                WHERE id = \(bind: current.id) AND version = \(bind: expectedVersion)
                """).run()
            let row = try await db.raw("SELECT version, write_token FROM projects WHERE id = \(bind: current.id)").first()
            guard let row, try row.decode(column: "write_token", as: String.self) == token else {
                return try row?.decode(column: "version", as: Int.self) ?? 0
            }
            try await Self.record(db, project: current.id, version: next, actor: user, at: now, changes: changes)
            return nil
        }
        if let version = won { throw StoreError.stale(expected: expectedVersion, current: version) }
        return ProjectRecord(id: current.id, agency: current.agency, fiscalYear: evaluation.fiscalYear, name: evaluation.title,
                             state: state, version: next, evaluation: evaluation, updatedAt: now)
    }

    static func record(_ db: any SQLDatabase, project: String, version: Int, actor: String, at: String, changes: [(String, String, String)]) async throws {
        for (field, old, new) in changes {
            try await db.raw("""
                INSERT INTO history (id, project_id, version, actor, at, field, old_value, new_value)
                VALUES (\(bind: UUID().uuidString), \(bind: project), \(bind: version), \(bind: actor), \(bind: at), \(bind: field), \(bind: old), \(bind: new))
                """).run()
        }
    }

    static func project(_ row: any SQLRow) throws -> ProjectRecord {
        ProjectRecord(
            id: try row.decode(column: "id", as: String.self), agency: try row.decode(column: "agency", as: String.self),
            fiscalYear: try row.decodeNil(column: "fiscal_year") ? nil : try row.decode(column: "fiscal_year", as: Int.self),
            name: try row.decode(column: "name", as: String.self),
            state: WorkflowState(rawValue: try row.decode(column: "state", as: String.self)) ?? .draft,
            version: try row.decode(column: "version", as: Int.self),
            evaluation: try evaluation(row),
            updatedAt: try row.decode(column: "updated_at", as: String.self))
    }

    static func evaluation(_ row: any SQLRow) throws -> SelfEvaluation {
        try JSONDecoder().decode(SelfEvaluation.self, from: Data(try row.decode(column: "evaluation", as: String.self).utf8))
    }

    static func encode(_ evaluation: SelfEvaluation) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(evaluation), as: UTF8.self)
    }

    static func now() -> String {
        Date().formatted(.iso8601)
    }
}
