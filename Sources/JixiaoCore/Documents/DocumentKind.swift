/// The kinds of document a unit keeps for a fiscal year. Each is about a subject (an agency or one of its projects);
/// a subject has at most one document of a kind per year.
public enum DocumentKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// 项目支出绩效自评 (seeds 000, 002): about a project.
    case projectSelfEvaluation = "project-self-evaluation"
    /// 部门（单位）整体支出绩效自评 (seeds 001, 004): about the agency.
    case agencyEvaluation = "agency-evaluation"

    public var label: String {
        switch self {
        case .projectSelfEvaluation: "项目支出绩效自评"
        case .agencyEvaluation: "部门整体支出绩效自评"
        }
    }

    /// Whether the document is about one of the agency's projects (else about the agency itself).
    public var isAboutProject: Bool { self == .projectSelfEvaluation }

    /// The type a stored document of this kind decodes to.
    public var bodyType: any DocumentBody.Type {
        switch self {
        case .projectSelfEvaluation, .agencyEvaluation: SelfEvaluation.self
        }
    }
}

/// What the store keeps of every kind of document: the content it can version, compare and list. A new kind
/// conforms and names its ``DocumentKind``; the versioned write, the history, the workflow and the lists are the
/// same for every kind.
public protocol DocumentBody: Codable, Hashable, Sendable {
    var documentKind: DocumentKind { get }
    var fiscalYear: Int? { get }
    /// The agency the document is of, as the document names it.
    var agencyName: String { get }
    /// The project it is about, for kinds about a project.
    var projectName: String? { get }
    /// What lists call the document.
    var title: String { get }
    /// Why the body cannot be stored, naming the field; nil when it can (``EvaluationInput``).
    var inputProblem: String? { get }
    /// What lists show of it (score, grade, execution, findings), by the profiles in force in `year`.
    func summary(by profiles: ProfileCatalog, in year: FiscalYear?) -> EvaluationSummary?
}

extension SelfEvaluation: DocumentBody {
    public var documentKind: DocumentKind { kind == .agency ? .agencyEvaluation : .projectSelfEvaluation }
    public var agencyName: String { agency.name }
    public var projectName: String? { kind == .agency ? nil : title }
    public var inputProblem: String? { EvaluationInput.problem(in: self) }

    public func summary(by profiles: ProfileCatalog, in year: FiscalYear?) -> EvaluationSummary? {
        (try? profiles.profile(for: kind, in: year)).map { Assessment(self, profile: $0).summary }
    }
}
