/// The rules the store computes its list summaries by, handed in as values: the scoring profiles and the approval
/// rules (loaded at the edge from their data files).
public struct DocumentRules: Sendable {
    public var profiles: ProfileCatalog
    public var approvals: [ApprovalRules]

    public init(profiles: ProfileCatalog, approvals: [ApprovalRules] = []) {
        self.profiles = profiles
        self.approvals = approvals
    }

    /// The approval rules a ledger names: that version, else the rules of the same id (a new version of a province's
    /// rules goes on serving the ledgers made under the old one); nil when none is known.
    public func approvalRules(_ reference: String) -> ApprovalRules? {
        let id = reference.split(separator: "@", maxSplits: 1).first.map(String.init) ?? reference
        return approvals.first { $0.reference == reference } ?? approvals.filter { $0.id == id }.max { $0.version < $1.version }
    }
}
