import JixiaoCore
import JixiaoStore

extension WebApp {
    /// The profile `evaluation` is scored by: the one its fiscal year assigns, or the default for its kind.
    func profile(for evaluation: SelfEvaluation) async throws -> ScoringProfile {
        try profiles.profile(for: evaluation.kind, in: try await store.fiscalYear(evaluation.fiscalYear))
    }

    /// The summary of `evaluation` by the profile of its fiscal year.
    func summary(of evaluation: SelfEvaluation) async throws -> EvaluationSummary? {
        store.summary(of: evaluation, in: try await store.fiscalYear(evaluation.fiscalYear))
    }
}
