import JixiaoCore
import JixiaoStore

extension WebApp {
    /// `evaluation` scored and checked by the profile its fiscal year's set-up assigns (``ProfileCatalog/profile(for:in:)``,
    /// the one place that decides it; the store's summaries use the same).
    func assessment(of evaluation: SelfEvaluation, in year: FiscalYear?) throws -> Assessment {
        Assessment(evaluation, profile: try profiles.profile(for: evaluation.kind, in: year))
    }

    /// The same, looking up the set-up of the evaluation's year (for content not stored yet).
    func assessment(of evaluation: SelfEvaluation) async throws -> Assessment {
        try assessment(of: evaluation, in: try await store.fiscalYear(evaluation.fiscalYear))
    }
}
