import JixiaoCore

/// One document as lists show it: without its content, with the summary stored at its last write.
public struct DocumentListing: Hashable, Sendable, Codable {
    public var id: String
    public var kind: DocumentKind
    public var agencyID: String
    public var agency: String
    public var projectID: String?
    public var fiscalYear: Int?
    public var title: String
    public var state: WorkflowState
    public var version: Int
    public var summary: DocumentSummary?
    public var updatedAt: String
}

/// Which documents a list shows, in which order, which page.
public struct ListingQuery: Hashable, Sendable {
    /// The columns a list can be sorted by.
    public enum Order: String, Sendable, CaseIterable {
        case agency, name, fiscalYear, state, score, executionRate, findings, updatedAt
    }

    public var fiscalYear: Int?
    public var kinds: [DocumentKind]
    public var states: [WorkflowState]
    /// Only the documents about this project (every year of it).
    public var projectID: String?
    /// Only the documents of this agency.
    public var agencyID: String?
    /// Part of the unit's name or the document's title.
    public var text: String?
    public var grade: String?
    public var order: Order
    public var descending: Bool
    public var limit: Int?
    public var offset: Int

    public init(
        fiscalYear: Int? = nil, kinds: [DocumentKind] = [], states: [WorkflowState] = [], projectID: String? = nil,
        agencyID: String? = nil, text: String? = nil, grade: String? = nil, order: Order = .agency, descending: Bool = false,
        limit: Int? = nil, offset: Int = 0
    ) {
        self.fiscalYear = fiscalYear
        self.kinds = kinds
        self.states = states
        self.projectID = projectID
        self.agencyID = agencyID
        self.text = text
        self.grade = grade
        self.order = order
        self.descending = descending
        self.limit = limit
        self.offset = offset
    }
}

/// A page of a list and how many documents match in all.
public struct ListingPage: Hashable, Sendable, Codable {
    public var documents: [DocumentListing]
    public var total: Int
}

/// The summary columns of a document row: total in hundredths, execution rate in hundredths of a percent.
struct SummaryColumns: Sendable {
    var total: Int?
    var grade: String?
    var execution: Int?
    var findings: Int?
    var profile: String?

    init(_ summary: DocumentSummary?) {
        guard let summary else { return }
        total = summary.total.flatMap { Int(($0 * 100).fixed(0)) }
        grade = summary.grade
        execution = summary.executionRate.flatMap { Int(($0 * 10000).fixed(0)) }
        findings = summary.findings
        profile = summary.profile
    }
}
