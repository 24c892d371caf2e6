import Foundation
import JixiaoCore
import SQLKit

extension ProjectStore {
    /// The projects `actor` may see (or, for the public, nil, the published ones), filtered, sorted and paged in
    /// the database: lists never read the evaluations themselves.
    public func listings(for actor: Actor?, _ query: ListingQuery = ListingQuery()) async throws -> ListingPage {
        try await exclusive { try await self.fetchListings(for: actor, query) }
    }

    private func fetchListings(for actor: Actor?, _ query: ListingQuery) async throws -> ListingPage {
        var conditions: [SQLQueryString] = []
        switch actor?.role {
        case nil: conditions.append("p.state = \(bind: WorkflowState.published.rawValue)")
        case .unitFiller, .unitLead: conditions.append("a.name = \(bind: actor?.agency ?? "")")
        case .reviewer:
            let names = actor?.reviews.sorted() ?? []
            conditions.append(names.isEmpty ? "1 = 0" : "a.name IN (\(binds: names))")
        case .bureauAdmin: break
        }
        if let year = query.fiscalYear { conditions.append("p.fiscal_year = \(bind: year)") }
        if !query.states.isEmpty { conditions.append("p.state IN (\(binds: query.states.map(\.rawValue)))") }
        if let grade = query.grade, !grade.isEmpty { conditions.append("p.grade = \(bind: grade)") }
        if let text = query.text?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            let pattern = "%" + text.replacingOccurrences(of: "%", with: "").replacingOccurrences(of: "_", with: "") + "%"
            conditions.append("(a.name LIKE \(bind: pattern) OR p.name LIKE \(bind: pattern))")
        }
        let filter: SQLQueryString = conditions.isEmpty ? "" : "WHERE \(SQLList(conditions, separator: SQLRaw(" AND ")))"
        let from: SQLQueryString = "FROM projects p JOIN agencies a ON a.id = p.agency_id \(filter)"
        let count = try await database.raw("SELECT COUNT(*) AS n \(from)").first()?.decode(column: "n", as: Int.self) ?? 0
        let direction = query.descending ? "DESC" : "ASC"
        var sql: SQLQueryString = """
            SELECT p.id, a.name AS agency, p.fiscal_year, p.name, p.state, p.version, p.updated_at,
            p.total_centi, p.grade, p.execution_bp, p.findings, p.profile \(from)
            ORDER BY \(unsafeRaw: Self.column(query.order)) \(unsafeRaw: direction), a.name, p.name, p.id
            """
        if let limit = query.limit { sql = "\(sql) LIMIT \(literal: max(0, limit)) OFFSET \(literal: max(0, query.offset))" }
        let projects = try await database.raw(sql).all().map(Self.listing)
        return ListingPage(projects: projects, total: count)
    }

    private static func column(_ order: ListingQuery.Order) -> String {
        switch order {
        case .agency: "a.name"
        case .name: "p.name"
        case .state: "p.state"
        case .score: "p.total_centi"
        case .executionRate: "p.execution_bp"
        case .findings: "p.findings"
        case .updatedAt: "p.updated_at"
        }
    }

    static func listing(_ row: any SQLRow) throws -> ProjectListing {
        func optional<T: Decodable>(_ column: String, _ type: T.Type) throws -> T? {
            try row.decodeNil(column: column) ? nil : try row.decode(column: column, as: type)
        }
        var summary: EvaluationSummary?
        if let centi = try optional("total_centi", Int.self) {
            summary = EvaluationSummary(
                total: ExactDecimal(significand: Int128(centi), exponent: -2), grade: try optional("grade", String.self),
                executionRate: try optional("execution_bp", Int.self).map { ExactDecimal(significand: Int128($0), exponent: -4) },
                findings: try optional("findings", Int.self) ?? 0, profile: try optional("profile", String.self) ?? "")
        }
        return ProjectListing(
            id: try row.decode(column: "id", as: String.self), agency: try row.decode(column: "agency", as: String.self),
            fiscalYear: try optional("fiscal_year", Int.self), name: try row.decode(column: "name", as: String.self),
            state: WorkflowState(rawValue: try row.decode(column: "state", as: String.self)) ?? .draft,
            version: try row.decode(column: "version", as: Int.self), summary: summary,
            updatedAt: try row.decode(column: "updated_at", as: String.self))
    }

    /// The summary columns of a project row: total in hundredths, execution rate in hundredths of a percent.
    static func summaryColumns(_ summary: EvaluationSummary?) -> (total: Int?, grade: String?, execution: Int?, findings: Int?, profile: String?) {
        guard let summary else { return (nil, nil, nil, nil, nil) }
        return (
            Int((summary.total * 100).fixed(0)), summary.grade,
            summary.executionRate.flatMap { Int(($0 * 10000).fixed(0)) }, summary.findings, summary.profile)
    }
}
