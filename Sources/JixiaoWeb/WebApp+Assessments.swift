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

    /// `evaluation`'s headline figures against those of its `siblings` (``StoredDocument/siblings``:
    /// the other evaluations of its agency and year, by the model's agency and year, never by titles): a project's
    /// budget only against the same project's documents, the unit's figures against all.
    func crossDocumentFindings(_ head: DocumentHead, _ evaluation: SelfEvaluation, siblings: [ComparedSibling]) throws -> [Finding] {
        let budgets = try store.comparedFigures(of: siblings)
        let others = siblings.map(\.listing).compactMap { sibling in
            budgets[sibling.id].map { KeyFigures(file: sibling.title, prose: ReportProse(paragraphs: []), budgets: [$0], project: sibling.projectID) }
        }
        let own = KeyFigures(file: head.title, prose: ReportProse(paragraphs: []), evaluations: [evaluation], project: head.projectID)
        return CrossDocumentChecks().findings(own, against: others)
    }
}
