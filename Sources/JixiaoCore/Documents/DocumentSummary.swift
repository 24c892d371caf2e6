/// What lists show of a document, whatever its kind, stored beside it at every write so the lists never read or
/// recompute a document: an evaluation's recomputed total and grade, the execution rate (an evaluation's by its
/// profile, a ledger's from its approved payments, a monitoring table's to date), the number of problems to look at
/// (an evaluation's findings, a ledger's payments waiting for approval), and the rules it was computed by.
public struct DocumentSummary: Hashable, Sendable, Codable {
    /// The recomputed total (总分), rounded as the profile prints it; nil for kinds without a score.
    public var total: ExactDecimal?
    public var grade: String?
    /// The execution rate, nil when an amount is missing or the basis is zero.
    public var executionRate: ExactDecimal?
    public var findings: Int
    /// The rules it was computed by, "id@version".
    public var profile: String

    public init(total: ExactDecimal?, grade: String?, executionRate: ExactDecimal?, findings: Int, profile: String) {
        self.total = total
        self.grade = grade
        self.executionRate = executionRate
        self.findings = findings
        self.profile = profile
    }
}
