import JixiaoCore
import SQLKit

extension DocumentStore {
    /// The fiscal years the bureau has set up, latest first.
    public func fiscalYears() async throws -> [FiscalYear] {
        try await Self.fiscalYears(in: self.database)
    }

    /// The set-up of `year`, nil when the bureau has not set it up (or the evaluation has no year).
    public func fiscalYear(_ year: Int?) async throws -> FiscalYear? {
        try await Self.fiscalYear(year, in: self.database)
    }

    /// Opens, closes or re-assigns the profiles of a fiscal year, and rescores that year's stored summaries (every
    /// kind) by the profiles now in force, in one transaction. Returns how many documents were rescored.
    @discardableResult
    public func setFiscalYear(_ fiscalYear: FiscalYear) async throws -> Int {
        for kind in [EvaluationKind.project, .agency] {
            let reference = fiscalYear.profileReference(for: kind)
            guard let profile = try? rules.profiles.profile(reference: reference) else {
                throw StoreError.refused("没有评分规则“\(reference)”")
            }
            guard profile.evaluationKind == kind else {
                throw StoreError.refused("评分规则“\(reference)”用于\(profile.evaluationKind.label)自评，不能用于\(kind.label)自评")
            }
        }
        return try await self.database.transaction { db in
            try await db.raw("DELETE FROM fiscal_years WHERE year = \(bind: fiscalYear.year)").run()
            try await db.raw("""
                INSERT INTO fiscal_years (year, open, project_profile, agency_profile)
                VALUES (\(bind: fiscalYear.year), \(bind: fiscalYear.isOpen ? 1 : 0), \(bind: fiscalYear.projectProfile), \(bind: fiscalYear.agencyProfile))
                """).run()
            let rows = try await db.raw("""
                SELECT \(unsafeRaw: Self.headColumns), d.body FROM documents d JOIN agencies a ON a.id = d.agency_id
                LEFT JOIN fiscal_years y ON y.year = d.fiscal_year WHERE d.fiscal_year = \(bind: fiscalYear.year)
                """).all()
            for row in rows {
                let stored = StoredDocument(head: try Self.head(row), json: try row.decode(column: "body", as: String.self))
                let summary = SummaryColumns(try stored.anyBody().summary(by: rules, in: fiscalYear))
                try await db.raw("""
                    UPDATE documents SET total_centi = \(bind: summary.total), grade = \(bind: summary.grade),
                    execution_bp = \(bind: summary.execution), findings = \(bind: summary.findings), profile = \(bind: summary.profile)
                    WHERE id = \(bind: stored.head.id)
                    """).run()
            }
            return rows.count
        }
    }

    static func fiscalYear(_ year: Int?, in db: any SQLDatabase) async throws -> FiscalYear? {
        guard let year else { return nil }
        return try await fiscalYears(in: db, year: year).first
    }

    static func fiscalYears(in db: any SQLDatabase, year: Int? = nil) async throws -> [FiscalYear] {
        let filter: SQLQueryString = year.map { "WHERE year = \(bind: $0)" } ?? ""
        return try await db.raw("SELECT year, open, project_profile, agency_profile FROM fiscal_years \(filter) ORDER BY year DESC").all().map { row in
            FiscalYear(
                year: try row.decode(column: "year", as: Int.self), isOpen: try row.decode(column: "open", as: Int.self) != 0,
                projectProfile: try row.decode(column: "project_profile", as: String.self),
                agencyProfile: try row.decode(column: "agency_profile", as: String.self))
        }
    }
}
