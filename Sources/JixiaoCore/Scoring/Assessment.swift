/// A self-evaluation scored and checked once by the profile in force: the score sheet (with the execution rate by
/// the profile's basis), the findings and the summary lists show. The pages, the API, the reports, the 自评表 and
/// the store's summary columns are all made from one of these, so they can never disagree about a number.
public struct Assessment: Sendable {
    public let profile: ScoringProfile
    public let sheet: ScoreSheet
    public let findings: [Finding]

    public init(_ evaluation: SelfEvaluation, profile: ScoringProfile) {
        self.profile = profile
        sheet = Scorer(profile: profile).score(evaluation)
        findings = EvaluationChecks(profile: profile).findings(for: evaluation, sheet: sheet)
    }

    /// What the lists show.
    public var summary: DocumentSummary {
        DocumentSummary(
            total: sheet.total, grade: sheet.gradeLabel, executionRate: sheet.executionRate.rate, findings: findings.count,
            profile: profile.reference)
    }
}
