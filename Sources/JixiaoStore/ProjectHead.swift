import JixiaoCore
import SQLKit

/// What identifies a project's current version without reading its evaluation: enough to check access and to find
/// a rendered page in a cache (its year's set-up included, which changes the scores and what may be done).
public struct ProjectHead: Hashable, Sendable {
    public var id: String
    public var agency: String
    public var name: String
    public var state: WorkflowState
    public var version: Int
    /// The set-up of the project's fiscal year, nil when the bureau has not set it up.
    public var fiscalYear: FiscalYear?
}

extension ProjectStore {
    /// The head of the project with `id` if `actor` may see it; ``StoreError/notFound`` otherwise.
    public func projectHead(_ id: String, for actor: Actor) async throws -> ProjectHead {
        try await exclusive {
            let row = try await self.database.raw("""
                SELECT a.name AS agency, p.name, p.state, p.version, y.year, y.open, y.project_profile, y.agency_profile
                FROM projects p JOIN agencies a ON a.id = p.agency_id LEFT JOIN fiscal_years y ON y.year = p.fiscal_year
                WHERE p.id = \(bind: id)
                """).first()
            guard let row, let agency = try? row.decode(column: "agency", as: String.self), actor.canSee(agency) else {
                throw StoreError.notFound
            }
            return ProjectHead(
                id: id, agency: agency, name: try row.decode(column: "name", as: String.self),
                state: WorkflowState(rawValue: try row.decode(column: "state", as: String.self)) ?? .draft,
                version: try row.decode(column: "version", as: Int.self),
                fiscalYear: try row.decodeNil(column: "year") ? nil : FiscalYear(
                    year: try row.decode(column: "year", as: Int.self), isOpen: try row.decode(column: "open", as: Int.self) != 0,
                    projectProfile: try row.decode(column: "project_profile", as: String.self),
                    agencyProfile: try row.decode(column: "agency_profile", as: String.self)))
        }
    }
}
