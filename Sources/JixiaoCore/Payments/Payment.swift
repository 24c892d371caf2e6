/// A person as a record names them: the user's id when the payment was entered or approved in Jixiao, and the name.
public struct PersonRef: Hashable, Sendable, Codable {
    public var id: String?
    public var name: String

    public init(id: String? = nil, name: String) {
        self.id = id
        self.name = name
    }
}

/// One step of a payment's approval: the position it is for, who acted, when, and the reference of an act (the
/// number of the 党委会's minutes).
public struct Approval: Hashable, Sendable, Codable {
    public var position: String
    public var by: PersonRef
    public var date: CalendarDate?
    public var reference: String?

    public init(position: String, by: PersonRef, date: CalendarDate? = nil, reference: String? = nil) {
        self.position = position
        self.by = by
        self.date = date
        self.reference = reference
    }
}

/// A document a payment rests on (发票, 合同, 验收, 会议纪要), by its reference.
public struct Evidence: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        case invoice, contract, acceptance, minutes

        public var label: String {
            switch self {
            case .invoice: "发票"
            case .contract: "合同"
            case .acceptance: "验收"
            case .minutes: "会议纪要"
            }
        }
    }

    public var kind: Kind
    public var reference: String

    public init(kind: Kind, reference: String) {
        self.kind = kind
        self.reference = reference
    }
}

/// 支付凭证: one payment of a project, with its evidence, who entered it and the approvals it has.
public struct Payment: Hashable, Sendable, Codable {
    public var voucher: String
    public var date: CalendarDate
    public var payee: String
    public var amount: Money
    public var purpose: String
    public var fundSource: FundSource
    public var evidence: [Evidence]
    public var enteredBy: PersonRef
    public var approvals: [Approval]

    public init(
        voucher: String, date: CalendarDate, payee: String, amount: Money, purpose: String, fundSource: FundSource = .appropriation,
        evidence: [Evidence] = [], enteredBy: PersonRef, approvals: [Approval] = []
    ) {
        self.voucher = voucher
        self.date = date
        self.payee = payee
        self.amount = amount
        self.purpose = purpose
        self.fundSource = fundSource
        self.evidence = evidence
        self.enteredBy = enteredBy
        self.approvals = approvals
    }
}

/// 支付台账: a project's payments in a fiscal year, under approval rules. A document of the store (about the
/// project); the evaluation's 全年执行数 comes from the payments whose approvals are complete.
public struct PaymentLedger: Hashable, Sendable, Codable {
    public var fiscalYear: Int?
    public var agency: Agency
    public var project: String
    /// 全年预算数: no payment may take the payments past it.
    public var budget: Money?
    /// The approval rules the payments are under ("id@version").
    public var rules: String
    public var payments: [Payment]

    public init(fiscalYear: Int?, agency: Agency, project: String, budget: Money?, rules: String, payments: [Payment] = []) {
        self.fiscalYear = fiscalYear
        self.agency = agency
        self.project = project
        self.budget = budget
        self.rules = rules
        self.payments = payments
    }
}
