/// 年度: a fiscal year the finance bureau runs the self-evaluation for, open for the units to fill in and submit or
/// closed, with the scoring profile (`id@version`) each kind of evaluation is scored by that year.
public struct FiscalYear: Hashable, Sendable, Codable {
    public var year: Int
    public var isOpen: Bool
    public var projectProfile: String
    public var agencyProfile: String

    public init(year: Int, isOpen: Bool, projectProfile: String, agencyProfile: String) {
        self.year = year
        self.isOpen = isOpen
        self.projectProfile = projectProfile
        self.agencyProfile = agencyProfile
    }

    /// The years Jixiao accepts from any input: a year outside is a typing error, not a year anyone reports on.
    public static let acceptedYears = 2000...2100

    public func profileReference(for kind: EvaluationKind) -> String {
        kind == .agency ? agencyProfile : projectProfile
    }
}

extension ProfileCatalog {
    /// The profile named by `reference`: `id@version`, or `id` for its highest version.
    public func profile(reference: String) throws -> ScoringProfile {
        let parts = reference.split(separator: "@", maxSplits: 1).map(String.init)
        return try profile(id: parts.first ?? "", version: parts.count > 1 ? parts[1] : nil)
    }

    /// The profile for `kind` in `year`: the one the bureau assigned to that year, or the default for years it has
    /// not set up.
    public func profile(for kind: EvaluationKind, in year: FiscalYear?) throws -> ScoringProfile {
        guard let year else { return try defaultProfile(for: kind) }
        return try profile(reference: year.profileReference(for: kind))
    }
}
