import Foundation
import SQLKit

/// The model of a unit's whole year: agencies with a code; projects with a stable id across years; documents of
/// several kinds, each (subject, fiscal year, kind) once, with one versioned history whose rows name the user by id.
///
/// Every evaluation row of `projects` becomes a document with the same id (/projects/ID of the earlier release leads to
/// it): a project
/// self-evaluation points to its agency's project of that name (created here, one per agency and name), an
/// agency-wide evaluation to the agency. Every history row is kept, its actor matched to the user of that display
/// name where exactly one has it. Two evaluations of one project in one year (the old schema let a form create them)
/// cannot both be that project's: the later one gets a project of its own, "name（重复 2）", and a history line
/// that says so; a second overall evaluation of one agency and year is kept the same way, as a subject of its own.
/// An unknown state or an unreadable evaluation stops the upgrade naming the row; as every migration
/// runs in one transaction, the database is then still wholly the old one.
struct CreateDocuments: StoreMigration {
    let number = 9
    let name = "documents of every kind about agencies and stable projects; history by user id"

    static let before = [
        "ALTER TABLE agencies ADD COLUMN code TEXT",
        "ALTER TABLE projects RENAME TO legacy_projects",
        "ALTER TABLE history RENAME TO legacy_history",
        """
        CREATE TABLE projects (
            id TEXT PRIMARY KEY,
            agency_id TEXT NOT NULL REFERENCES agencies(id),
            name TEXT NOT NULL,
            code TEXT,
            created_at TEXT NOT NULL
        )
        """,
        "CREATE UNIQUE INDEX projects_agency_name ON projects (agency_id, name)",
        """
        CREATE TABLE documents (
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            agency_id TEXT NOT NULL REFERENCES agencies(id),
            project_id TEXT REFERENCES projects(id),
            subject_id TEXT NOT NULL,
            fiscal_year INTEGER,
            title TEXT NOT NULL,
            state TEXT NOT NULL,
            version INTEGER NOT NULL,
            write_token TEXT NOT NULL,
            body TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            total_centi INTEGER,
            grade TEXT,
            execution_bp INTEGER,
            findings INTEGER,
            profile TEXT
        )
        """,
        "CREATE UNIQUE INDEX documents_subject_year_kind ON documents (subject_id, kind, COALESCE(fiscal_year, 0))",
        "CREATE INDEX documents_project ON documents (project_id, fiscal_year)",
        // Lists read only this index, never the rows with their content (see migration 6).
        """
        CREATE INDEX documents_listing ON documents
        (agency_id, state, fiscal_year, kind, grade, total_centi, execution_bp, findings, updated_at, version, title, profile, project_id, id)
        """,
        """
        CREATE TABLE document_history (
            id TEXT PRIMARY KEY,
            document_id TEXT NOT NULL REFERENCES documents(id),
            version INTEGER NOT NULL,
            position INTEGER NOT NULL,
            actor_id TEXT REFERENCES users(id),
            actor_name TEXT NOT NULL,
            at TEXT NOT NULL,
            operation TEXT NOT NULL,
            field TEXT NOT NULL,
            old_value TEXT NOT NULL,
            new_value TEXT NOT NULL,
            change TEXT
        )
        """,
        "CREATE INDEX document_history_document ON document_history (document_id, version, position)",
    ]

    static let after = ["DROP TABLE legacy_history", "DROP TABLE legacy_projects"]

    static let states: Set<String> = ["draft", "submitted", "returned", "approved", "published"]

    /// The two fields of a stored evaluation the upgrade needs; read with its own type, so later changes to the
    /// model cannot change what this migration does.
    private struct Evaluation: Decodable {
        var kind: String
        var project: String?
    }

    func run(on db: any SQLDatabase) async throws {
        try await Migrations.execute(Self.before, on: db)
        try await copyEvaluations(db)
        try await copyHistory(db)
        try await Migrations.execute(Self.after, on: db)
    }

    private func copyEvaluations(_ db: any SQLDatabase) async throws {
        let rows = try await db.raw("""
            SELECT id, agency_id, fiscal_year, name, state, version, write_token, evaluation, updated_at,
            total_centi, grade, execution_bp, findings, profile FROM legacy_projects ORDER BY updated_at, id
            """).all()
        var projects: [String: String] = [:]
        var subjects = Set<String>()
        for row in rows {
            let id = try row.decode(column: "id", as: String.self)
            let agency = try row.decode(column: "agency_id", as: String.self)
            let year = try row.optional("fiscal_year", as: Int.self)
            let title = try row.decode(column: "name", as: String.self)
            let updated = try row.decode(column: "updated_at", as: String.self)
            let state = try row.decode(column: "state", as: String.self)
            guard Self.states.contains(state) else { throw StoreError.unreadable(row: "projects.id=\(id)", reason: "未知的状态“\(state)”") }
            let json = try row.decode(column: "evaluation", as: String.self)
            let evaluation: Evaluation
            do { evaluation = try JSONDecoder().decode(Evaluation.self, from: Data(json.utf8)) } catch {
                throw StoreError.unreadable(row: "projects.id=\(id)", reason: "自评内容无法读取（\(error)）")
            }
            let isAgency = evaluation.kind == "agency"
            let kind = isAgency ? "agency-evaluation" : "project-self-evaluation"
            var project: String?
            var subject = agency
            var renamed: (from: String, to: String)?
            if !isAgency {
                let name = evaluation.project ?? title
                var chosen = name
                var copy = 1
                while let existing = projects["\(agency)|\(chosen)"], subjects.contains("\(existing)|\(kind)|\(year ?? 0)") {
                    copy += 1
                    chosen = "\(name)（重复 \(copy)）"
                }
                let projectID = projects["\(agency)|\(chosen)"] ?? UUID().uuidString
                if projects["\(agency)|\(chosen)"] == nil {
                    projects["\(agency)|\(chosen)"] = projectID
                    try await db.raw("""
                        INSERT INTO projects (id, agency_id, name, code, created_at)
                        VALUES (\(bind: projectID), \(bind: agency), \(bind: chosen), NULL, \(bind: updated))
                        """).run()
                }
                if chosen != name { renamed = (name, chosen) }
                project = projectID
                subject = projectID
            } else if subjects.contains("\(agency)|\(kind)|\(year ?? 0)") {
                // A second overall evaluation of the year (the old API allowed it) is kept, as a subject of its own.
                subject = id
                renamed = ("本单位该年度的部门整体自评", "另一份（升级时已有同年度的部门整体自评）")
            }
            subjects.insert("\(subject)|\(kind)|\(year ?? 0)")
            try await db.raw("""
                INSERT INTO documents (id, kind, agency_id, project_id, subject_id, fiscal_year, title, state, version, write_token,
                body, updated_at, total_centi, grade, execution_bp, findings, profile)
                SELECT id, \(bind: kind), agency_id, \(bind: project), \(bind: subject), fiscal_year, name, state, version, write_token,
                evaluation, updated_at, total_centi, grade, execution_bp, findings, profile FROM legacy_projects WHERE id = \(bind: id)
                """).run()
            if let renamed {
                try await db.raw("""
                    INSERT INTO document_history (id, document_id, version, position, actor_id, actor_name, at, operation, field, old_value, new_value, change)
                    VALUES (\(bind: UUID().uuidString), \(bind: id), 0, 0, NULL, '系统升级', \(bind: DocumentStore.now()), '升级',
                    \(bind: isAgency ? "文档" : "项目"), \(bind: renamed.from), \(bind: renamed.to), NULL)
                    """).run()
            }
        }
    }

    private func copyHistory(_ db: any SQLDatabase) async throws {
        var users: [String: [String]] = [:]
        for row in try await db.raw("SELECT id, display_name FROM users").all() {
            users[try row.decode(column: "display_name", as: String.self), default: []].append(try row.decode(column: "id", as: String.self))
        }
        let rows = try await db.raw("""
            SELECT id, project_id, version, actor, at, field, old_value, new_value FROM legacy_history ORDER BY project_id, version, field, id
            """).all()
        var position = (document: "", version: -1, next: 0)
        for row in rows {
            let document = try row.decode(column: "project_id", as: String.self)
            let version = try row.decode(column: "version", as: Int.self)
            if position.document != document || position.version != version { position = (document, version, 0) }
            let actor = try row.decode(column: "actor", as: String.self)
            let actorID = users[actor].flatMap { $0.count == 1 ? $0[0] : nil }
            let field = try row.decode(column: "field", as: String.self)
            let operation = field == "状态" ? "状态" : field == "退回意见" ? "退回" : field == "创建" ? "新建" : "修改"
            try await db.raw("""
                INSERT INTO document_history (id, document_id, version, position, actor_id, actor_name, at, operation, field, old_value, new_value, change)
                VALUES (\(bind: try row.decode(column: "id", as: String.self)), \(bind: document), \(bind: version), \(bind: position.next),
                \(bind: actorID), \(bind: actor), \(bind: try row.decode(column: "at", as: String.self)), \(bind: operation), \(bind: field),
                \(bind: try row.decode(column: "old_value", as: String.self)), \(bind: try row.decode(column: "new_value", as: String.self)), NULL)
                """).run()
            position.next += 1
        }
    }
}
