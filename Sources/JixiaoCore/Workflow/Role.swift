/// Who a user is in the review of self-evaluations.
public enum Role: String, Hashable, Sendable, Codable, CaseIterable {
    /// 单位填报人: edits its own unit's projects.
    case unitFiller
    /// 单位负责人: edits and submits its own unit's projects.
    case unitLead
    /// 审核人: reviews the units assigned to it (returns, approves, publishes).
    case reviewer
    /// 财政局管理员: agencies, users, profiles, years; may do everything a reviewer does, for every unit.
    case bureauAdmin

    public var label: String {
        switch self {
        case .unitFiller: "单位填报人"
        case .unitLead: "单位负责人"
        case .reviewer: "审核人"
        case .bureauAdmin: "财政局管理员"
        }
    }
}

/// A user as the workflow sees them: a role, their own unit (for unit roles) and the units they review, each by the
/// agency's stable id (names can change; ids do not).
public struct Actor: Hashable, Sendable {
    public var role: Role
    /// The id of the agency a unit user belongs to.
    public var agency: String?
    /// The ids of the agencies a reviewer is assigned to.
    public var reviews: Set<String>

    public init(role: Role, agency: String? = nil, reviews: Set<String> = []) {
        self.role = role
        self.agency = agency
        self.reviews = reviews
    }

    /// Whether this user may see the documents of the agency with id `agency` at all (others get "not found").
    public func canSee(_ agency: String) -> Bool {
        switch role {
        case .unitFiller, .unitLead: self.agency == agency
        case .reviewer: reviews.contains(agency)
        case .bureauAdmin: true
        }
    }
}
