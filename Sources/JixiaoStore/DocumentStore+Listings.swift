import Foundation
import JixiaoCore
import SQLKit

extension DocumentStore {
    /// The documents `actor` may see (or, for the public, nil, the published ones), filtered, sorted and paged in
    /// the database: lists never read the documents' content.
    public func listings(for actor: Actor?, _ query: ListingQuery = ListingQuery()) async throws -> ListingPage {
        try await self.fetchListings(for: actor, query)
    }

    /// The projects of an agency `actor` may see, by name.
    public func projects(ofAgency agency: String, for actor: Actor) async throws -> [ProjectRecord] {
        guard actor.canSee(agency) else { throw StoreError.notFound }
        return try await self.database.raw("\(unsafeRaw: Self.projectSelect) WHERE p.agency_id = \(bind: agency) ORDER BY p.name")
            .all().map(Self.project)
    }

    private func fetchListings(for actor: Actor?, _ query: ListingQuery) async throws -> ListingPage {
        let queries = Self.listingQueries(for: actor, query)
        let rows = try await database.raw(queries.page).all()
        let documents = try rows.map(Self.listing)
        // A first page that is not full is the whole list: counting it again would only cost a query.
        if query.offset <= 0, query.limit.map({ documents.count < $0 }) ?? true {
            return ListingPage(documents: documents, total: documents.count)
        }
        let generation: Int
        if let first = rows.first {
            generation = try first.decode(column: "generation", as: Int.self)
        } else {
            generation = try await self.generation()  // a page past the end
        }
        return ListingPage(documents: documents, total: try await count(queries.count, at: generation))
    }

    /// The length of a list, counted once per change of the documents and kept in ``listCounts`` under `generation`,
    /// migration 0015's number as read with the page or before counting: a count never misses a change its number
    /// includes (at worst it holds one committed since, which the next number's count holds too). The bureau's lists
    /// are counted over thousands of documents, which cost more than reading and rendering the page.
    private func count(_ statement: SQLQueryString, at generation: Int) async throws -> Int {
        let (sql, binds) = database.serialize(statement)
        let key = "\(generation)\n\(sql)\n\(String(reflecting: binds))"
        if let known = listCounts.value(for: key) { return known }
        let count = try await database.raw(statement).first()?.decode(column: "n", as: Int.self) ?? 0
        listCounts.keep(count, for: key)
        return count
    }

    /// Migration 0015's number of the documents' last committed change.
    private func generation() async throws -> Int {
        guard let generation = try await database.raw("SELECT n FROM documents_generation").first()?.decode(column: "n", as: Int.self) else {
            throw StoreError.unreadable(row: "documents_generation", reason: "缺少文档变更编号")
        }
        return generation
    }

    /// The statements of one page of a list (with the documents' change number the page was read at) and of the list's
    /// length.
    static func listingQueries(for actor: Actor?, _ query: ListingQuery) -> (page: SQLQueryString, count: SQLQueryString) {
        var conditions: [SQLQueryString] = []
        switch actor?.role {
        case nil:
            conditions.append("d.state = \(bind: WorkflowState.published.rawValue)")
            conditions.append("d.kind IN (\(binds: DocumentKind.reviewed.map(\.rawValue)))")
        case .unitFiller, .unitLead: conditions.append("d.agency_id = \(bind: actor?.agency ?? "")")
        case .reviewer:
            let ids = actor?.reviews.sorted() ?? []
            conditions.append(ids.isEmpty ? "1 = 0" : "d.agency_id IN (\(binds: ids))")
        case .bureauAdmin: break
        }
        if let year = query.fiscalYear { conditions.append("d.fiscal_year = \(bind: year)") }
        if !query.kinds.isEmpty { conditions.append("d.kind IN (\(binds: query.kinds.map(\.rawValue)))") }
        if !query.states.isEmpty { conditions.append("d.state IN (\(binds: query.states.map(\.rawValue)))") }
        if let project = query.projectID { conditions.append("d.project_id = \(bind: project)") }
        if let agency = query.agencyID { conditions.append("d.agency_id = \(bind: agency)") }
        if let grade = query.grade, !grade.isEmpty { conditions.append("d.grade = \(bind: grade)") }
        if let text = query.text?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            let pattern = "%" + text.replacingOccurrences(of: "%", with: "").replacingOccurrences(of: "_", with: "") + "%"
            conditions.append("(LOWER(d.agency_name) LIKE LOWER(\(bind: pattern)) OR LOWER(d.title) LIKE LOWER(\(bind: pattern)))")
        }
        let filter: SQLQueryString = conditions.isEmpty ? "" : "WHERE \(SQLList(conditions, separator: SQLRaw(" AND ")))"
        // The documents carry their agency's name: a list is filtered, counted and sorted from their indexes alone.
        let from: SQLQueryString = "FROM documents d \(filter)"
        var sql: SQLQueryString = """
            SELECT d.id, d.kind, d.agency_id, d.agency_name AS agency, d.project_id, d.fiscal_year, d.title, d.state, d.version, d.updated_at,
            d.total_centi, d.grade, d.execution_bp, d.findings, d.profile,
            (SELECT n FROM documents_generation) AS generation \(from)
            ORDER BY \(unsafeRaw: Self.ordering(query))
            """
        // Written in, not bound: SQLite plans a page 12 % faster knowing its size (measured on the overview). Each
        // page is then a statement of its own in the connection's cache, where deep pages, rarely asked for, are the
        // least recently used and go first.
        if let limit = query.limit { sql = "\(sql) LIMIT \(literal: max(0, limit)) OFFSET \(literal: max(0, query.offset))" }
        return (sql, "SELECT COUNT(*) AS n \(from)")
    }

    /// The ORDER BY terms: the chosen column, then unit, title, year and id, each once, none wrapped in an
    /// expression, all in the one direction, with an empty value the lowest (first going up, last going down): so the
    /// database walks an index forwards or backwards and stops at the page's end (a list by unit reads 100 index
    /// entries, not 10,000 rows to sort). PostgreSQL, whose NULLs are the highest, is told so; its indexes agree.
    private static func ordering(_ query: ListingQuery) -> String {
        let direction = query.descending ? "DESC" : "ASC"
        let nulls = query.descending ? " NULLS LAST" : " NULLS FIRST"
        let first = column(query.order)
        let terms = [first] + ["d.agency_name", "d.title", "d.fiscal_year", "d.id"].filter { $0 != first }
        return terms.map { "\($0) \(direction)" + (nullable.contains($0) ? nulls : "") }.joined(separator: ", ")
    }

    /// The columns a list sorts by that may be empty.
    private static let nullable: Set<String> = ["d.fiscal_year", "d.total_centi", "d.execution_bp", "d.findings"]

    private static func column(_ order: ListingQuery.Order) -> String {
        switch order {
        case .agency: "d.agency_name"
        case .name: "d.title"
        case .fiscalYear: "d.fiscal_year"
        case .state: "d.state"
        case .score: "d.total_centi"
        case .executionRate: "d.execution_bp"
        case .findings: "d.findings"
        case .updatedAt: "d.updated_at"
        }
    }

    static func listing(_ row: any SQLRow) throws -> DocumentListing {
        let id = try row.decode(column: "id", as: String.self)
        let (documentKind, workflowState) = try kindAndState(of: row, id: id)
        var summary: DocumentSummary?
        if let findings = try row.optional("findings", as: Int.self) {
            summary = DocumentSummary(
                total: try row.optional("total_centi", as: Int.self).map { ExactDecimal(significand: Int128($0), exponent: -2) },
                grade: try row.optional("grade", as: String.self),
                executionRate: try row.optional("execution_bp", as: Int.self).map { ExactDecimal(significand: Int128($0), exponent: -4) },
                findings: findings, profile: try row.optional("profile", as: String.self) ?? "")
        }
        return DocumentListing(
            id: id, kind: documentKind, agencyID: try row.decode(column: "agency_id", as: String.self),
            agency: try row.decode(column: "agency", as: String.self), projectID: try row.optional("project_id", as: String.self),
            fiscalYear: try row.optional("fiscal_year", as: Int.self), title: try row.decode(column: "title", as: String.self),
            state: workflowState, version: try row.decode(column: "version", as: Int.self), summary: summary,
            updatedAt: try row.decode(column: "updated_at", as: String.self))
    }
}
