import JixiaoCore

/// A user account: its login, name and role, the unit it belongs to and the units it reviews.
public struct UserRecord: Hashable, Sendable, Codable {
    public var id: String
    public var login: String
    public var displayName: String
    public var role: Role
    /// The unit of a 单位填报人 or 单位负责人.
    public var agency: String?
    /// The units a 审核人 is assigned to.
    public var reviews: [String]

    /// The user as the workflow sees them.
    public var actor: Actor {
        Actor(role: role, agency: agency, reviews: Set(reviews))
    }
}

/// A signed-in session: its user and the token every form must carry back (CSRF).
public struct SessionRecord: Hashable, Sendable {
    public var user: UserRecord
    public var csrfToken: String
}
