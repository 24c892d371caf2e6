/// What the finance-bureau overview shows of one evaluation: the recomputed total and grade, the execution rate
/// and how many findings the audit made. Stored beside the evaluation so the overview never rescores.
public struct EvaluationSummary: Hashable, Sendable, Codable {
    /// The recomputed total (总分), rounded as the profile prints it.
    public var total: ExactDecimal
    public var grade: String?
    /// 全年执行数 / 全年预算数, nil when either is missing or the budget is zero.
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

    /// Scores and checks `evaluation` by `profile`.
    public init(_ evaluation: SelfEvaluation, profile: ScoringProfile) {
        let sheet = Scorer(profile: profile).score(evaluation)
        let budget = evaluation.budget.total
        var rate: ExactDecimal?
        if let spent = budget.spent, let basis = budget.adjustedBudget {
            rate = ExactDecimal(significand: Int128(spent.fen)).divided(by: ExactDecimal(significand: Int128(basis.fen)))
        }
        self.init(
            total: sheet.total, grade: sheet.gradeLabel, executionRate: rate,
            findings: EvaluationChecks(profile: profile).findings(for: evaluation).count, profile: profile.reference)
    }
}
