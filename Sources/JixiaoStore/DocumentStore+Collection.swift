import Foundation
import JixiaoCore
import SQLKit

/// What the store counts of one agency's documents of a fiscal year, for the collection dashboard.
public struct CollectionCounts: Hashable, Sendable {
    public var agency: AgencyRecord
    /// Reviewed documents by kind and state.
    public var counts: [DocumentKind: [WorkflowState: Int]]
    /// The projects with any document of the year (each owes a self-evaluation).
    public var projectsDue: Int
    /// Scored evaluations by grade.
    public var grades: [String: Int]
}

/// A reminder the bureau sent to a unit.
public struct Reminder: Hashable, Sendable {
    public var fiscalYear: Int
    public var message: String
    public var sentBy: String
    public var sentAt: String
}

extension DocumentStore {
    /// Every agency `actor` may follow (the bureau all, a reviewer those assigned), with its documents of
    /// `fiscalYear` counted in the database from an index (no document is read). Agencies by name.
    public func collection(fiscalYear: Int, for actor: Actor) async throws -> [CollectionCounts] {
        guard actor.role == .bureauAdmin || actor.role == .reviewer else { throw StoreError.forbidden("只有财政局和审核人员可查看报送情况") }
        var scope: SQLQueryString = ""
        var agencyScope: SQLQueryString = ""
        if actor.role == .reviewer {
            let ids = actor.reviews.sorted()
            scope = ids.isEmpty ? "AND 1 = 0" : "AND agency_id IN (\(binds: ids))"
            agencyScope = ids.isEmpty ? "WHERE 1 = 0" : "WHERE id IN (\(binds: ids))"
        }
        var byAgency: [String: CollectionCounts] = [:]
        var order: [String] = []
        for row in try await database.raw("SELECT id, name, code, supervising_agency FROM agencies \(agencyScope) ORDER BY name").all() {
            let agency = try Self.agency(row)
            byAgency[agency.id] = CollectionCounts(agency: agency, counts: [:], projectsDue: 0, grades: [:])
            order.append(agency.id)
        }
        let counted = try await database.raw("""
            SELECT agency_id, kind, state, grade, COUNT(*) AS n FROM documents
            WHERE fiscal_year = \(bind: fiscalYear) AND kind IN (\(binds: DocumentKind.reviewed.map(\.rawValue))) \(scope)
            GROUP BY agency_id, kind, state, grade
            """).all()
        for row in counted {
            let id = try row.decode(column: "agency_id", as: String.self)
            guard let kind = DocumentKind(rawValue: try row.decode(column: "kind", as: String.self)),
                let state = WorkflowState(rawValue: try row.decode(column: "state", as: String.self))
            else { continue }
            let n = try row.decode(column: "n", as: Int.self)
            byAgency[id]?.counts[kind, default: [:]][state, default: 0] += n
            if let grade = try row.optional("grade", as: String.self), !grade.isEmpty { byAgency[id]?.grades[grade, default: 0] += n }
        }
        let projects = try await database.raw("""
            SELECT agency_id, COUNT(DISTINCT project_id) AS n FROM documents
            WHERE fiscal_year = \(bind: fiscalYear) AND project_id IS NOT NULL \(scope) GROUP BY agency_id
            """).all()
        for row in projects {
            byAgency[try row.decode(column: "agency_id", as: String.self)]?.projectsDue = try row.decode(column: "n", as: Int.self)
        }
        return order.compactMap { byAgency[$0] }
    }

    /// Sends `message` about `fiscalYear` to each of `agencies` (ids) in one transaction; the bureau sends to any
    /// agency, a reviewer only to those assigned.
    public func remind(_ agencies: [String], fiscalYear: Int, message: String, by author: Author, as actor: Actor) async throws {
        guard actor.role == .bureauAdmin || actor.role == .reviewer else { throw StoreError.forbidden("只有财政局和审核人员可发送提醒") }
        guard agencies.allSatisfy(actor.canSee) else { throw StoreError.notFound }
        let now = Self.now()
        try await self.database.transaction { db in
            for agency in Set(agencies).sorted() {
                guard try await self.agency(id: agency, in: db) != nil else { throw StoreError.notFound }
                try await db.raw("""
                    INSERT INTO reminders (id, agency_id, fiscal_year, message, sent_by, sent_at)
                    VALUES (\(bind: UUID().uuidString), \(bind: agency), \(bind: fiscalYear), \(bind: message), \(bind: author.name), \(bind: now))
                    """).run()
            }
        }
    }

    /// The latest reminders to `agency` (id), newest first, if `actor` may see the agency.
    public func reminders(to agency: String, for actor: Actor, limit: Int = 20) async throws -> [Reminder] {
        guard actor.canSee(agency) else { throw StoreError.notFound }
        return try await self.database.raw("""
            SELECT fiscal_year, message, sent_by, sent_at FROM reminders WHERE agency_id = \(bind: agency)
            ORDER BY sent_at DESC, id LIMIT \(bind: max(0, limit))
            """).all().map { row in
            Reminder(
                fiscalYear: try row.decode(column: "fiscal_year", as: Int.self), message: try row.decode(column: "message", as: String.self),
                sentBy: try row.decode(column: "sent_by", as: String.self), sentAt: try row.decode(column: "sent_at", as: String.self))
        }
    }
}
