import Foundation
import JixiaoCore
import SQLKit

/// The repository of agencies, their projects and their documents of every kind, over any SQLKit database (SQLite
/// or PostgreSQL: the same SQL, the same tests). A document is (a subject: the agency or one of its projects, a fiscal
/// year, a kind); every kind goes through the one versioned write (optimistic version, one transaction, every change
/// recorded as path → old → new), the one workflow and the one listing.
public struct DocumentStore: Sendable {
    let database: any SQLDatabase
    /// The rules the stored summaries are computed by (each evaluation by the profile its fiscal year assigns).
    public let rules: DocumentRules
    /// The compared figures of versions already decoded (a unit's pages compare with the same evaluations).
    let comparedCache = BoundedCache<String, ComparedFigures>(capacity: 50_000)
    /// Lists' lengths by the documents' change number, statement and parameters (a reviewer's and a unit's lists are
    /// statements of their own).
    let listCounts = BoundedCache<String, Int>(capacity: 4096)

    public init(database: any SQLDatabase, rules: DocumentRules) {
        self.database = database
        self.rules = rules
    }

    static func now() -> String {
        Date().formatted(.iso8601)
    }

    // MARK: Migrations

    /// Applies the migrations not applied yet, all in one transaction: an upgrade stopped half-way leaves the old
    /// schema and data as they were. On PostgreSQL the transaction first takes an advisory lock, so servers (or test
    /// runs) starting together against one database apply each migration once.
    public func migrate() async throws {
        try await migrate(Migrations.all)
    }

    func migrate(_ migrations: [any StoreMigration]) async throws {
        try await self.database.transaction { db in
            if db.dialect.name == "postgresql" {
                try await db.raw("SELECT pg_advisory_xact_lock(\(literal: Self.migrationLock))").run()
            }
            try await Migrations.apply(migrations, on: db)
        }
    }

    /// The advisory lock key of migrations (any constant; "jixiao" in ASCII).
    static let migrationLock = 0x6A_69_78_69_61_6F

    // MARK: Agencies

    /// Adds an agency; its name must be new.
    @discardableResult
    public func addAgency(_ name: String, code: String? = nil, supervisingAgency: String? = nil) async throws -> AgencyRecord {
        if try await agency(named: name, in: database) != nil { throw StoreError.duplicate(name) }
        let record = AgencyRecord(id: UUID().uuidString, name: name, code: code, supervisingAgency: supervisingAgency)
        try await database.raw("""
            INSERT INTO agencies (id, name, code, supervising_agency)
            VALUES (\(bind: record.id), \(bind: name), \(bind: code), \(bind: supervisingAgency))
            """).run()
        return record
    }

    /// Renames an agency or sets its code: its id, users, projects and documents stay as they are (the documents'
    /// copy of the name for the lists is renamed with it).
    @discardableResult
    public func updateAgency(_ id: String, name: String, code: String?) async throws -> AgencyRecord {
        guard var record = try await agency(id: id, in: database) else { throw StoreError.notFound }
        if let other = try await agency(named: name, in: database), other.id != id { throw StoreError.duplicate(name) }
        record.name = name
        record.code = code
        try await database.transaction { db in
            try await db.raw("UPDATE agencies SET name = \(bind: name), code = \(bind: code) WHERE id = \(bind: id)").run()
            try await db.raw("UPDATE documents SET agency_name = \(bind: name) WHERE agency_id = \(bind: id)").run()
        }
        return record
    }

    public func agencies() async throws -> [AgencyRecord] {
        try await self.database.raw("SELECT \(unsafeRaw: Self.agencyColumns) FROM agencies ORDER BY name").all().map(Self.agency)
    }

    /// The name of the agency called `text`, or else of the one whose unit code `text` is; nil for neither.
    public func agencyName(matching text: String) async throws -> String? {
        try await self.database.raw("""
            SELECT name FROM agencies WHERE name = \(bind: text) OR code = \(bind: text)
            ORDER BY CASE WHEN name = \(bind: text) THEN 0 ELSE 1 END, name LIMIT 1
            """).first()?.decode(column: "name", as: String.self)
    }

    /// The agency with `id` if `actor` may see it.
    public func agency(_ id: String, for actor: Actor) async throws -> AgencyRecord {
        guard actor.canSee(id), let record = try await agency(id: id, in: database) else { throw StoreError.notFound }
        return record
    }

    func agency(named name: String, in db: any SQLDatabase) async throws -> AgencyRecord? {
        try await db.raw("SELECT \(unsafeRaw: Self.agencyColumns) FROM agencies WHERE name = \(bind: name)").first().map(Self.agency)
    }

    func agency(id: String, in db: any SQLDatabase) async throws -> AgencyRecord? {
        try await db.raw("SELECT \(unsafeRaw: Self.agencyColumns) FROM agencies WHERE id = \(bind: id)").first().map(Self.agency)
    }

    /// The agency's name as a write inside a transaction must copy it (documents carry it for the lists): on
    /// PostgreSQL the row is share-locked, so a rename waits for this write to commit, or this write for the rename,
    /// and no document keeps an old name (SQLite's writes already run one at a time).
    func lockedAgencyName(_ id: String, in db: any SQLDatabase) async throws -> String {
        let lock = db.dialect.name == "postgresql" ? " FOR SHARE" : ""
        guard let row = try await db.raw("SELECT name FROM agencies WHERE id = \(bind: id)\(unsafeRaw: lock)").first() else {
            throw StoreError.notFound
        }
        return try row.decode(column: "name", as: String.self)
    }

    private static let agencyColumns = "id, name, code, supervising_agency"

    static func agency(_ row: any SQLRow) throws -> AgencyRecord {
        AgencyRecord(
            id: try row.decode(column: "id", as: String.self), name: try row.decode(column: "name", as: String.self),
            code: try row.optional("code", as: String.self),
            supervisingAgency: try row.optional("supervising_agency", as: String.self))
    }

    // MARK: Projects

    /// The project with `id` if `actor` may see its agency.
    public func project(_ id: String, for actor: Actor) async throws -> ProjectRecord {
        guard let project = try await project(id: id, in: database), actor.canSee(project.agencyID) else { throw StoreError.notFound }
        return project
    }

    /// Moves a project (with every year's documents about it) to another agency, which must exist and must not
    /// have a project of that name already.
    @discardableResult
    public func moveProject(_ id: String, toAgency agencyID: String) async throws -> ProjectRecord {
        try await database.transaction { db in
            guard var project = try await project(id: id, in: db) else { throw StoreError.notFound }
            guard let agency = try await agency(id: agencyID, in: db) else {
                throw StoreError.refused("没有 id 为 \(agencyID) 的单位，项目未移动")
            }
            if try await projectID(agency: agencyID, name: project.name, in: db) != nil {
                throw StoreError.refused("单位“\(agency.name)”已有名为“\(project.name)”的项目，项目未移动")
            }
            try await db.raw("UPDATE projects SET agency_id = \(bind: agencyID) WHERE id = \(bind: id)").run()
            let name = try await lockedAgencyName(agencyID, in: db)
            try await db.raw("UPDATE documents SET agency_id = \(bind: agencyID), agency_name = \(bind: name) WHERE project_id = \(bind: id)").run()
            project.agencyID = agencyID
            project.agency = agency.name
            return project
        }
    }

    func project(id: String, in db: any SQLDatabase) async throws -> ProjectRecord? {
        try await db.raw("\(unsafeRaw: Self.projectSelect) WHERE p.id = \(bind: id)").first().map(Self.project)
    }

    static let projectSelect = "SELECT p.id, p.agency_id, a.name AS agency, p.name, p.code FROM projects p JOIN agencies a ON a.id = p.agency_id"

    static func project(_ row: any SQLRow) throws -> ProjectRecord {
        ProjectRecord(
            id: try row.decode(column: "id", as: String.self), agencyID: try row.decode(column: "agency_id", as: String.self),
            agency: try row.decode(column: "agency", as: String.self), name: try row.decode(column: "name", as: String.self),
            code: try row.optional("code", as: String.self))
    }

    func projectID(agency: String, name: String, in db: any SQLDatabase) async throws -> String? {
        try await db.raw("SELECT id FROM projects WHERE agency_id = \(bind: agency) AND name = \(bind: name)").first()?
            .decode(column: "id", as: String.self)
    }
}
