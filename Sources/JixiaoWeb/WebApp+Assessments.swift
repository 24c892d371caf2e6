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

    /// The other self-evaluations of `head`'s agency and year, by the model's agency and year (never by titles), at
    /// most 100: what a document's page compares it with.
    func unitYearSiblings(of head: DocumentHead, for actor: Actor) async throws -> [DocumentListing] {
        guard let year = head.fiscalYear else { return [] }
        let query = ListingQuery(
            fiscalYear: year, kinds: [.projectSelfEvaluation, .agencyEvaluation], agencyID: head.agencyID, limit: 101)
        return try await store.listings(for: actor, query).documents.filter { $0.id != head.id }.prefix(100).map { $0 }
    }

    /// `evaluation`'s headline figures against those of its `siblings`: a project's budget only against the same
    /// project's documents, the unit's figures against all.
    func crossDocumentFindings(_ head: DocumentHead, _ evaluation: SelfEvaluation, siblings: [DocumentListing], for actor: Actor) async throws -> [Finding] {
        let budgets = try await store.comparedFigures(of: siblings.map(\.id), for: actor)
        let others = siblings.compactMap { sibling in
            budgets[sibling.id].map { KeyFigures(file: sibling.title, prose: ReportProse(paragraphs: []), budgets: [$0], project: sibling.projectID) }
        }
        let own = KeyFigures(file: head.title, prose: ReportProse(paragraphs: []), evaluations: [evaluation], project: head.projectID)
        return CrossDocumentChecks().findings(own, against: others)
    }
}
