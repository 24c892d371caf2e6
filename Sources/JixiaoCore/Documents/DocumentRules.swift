/// The rules the store computes its list summaries by, handed in as values: the scoring profiles and the approval
/// rules (loaded at the edge from their data files).
public struct DocumentRules: Sendable {
    public var profiles: ProfileCatalog
    public var approvals: [ApprovalRules]

    public init(profiles: ProfileCatalog, approvals: [ApprovalRules] = []) {
        self.profiles = profiles
        self.approvals = approvals
    }

    /// The approval rules a ledger names ("id@version", or "id" for any version), nil when none is known.
    public func approvalRules(_ reference: String) -> ApprovalRules? {
        approvals.first { $0.reference == reference } ?? approvals.first { $0.id == reference }
    }
}
