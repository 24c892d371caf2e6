import JixiaoCore
import JixiaoStore

/// A payments ledger's page (template `ledger.mustache`): each payment with its approvals and what is missing, the
/// steps this viewer may take now (a position they hold, on a payment they did not enter), the form for a new
/// payment, and what is executed against the budget.
struct LedgerPage: Encodable {
    var csrf: String
    var urls: DocumentURLs
    var payments: String
    var approvals: String
    var void: String
    var agency: String
    var project: String
    var year: String
    var state: String
    var version: Int
    var rules: String
    var budget: String
    var executed: String
    var pending: String
    var rate: String
    var rows: [PaymentRow]
    var canEdit: Bool
    var fundSources: [Choice]
    var problems: [String]
    var hasProblems: Bool

    struct Choice: Encodable { var value: String; var label: String }
    struct PaymentRow: Encodable {
        var index: Int
        var voucher: String
        var date: String
        var payee: String
        var amount: String
        var purpose: String
        var evidence: String
        var enteredBy: String
        var done: [String]
        var missing: String
        var executed: Bool
        var actions: [Action]
        /// The viewer may void it: not executed, and they entered it or lead the unit.
        var canVoid: Bool
    }
    /// A step the viewer may take on a payment: a signature, or an act to record with its date and reference.
    struct Action: Encodable { var position: String; var name: String; var isAct: Bool }

    init(_ head: DocumentHead, ledger: PaymentLedger, rules approval: ApprovalRules?, viewer: UserRecord, canEdit: Bool, csrf: String) {
        self.csrf = csrf
        urls = DocumentURLs(head)
        payments = SiteURL.ledgerPayments(head.id).path
        approvals = SiteURL.ledgerApprovals(head.id).path
        void = SiteURL.ledgerVoid(head.id).path
        agency = head.agency
        project = ledger.project
        year = ledger.fiscalYear.map(String.init) ?? ""
        state = head.state.label
        version = head.version
        self.canEdit = canEdit
        rules = approval?.name ?? "未知的审批规则“\(ledger.rules)”"
        budget = ledger.budget.map { $0.amount(in: .yuan).fixed(2) } ?? "—"
        fundSources = FundSource.allCases.map { Choice(value: $0.rawValue, label: $0.label) }
        guard let approval else {
            executed = "—"; pending = "—"; rate = "—"; rows = []; problems = []; hasProblems = false
            return
        }
        let review = LedgerReview(ledger, rules: approval)
        executed = review.executed.amount(in: .yuan).fixed(2)
        pending = review.pending.amount(in: .yuan).fixed(2)
        rate = ledger.budget.flatMap {
            review.executed.ratio(to: $0)
        }.map(Percent.text) ?? "—"
        problems = review.problems.map(\.description)
        hasProblems = !problems.isEmpty
        let holds = Set(viewer.agency?.id == head.agencyID ? viewer.positions : [])
        rows = review.statuses.map { status in
            let payment = status.payment
            let own = payment.enteredBy.id == viewer.id
            return PaymentRow(
                index: status.row - 1, voucher: payment.voucher, date: payment.date.description, payee: payment.payee,
                amount: payment.amount.amount(in: .yuan).fixed(2), purpose: payment.purpose,
                evidence: payment.evidence.map { "\($0.kind.label) \($0.reference)" }.joined(separator: "；"),
                enteredBy: payment.enteredBy.name,
                done: payment.approvals.map { step in
                    let position = approval.position(step.position)
                    let name = position?.name ?? step.position
                    let when = [step.date?.description, step.reference].compactMap { $0 }.joined(separator: " ")
                    guard position?.kind == .act else { return "\(name)：\(step.by.name) \(when)" }
                    return "\(name)：\(when)" + (step.by.name == name ? "" : "（\(step.by.name)记录）")
                },
                missing: status.missing.map(\.name).joined(separator: "、"), executed: status.isExecuted,
                actions: canEdit && !own ? status.missing.filter { holds.contains($0.id) }.map { Action(position: $0.id, name: $0.name, isAct: $0.kind == .act) } : [],
                canVoid: canEdit && !status.isExecuted && (own || viewer.role == .unitLead))
        }
    }
}
