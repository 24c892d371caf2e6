/// The kinds of document a unit keeps for a fiscal year. Each is about a subject (an agency or one of its projects);
/// a subject has at most one document of a kind per year.
public enum DocumentKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// 项目支出绩效自评 (seeds 000, 002): about a project.
    case projectSelfEvaluation = "project-self-evaluation"
    /// 部门（单位）整体支出绩效自评 (seeds 001, 004): about the agency.
    case agencyEvaluation = "agency-evaluation"
    /// 支付台账 (seeds 000, 002's money control): a project's payments of the year under approval rules.
    case paymentLedger = "payment-ledger"
    /// 绩效运行监控表 (双监控): a project's execution and goal achievement during the year.
    case monitoringReport = "monitoring-report"
    /// 部门决算公开 (seed 003): the agency's final accounts, its statements and their explanation.
    case finalAccounts = "final-accounts"

    public var label: String {
        switch self {
        case .projectSelfEvaluation: "项目支出绩效自评"
        case .agencyEvaluation: "部门整体支出绩效自评"
        case .paymentLedger: "支付台账"
        case .monitoringReport: "绩效运行监控表"
        case .finalAccounts: "部门决算公开"
        }
    }

    /// Whether the document goes through the review (submitted, returned, approved, published): the evaluations and
    /// the final accounts. Ledgers and monitoring tables are kept by the unit and read by its reviewers as they are.
    public var isReviewed: Bool { self == .projectSelfEvaluation || self == .agencyEvaluation || self == .finalAccounts }

    /// The kinds that are reviewed and published.
    public static let reviewed = allCases.filter(\.isReviewed)

    /// Whether the document is about one of the agency's projects (else about the agency itself).
    public var isAboutProject: Bool { self != .agencyEvaluation && self != .finalAccounts }

    /// The type a stored document of this kind decodes to.
    public var bodyType: any DocumentBody.Type {
        switch self {
        case .projectSelfEvaluation, .agencyEvaluation: SelfEvaluation.self
        case .paymentLedger: PaymentLedger.self
        case .monitoringReport: MonitoringReport.self
        case .finalAccounts: FinalAccounts.self
        }
    }
}

/// What the store keeps of every kind of document: the content it can version, compare and list. A new kind
/// conforms and names its ``DocumentKind``; the versioned write, the history, the workflow and the lists are the
/// same for every kind.
public protocol DocumentBody: Codable, Hashable, Sendable {
    var documentKind: DocumentKind { get }
    /// The fiscal year it is of.
    var documentYear: Int? { get }
    /// The agency the document is of, as the document names it.
    var agencyName: String { get }
    /// The project it is about, for kinds about a project.
    var projectName: String? { get }
    /// What lists call the document.
    var title: String { get }
    /// Why the body cannot be stored, naming the field; nil when it can (``EvaluationInput``).
    var inputProblem: String? { get }
    /// What lists show of it (score, grade, execution, findings), by the rules in force in `year`.
    func summary(by rules: DocumentRules, in year: FiscalYear?) -> DocumentSummary?
    /// This body with what another document gives it kept from the version it replaces (an evaluation's 全年执行数
    /// from its ledger): no form, import or API call can overwrite it.
    func keepingDerived(from old: Self) -> Self
}

extension DocumentBody {
    public func keepingDerived(from old: Self) -> Self { self }
}

extension SelfEvaluation: DocumentBody {
    public var documentKind: DocumentKind { kind == .agency ? .agencyEvaluation : .projectSelfEvaluation }
    public var documentYear: Int? { fiscalYear }
    public var agencyName: String { agency.name }
    public var projectName: String? { kind == .agency ? nil : title }
    public var inputProblem: String? { EvaluationInput.problem(in: self) }

    public func summary(by rules: DocumentRules, in year: FiscalYear?) -> DocumentSummary? {
        (try? rules.profiles.profile(for: kind, in: year)).map { Assessment(self, profile: $0).summary }
    }

    public func keepingDerived(from old: SelfEvaluation) -> SelfEvaluation {
        guard let ledger = old.budget.ledger else { return self }
        var kept = self
        kept.budget.total.spent = old.budget.total.spent
        kept.budget.ledger = ledger
        return kept
    }
}

extension PaymentLedger: DocumentBody {
    public var documentKind: DocumentKind { .paymentLedger }
    public var documentYear: Int? { fiscalYear }
    public var agencyName: String { agency.name }
    public var projectName: String? { project }
    public var title: String { project }
    public var inputProblem: String? { EvaluationInput.problem(inFields: [("项目", project)] + payments.flatMap { [("收款人", $0.payee), ("用途", $0.purpose), ("凭证号", $0.voucher)] }) }

    /// The share of the budget its approved payments reach; the payments waiting for a step as its findings.
    public func summary(by rules: DocumentRules, in year: FiscalYear?) -> DocumentSummary? {
        guard let approval = rules.approvalRules(self.rules) else { return nil }
        let review = LedgerReview(self, rules: approval)
        let rate = budget.flatMap { review.executed.ratio(to: $0) }
        return DocumentSummary(
            total: nil, grade: nil, executionRate: rate, findings: review.statuses.filter { !$0.isExecuted }.count, profile: approval.reference)
    }
}

extension MonitoringReport: DocumentBody {
    public var documentKind: DocumentKind { .monitoringReport }
    public var documentYear: Int? { fiscalYear }
    public var agencyName: String { agency.name }
    public var projectName: String? { project }
    public var title: String { project }
    public var inputProblem: String? { EvaluationInput.problem(inFields: [("项目", project)] + indicators.flatMap { [("指标", $0.name), ("完成情况", $0.progress), ("偏差原因", $0.reason), ("措施", $0.measures)] }) }

    /// Cumulative execution to the latest month reported.
    public func summary(by rules: DocumentRules, in year: FiscalYear?) -> DocumentSummary? {
        let rate = lastMonth.flatMap { spent(through: $0) }.flatMap {
            $0.ratio(to: basis)
        }
        return DocumentSummary(total: nil, grade: nil, executionRate: rate, findings: 0, profile: "")
    }
}
