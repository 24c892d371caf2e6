import JixiaoCore

/// One project as lists show it: without its evaluation, with the summary stored at its last save.
public struct ProjectListing: Hashable, Sendable, Codable {
    public var id: String
    public var agency: String
    public var fiscalYear: Int?
    public var name: String
    public var state: WorkflowState
    public var version: Int
    public var summary: EvaluationSummary?
    public var updatedAt: String
}

/// Which projects a list shows, in which order, which page.
public struct ListingQuery: Hashable, Sendable {
    /// The columns a list can be sorted by.
    public enum Order: String, Sendable, CaseIterable {
        case agency, name, state, score, executionRate, findings, updatedAt
    }

    public var fiscalYear: Int?
    public var states: [WorkflowState]
    /// Part of the unit's or the project's name.
    public var text: String?
    public var grade: String?
    public var order: Order
    public var descending: Bool
    public var limit: Int?
    public var offset: Int

    public init(
        fiscalYear: Int? = nil, states: [WorkflowState] = [], text: String? = nil, grade: String? = nil,
        order: Order = .agency, descending: Bool = false, limit: Int? = nil, offset: Int = 0
    ) {
        self.fiscalYear = fiscalYear
        self.states = states
        self.text = text
        self.grade = grade
        self.order = order
        self.descending = descending
        self.limit = limit
        self.offset = offset
    }
}

/// A page of a list and how many projects match in all.
public struct ListingPage: Hashable, Sendable, Codable {
    public var projects: [ProjectListing]
    public var total: Int
}
