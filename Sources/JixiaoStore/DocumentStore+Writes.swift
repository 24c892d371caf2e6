import Foundation
import JixiaoCore
import SQLKit

/// One line of a document's history as it is written.
struct HistoryLine: Sendable {
    var operation: String
    var field: String
    var old: String
    var new: String
    /// The replayable change (``DocumentChange/encoded``); nil for workflow steps and creation.
    var change: String?

    init(operation: String, field: String, old: String, new: String, change: String? = nil) {
        self.operation = operation
        self.field = field
        self.old = old
        self.new = new
        self.change = change
    }

    init(_ change: DocumentChange) {
        self.init(
            operation: change.operationLabel, field: change.label, old: change.oldDisplay, new: change.newDisplay,
            change: change.encoded)
    }
}

extension DocumentStore {
    /// Stores new documents (an imported table may hold several) in one transaction: all of them or none, each a
    /// draft at version 1. A document about a project continues the project `projectID` names (a new year of it,
    /// which must be the document's agency's) or, without one, the agency's project of that name, created when new.
    public func create<Body: DocumentBody>(
        _ bodies: [Body], project projectID: String? = nil, by author: Author
    ) async throws -> [Document<Body>] {
        for body in bodies {
            if let problem = body.inputProblem { throw StoreError.refused(problem) }
        }
        let years = Dictionary(uniqueKeysWithValues: try await Self.fiscalYears(in: database).map { ($0.year, $0) })
        for year in Set(bodies.compactMap(\.documentYear)) where years[year]?.isOpen == false {
            throw StoreError.forbidden("\(year) 年度已结束填报，不能新建或导入该年度的文档")
        }
        let now = Self.now()
        return try await database.transaction { db in
            var created: [Document<Body>] = []
            for body in bodies {
                guard let agency = try await agency(named: body.agencyName, in: db) else {
                    throw StoreError.refused("单位“\(body.agencyName)”尚未建立，请财政局管理员先添加该单位")
                }
                let project = try await subjectProject(of: body, agency: agency, named: projectID, at: now, in: db)
                try await refuseDuplicate(of: body, subject: project ?? agency.id, except: nil, in: db)
                try await refuseInvalidLedger(body, replacing: nil, agency: agency.id, except: nil, in: db)
                let head = DocumentHead(
                    id: UUID().uuidString, kind: body.documentKind, agencyID: agency.id,
                    agency: try await lockedAgencyName(agency.id, in: db), projectID: project,
                    fiscalYear: body.documentYear, title: body.title, state: .draft, version: 1, updatedAt: now,
                    yearSetUp: body.documentYear.flatMap { years[$0] })
                let summary = SummaryColumns(body.summary(by: rules, in: head.yearSetUp))
                let json = try Self.encode(body)
                try await db.raw("""
                    INSERT INTO documents (id, kind, agency_id, agency_name, project_id, subject_id, fiscal_year, title, state, version,
                    write_token, body, compared, updated_at, total_centi, grade, execution_bp, findings, profile)
                    VALUES (\(bind: head.id), \(bind: head.kind.rawValue), \(bind: agency.id), \(bind: head.agency), \(bind: project), \(bind: project ?? agency.id),
                    \(bind: head.fiscalYear), \(bind: head.title), \(bind: head.state.rawValue), 1, \(bind: UUID().uuidString),
                    \(bind: json), \(bind: try Self.comparedColumn(head.kind, json: json)), \(bind: now), \(bind: summary.total), \(bind: summary.grade), \(bind: summary.execution),
                    \(bind: summary.findings), \(bind: summary.profile))
                    """).run()
                try await Self.record(
                    db, document: head.id, version: 1, author: author, at: now,
                    lines: [HistoryLine(operation: "新建", field: head.kind.label, old: "", new: head.title)])
                try await linkedWrite(of: body, replacing: nil, head: head, by: author)?(db)
                created.append(Document(head: head, body: body))
            }
            return created
        }
    }

    /// The id of the document of `kind` about the agency's project `project` (nil: about the agency) in `fiscalYear`,
    /// if there is one (what an import would duplicate).
    public func existingDocument(agency: String, kind: DocumentKind, fiscalYear: Int?, project: String?) async throws -> String? {
        guard let record = try await self.agency(named: agency, in: database) else { return nil }
        var subject = record.id
        if kind.isAboutProject {
            guard let project, let id = try await projectID(agency: record.id, name: project, in: database) else { return nil }
            subject = id
        }
        return try await documentID(subject: subject, kind: kind, fiscalYear: fiscalYear, in: database)
    }

    /// Saves `body` over the document if it is still at `expectedVersion`, recording every change.
    public func save<Body: DocumentBody>(
        _ id: String, _ edited: Body, expectedVersion: Int, by author: Author, as actor: Actor
    ) async throws -> Document<Body> {
        if let problem = edited.inputProblem { throw StoreError.refused(problem) }
        let current = try await stored(id, for: actor, withBody: true, in: database)
        let head = current.head
        let old = try current.body(as: Body.self)
        let body = edited.keepingDerived(from: old)
        guard body.documentKind == head.kind else { throw StoreError.refused("不能把\(head.kind.label)改为\(body.documentKind.label)") }
        let year = body.documentYear == head.fiscalYear ? head.yearSetUp : try await Self.fiscalYear(body.documentYear, in: database)
        try Self.permit(.edit, by: actor, on: head, yearIsOpen: head.yearSetUp?.isOpen != false && year?.isOpen != false)
        guard body.agencyName == old.agencyName || body.agencyName == head.agency else {
            throw StoreError.refused("不能把文档改到其他单位（“\(body.agencyName)”）名下")
        }
        // A save based on another version is stale whatever it names (no arithmetic on a client's number).
        guard expectedVersion == head.version else { throw StoreError.stale(expected: expectedVersion, current: head.version) }
        let json = try Self.encode(body)
        guard let tree = JSONTree(parsing: json) else { throw StoreError.refused("内容无法编码为 JSON") }
        let changes = DocumentDiff.changes(from: try current.tree(), to: tree)
        var next = head
        next.fiscalYear = body.documentYear
        next.title = body.title
        next.yearSetUp = year
        let written = try await write(
            head, as: next, json: json, summary: SummaryColumns(body.summary(by: rules, in: year)),
            projectName: body.projectName == old.projectName ? nil : body.projectName, by: author, lines: changes.map(HistoryLine.init),
            linked: { [linked = linkedWrite(of: body, replacing: old, head: next, by: author)] db in
                // In the write's transaction: on SQLite, two saves of one unit's ledgers cannot both take a voucher.
                try await self.refuseInvalidLedger(body, replacing: old, agency: head.agencyID, except: head.id, in: db)
                try await linked?(db)
            })
        return Document(head: written, body: body)
    }

    /// Moves the document through the workflow (submit, return, approve, publish), recorded in the history.
    public func transition(_ id: String, _ action: WorkflowAction, by author: Author, as actor: Actor) async throws -> DocumentHead {
        let current = try await stored(id, for: actor, withBody: true, in: database)
        let head = current.head
        guard head.kind.isReviewed else { throw StoreError.refused("\(head.kind.label)不经过提交和审核") }
        var next = head
        next.state = try Self.permit(action, by: actor, on: head, yearIsOpen: head.yearSetUp?.isOpen != false)
        var lines = [HistoryLine(operation: "状态", field: "状态", old: head.state.label, new: next.state.label)]
        if case .return(let comment) = action { lines.append(HistoryLine(operation: "退回", field: "退回意见", old: "", new: comment)) }
        let summary = SummaryColumns(try current.anyBody().summary(by: rules, in: head.yearSetUp))
        return try await write(head, as: next, json: current.json, summary: summary, projectName: nil, by: author, lines: lines)
    }

    // MARK: Writing

    /// The state after `action`, or the refusal as a store error (404 for what the actor may not see).
    @discardableResult
    static func permit(_ action: WorkflowAction, by actor: Actor, on head: DocumentHead, yearIsOpen: Bool) throws -> WorkflowState {
        do {
            return try Workflow.apply(action, by: actor, agency: head.agencyID, in: head.state, yearIsOpen: yearIsOpen)
        } catch let error as WorkflowError {
            throw error.notFound ? StoreError.notFound : StoreError.forbidden(error.reason)
        }
    }

    /// Writes one more version of `current` as `next`, in one transaction with `linked` (another document the write
    /// changes too: the evaluation whose 全年执行数 a ledger gives). A project renamed by its document is renamed in the
    /// same transaction.
    private func write(
        _ current: DocumentHead, as next: DocumentHead, json: String, summary: SummaryColumns, projectName: String?,
        by author: Author, lines: [HistoryLine], linked: (@Sendable (any SQLDatabase) async throws -> Void)? = nil
    ) async throws -> DocumentHead {
        var next = next
        next.version = current.version + 1
        next.updatedAt = Self.now()
        let written = next
        try await database.transaction { db in
            if written.fiscalYear != current.fiscalYear {
                try await refuseDuplicate(
                    kind: written.kind, fiscalYear: written.fiscalYear, title: written.title, subject: current.projectID ?? current.agencyID,
                    except: current.id, in: db)
            }
            if let projectName, let project = current.projectID { try await rename(project, to: projectName, agency: current.agencyID, in: db) }
            // Thrown inside, so a lost race rolls back what the transaction did before (a project's rename).
            if let version = try await Self.update(db, current, to: written, json: json, summary: summary, by: author, lines: lines) {
                throw StoreError.stale(expected: current.version, current: version)
            }
            try await linked?(db)
        }
        return written
    }

    /// The conditional update: it changes the row only if the version is still the one read, stamping a token of
    /// its own, and reads the token back in the same transaction to learn whether it won (on either database, and
    /// between servers sharing one); then records the history. Returns the row's version when another write won.
    static func update(
        _ db: any SQLDatabase, _ current: DocumentHead, to written: DocumentHead, json: String, summary: SummaryColumns, by author: Author,
        lines: [HistoryLine]
    ) async throws -> Int? {
        let token = UUID().uuidString
        try await db.raw("""
            UPDATE documents SET body = \(bind: json), compared = \(bind: try comparedColumn(written.kind, json: json)), state = \(bind: written.state.rawValue), version = \(bind: written.version),
            write_token = \(bind: token), title = \(bind: written.title), fiscal_year = \(bind: written.fiscalYear),
            updated_at = \(bind: written.updatedAt), total_centi = \(bind: summary.total), grade = \(bind: summary.grade),
            execution_bp = \(bind: summary.execution), findings = \(bind: summary.findings), profile = \(bind: summary.profile)
            WHERE id = \(bind: current.id) AND version = \(bind: current.version)
            """).run()
        let row = try await db.raw("SELECT version, write_token FROM documents WHERE id = \(bind: current.id)").first()
        guard let row, try row.decode(column: "write_token", as: String.self) == token else {
            return try row?.decode(column: "version", as: Int.self) ?? 0
        }
        try await record(db, document: current.id, version: written.version, author: author, at: written.updatedAt, lines: lines)
        return nil
    }

    /// The project a new document is about (nil for kinds about the agency).
    private func subjectProject<Body: DocumentBody>(
        of body: Body, agency: AgencyRecord, named projectID: String?, at now: String, in db: any SQLDatabase
    ) async throws -> String? {
        guard body.documentKind.isAboutProject else { return nil }
        if let projectID {
            // Another unit's project is answered as one that does not exist: nothing of it is told.
            guard let project = try await project(id: projectID, in: db), project.agencyID == agency.id else { throw StoreError.notFound }
            return project.id
        }
        let name = body.projectName ?? body.title
        if let id = try await self.projectID(agency: agency.id, name: name, in: db) { return id }
        let id = UUID().uuidString
        try await db.raw("""
            INSERT INTO projects (id, agency_id, name, code, created_at) VALUES (\(bind: id), \(bind: agency.id), \(bind: name), NULL, \(bind: now))
            """).run()
        return id
    }

    /// A project's name follows its documents; another project of the agency with that name refuses the save.
    private func rename(_ project: String, to name: String, agency: String, in db: any SQLDatabase) async throws {
        if let other = try await projectID(agency: agency, name: name, in: db) {
            guard other == project else { throw StoreError.refused("本单位已有名为“\(name)”的另一个项目，不能改用这个名称") }
            return
        }
        try await db.raw("UPDATE projects SET name = \(bind: name) WHERE id = \(bind: project)").run()
    }

    private func refuseDuplicate<Body: DocumentBody>(of body: Body, subject: String, except: String?, in db: any SQLDatabase) async throws {
        try await refuseDuplicate(kind: body.documentKind, fiscalYear: body.documentYear, title: body.title, subject: subject, except: except, in: db)
    }

    /// A subject has one document of a kind per year.
    private func refuseDuplicate(
        kind: DocumentKind, fiscalYear: Int?, title: String, subject: String, except: String?, in db: any SQLDatabase
    ) async throws {
        guard let existing = try await documentID(subject: subject, kind: kind, fiscalYear: fiscalYear, in: db), existing != except else { return }
        let year = fiscalYear.map { "\($0) 年度" } ?? "未填年度"
        throw StoreError.refused("“\(title)”\(year)的\(kind.label)已经存在，一个年度只能有一份")
    }

    func documentID(subject: String, kind: DocumentKind, fiscalYear: Int?, in db: any SQLDatabase) async throws -> String? {
        try await db.raw("""
            SELECT id FROM documents WHERE subject_id = \(bind: subject) AND kind = \(bind: kind.rawValue)
            AND COALESCE(fiscal_year, 0) = \(bind: fiscalYear ?? 0)
            """).first()?.decode(column: "id", as: String.self)
    }

    static func record(_ db: any SQLDatabase, document: String, version: Int, author: Author, at: String, lines: [HistoryLine]) async throws {
        for (position, line) in lines.enumerated() {
            try await db.raw("""
                INSERT INTO document_history (id, document_id, version, position, actor_id, actor_name, at, operation, field,
                old_value, new_value, change)
                VALUES (\(bind: UUID().uuidString), \(bind: document), \(bind: version), \(bind: position), \(bind: author.id),
                \(bind: author.name), \(bind: at), \(bind: line.operation), \(bind: line.field), \(bind: line.old), \(bind: line.new),
                \(bind: line.change))
                """).run()
        }
    }

    static func encode(_ body: some DocumentBody) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(body), as: UTF8.self)
    }
}
