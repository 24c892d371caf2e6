/// What the finance-bureau overview shows of one evaluation: the recomputed total and grade, the execution rate
/// and how many findings the audit made. Stored beside the evaluation so the overview never rescores.
public struct EvaluationSummary: Hashable, Sendable, Codable {
    /// The recomputed total (总分), rounded as the profile prints it.
    public var total: ExactDecimal
    public var grade: String?
    /// The ``ExecutionRate`` by the profile's basis, nil when an amount is missing or the basis is zero.
    public var executionRate: ExactDecimal?
    public var findings: Int
    /// The profile the total was computed with, "id@version".
    public var profile: String

    public init(total: ExactDecimal, grade: String?, executionRate: ExactDecimal?, findings: Int, profile: String) {
        self.total = total
        self.grade = grade
        self.executionRate = executionRate
        self.findings = findings
        self.profile = profile
    }
}
