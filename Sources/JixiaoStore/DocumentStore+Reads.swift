import Foundation
import JixiaoCore
import SQLKit

/// A document's row as read: its head and its content as the stored JSON text, decoded when asked (a page served
/// from its cache needs only the head).
public struct StoredDocument: Sendable {
    public let head: DocumentHead
    let json: String
    /// The unit's other evaluations of the year, when asked for and the document is an evaluation (in title order).
    public internal(set) var siblings: [ComparedSibling] = []

    /// The content as `Body`: a document of another kind is refused; content that does not decode is an error naming
    /// the row (never a blank document).
    public func body<Body: DocumentBody>(as type: Body.Type) throws -> Body {
        guard ObjectIdentifier(head.kind.bodyType) == ObjectIdentifier(type) else {
            throw StoreError.refused("该文档是\(head.kind.label)，不能这样打开或修改")
        }
        return try decode(type)
    }

    /// The head with the content as `Body` (refused for a document of another kind).
    public func document<Body: DocumentBody>(as type: Body.Type) throws -> Document<Body> {
        Document(head: head, body: try body(as: type))
    }

    /// The content as its kind's type.
    func anyBody() throws -> any DocumentBody {
        try decode(head.kind.bodyType)
    }

    private func decode<Body: DocumentBody>(_ type: Body.Type) throws -> Body {
        do { return try JSONTreeDecoder().decode(type, from: json) } catch let error as DecodingError {
            throw StoreError.unreadable(row: "documents.id=\(head.id)", reason: error.jixiaoDescription)
        }
    }

    /// The content as a tree, for comparing versions.
    func tree() throws -> JSONTree {
        guard let tree = JSONTree(parsing: json) else {
            throw StoreError.unreadable(row: "documents.id=\(head.id)", reason: "内容不是有效的 JSON")
        }
        return tree
    }
}

extension DocumentStore {
    /// The head of the document with `id` if `actor` may see it; ``StoreError/notFound`` otherwise.
    public func head(_ id: String, for actor: Actor) async throws -> DocumentHead {
        try await self.stored(id, for: actor, withBody: false, in: self.database).head
    }

    /// The document with `id` as stored, its content not yet decoded, if `actor` may see it, and `withSiblings` the
    /// evaluations it is compared with: one query for a page that decides by the head what to read from the content.
    public func storedDocument(_ id: String, for actor: Actor, withSiblings: Bool = false) async throws -> StoredDocument {
        try await self.stored(id, for: actor, withBody: true, withSiblings: withSiblings, in: self.database)
    }

    /// The document with `id` and its content as `type`, if `actor` may see it.
    public func document<Body: DocumentBody>(_ id: String, as type: Body.Type, for actor: Actor) async throws -> Document<Body> {
        try await self.storedDocument(id, for: actor).document(as: type)
    }

    /// The document's recorded changes, oldest first.
    public func history(_ id: String, for actor: Actor) async throws -> [HistoryEntry] {
        _ = try await self.stored(id, for: actor, withBody: false, in: self.database)
        return try await self.database.raw("""
            SELECT version, actor_id, actor_name, at, operation, field, old_value, new_value FROM document_history
            WHERE document_id = \(bind: id) ORDER BY version, position
            """).all().map { row in
            HistoryEntry(
                version: try row.decode(column: "version", as: Int.self), actorID: try row.optional("actor_id", as: String.self),
                actor: try row.decode(column: "actor_name", as: String.self), at: try row.decode(column: "at", as: String.self),
                operation: try row.decode(column: "operation", as: String.self), field: try row.decode(column: "field", as: String.self),
                oldValue: try row.decode(column: "old_value", as: String.self), newValue: try row.decode(column: "new_value", as: String.self))
        }
    }

    /// The structured changes recorded for each version after the first, in the order they apply.
    func recordedChanges(_ id: String) async throws -> [Int: [DocumentChange]] {
        var changes: [Int: [DocumentChange]] = [:]
        let rows = try await self.database.raw("""
            SELECT version, change FROM document_history WHERE document_id = \(bind: id) AND change IS NOT NULL ORDER BY version, position
            """).all()
        for row in rows {
            let text = try row.decode(column: "change", as: String.self)
            guard let change = DocumentChange(encoded: text) else {
                throw StoreError.unreadable(row: "document_history.document_id=\(id)", reason: "修改记录无法解析")
            }
            changes[try row.decode(column: "version", as: Int.self), default: []].append(change)
        }
        return changes
    }

    static let headColumns = """
        d.id, d.kind, d.agency_id, a.name AS agency, d.project_id, d.fiscal_year, d.title, d.state, d.version, d.updated_at,
        y.year, y.open, y.project_profile, y.agency_profile
        """

    /// The document's row if `actor` may see it (with its siblings' rows after it when asked); ``StoreError/notFound``
    /// otherwise.
    func stored(
        _ id: String, for actor: Actor, withBody: Bool, withSiblings: Bool = false, in db: any SQLDatabase
    ) async throws -> StoredDocument {
        let withBody = withBody || withSiblings  // the siblings' rows line up with a row that has the content
        var sql: SQLQueryString = """
            SELECT 0 AS part, \(unsafeRaw: Self.headColumns)\(unsafeRaw: withBody ? ", d.body" : "")\(unsafeRaw: withSiblings ? Self.siblingBlanks : "")
            FROM documents d JOIN agencies a ON a.id = d.agency_id LEFT JOIN fiscal_years y ON y.year = d.fiscal_year
            WHERE d.id = \(bind: id)
            """
        // Ordered as one result: the document first, then its siblings by title.
        if withSiblings { sql = "SELECT * FROM (\(sql) UNION ALL \(Self.siblingsPart(of: id))) fused ORDER BY part, title, id" }
        let rows = try await db.raw(sql).all()
        guard let row = rows.first, try row.decode(column: "part", as: Int.self) == 0,
            actor.canSee(try row.decode(column: "agency_id", as: String.self))
        else { throw StoreError.notFound }
        return StoredDocument(
            head: try Self.head(row), json: withBody ? try row.decode(column: "body", as: String.self) : "",
            siblings: try rows.dropFirst().map(Self.sibling))
    }

    static func head(_ row: any SQLRow) throws -> DocumentHead {
        let id = try row.decode(column: "id", as: String.self)
        let (documentKind, workflowState) = try kindAndState(of: row, id: id)
        var setUp: FiscalYear?
        if let year = try row.optional("year", as: Int.self) {
            setUp = FiscalYear(
                year: year, isOpen: try row.decode(column: "open", as: Int.self) != 0,
                projectProfile: try row.decode(column: "project_profile", as: String.self),
                agencyProfile: try row.decode(column: "agency_profile", as: String.self))
        }
        return DocumentHead(
            id: id, kind: documentKind, agencyID: try row.decode(column: "agency_id", as: String.self),
            agency: try row.decode(column: "agency", as: String.self), projectID: try row.optional("project_id", as: String.self),
            fiscalYear: try row.optional("fiscal_year", as: Int.self), title: try row.decode(column: "title", as: String.self),
            state: workflowState, version: try row.decode(column: "version", as: Int.self),
            updatedAt: try row.decode(column: "updated_at", as: String.self), yearSetUp: setUp)
    }

    /// A row's kind and state; an unknown one is an error naming the row, never a default.
    static func kindAndState(of row: any SQLRow, id: String) throws -> (DocumentKind, WorkflowState) {
        let state = try row.decode(column: "state", as: String.self)
        let kind = try row.decode(column: "kind", as: String.self)
        guard let workflowState = WorkflowState(rawValue: state) else {
            throw StoreError.unreadable(row: "documents.id=\(id)", reason: "未知的状态“\(state)”")
        }
        guard let documentKind = DocumentKind(rawValue: kind) else {
            throw StoreError.unreadable(row: "documents.id=\(id)", reason: "未知的文档类别“\(kind)”")
        }
        return (documentKind, workflowState)
    }
}
