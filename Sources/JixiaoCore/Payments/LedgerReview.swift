/// A ledger read against its approval rules: each payment with the steps it needs and those missing, what is
/// executed (chains complete) and what waits, and every problem that keeps the ledger from being stored, each naming
/// the payment (its row and voucher) and the field.
public struct LedgerReview: Sendable {
    /// One payment's state.
    public struct Status: Sendable {
        public var row: Int
        public var payment: Payment
        public var required: [ApprovalRules.Position]
        public var missing: [ApprovalRules.Position]
        /// Counted as executed only when no step is missing.
        public var isExecuted: Bool { missing.isEmpty }
    }

    /// Something the ledger may not hold.
    public struct Problem: Hashable, Sendable, CustomStringConvertible {
        /// The payment's row, 1-based (nil for the ledger as a whole).
        public var row: Int?
        public var voucher: String?
        public var field: String
        public var message: String

        public var description: String {
            let place = row.map { "第 \($0) 笔" + (voucher.map { "（凭证号 \($0)）" } ?? "") } ?? "台账"
            return "\(place)“\(field)”：\(message)"
        }
    }

    public var statuses: [Status]
    public var problems: [Problem]
    /// Amounts of the payments whose chains are complete: the ledger's 全年执行数.
    public private(set) var executed = Money.zero
    /// Amounts still waiting for a step.
    public private(set) var pending = Money.zero

    /// A single payment above this is refused (so no sum of a ledger's payments can overflow).
    public static let maximumPayment = Money(fen: 100_000_000_000_000)
    /// Payments in one ledger, at most.
    public static let maximumPayments = 10_000

    /// Reviews `ledger` under `rules`. `holders` maps a user's id to the positions they hold (nil where the ledger
    /// comes from a file whose approvers are names only); approvals already in `previous` (the version a save
    /// replaces) stand as they were given; `otherVouchers` are the voucher numbers of the unit's other ledgers that
    /// year; `closedYears` the years the bureau has closed.
    public init(
        _ ledger: PaymentLedger, rules: ApprovalRules, holders: [String: Set<String>]? = nil, previous: PaymentLedger? = nil,
        otherVouchers: Set<String> = [], closedYears: Set<Int> = []
    ) {
        var problems: [Problem] = []
        var statuses: [Status] = []
        var vouchers: [String: Int] = [:]
        var running = Money.zero
        var executed = Money.zero
        var pending = Money.zero
        let given = Set((previous?.payments ?? []).flatMap { payment in payment.approvals.map { "\(payment.voucher)|\($0.position)|\($0.by.id ?? $0.by.name)" } })
        if ledger.payments.count > Self.maximumPayments {
            problems.append(Problem(row: nil, voucher: nil, field: "支付", message: "一本台账最多 \(Self.maximumPayments) 笔支付，收到 \(ledger.payments.count) 笔"))
        }
        for (index, payment) in ledger.payments.enumerated() {
            let row = index + 1
            func refuse(_ field: String, _ message: String) {
                problems.append(Problem(row: row, voucher: payment.voucher.isEmpty ? nil : payment.voucher, field: field, message: message))
            }
            if payment.voucher.trimmingCharacters(in: .whitespaces).isEmpty { refuse("凭证号", "不能为空") }
            if let first = vouchers[payment.voucher] {
                refuse("凭证号", "与第 \(first) 笔重复，同一单位同一年度的凭证号不能重复")
            } else if otherVouchers.contains(payment.voucher) {
                refuse("凭证号", "本单位本年度的其他台账已有此凭证号")
            }
            vouchers[payment.voucher] = vouchers[payment.voucher] ?? row
            if payment.amount.fen <= 0 { refuse("金额", "应大于 0 元，收到 \(payment.amount.amount(in: .yuan).plainText) 元") }
            guard payment.amount <= Self.maximumPayment else {
                refuse("金额", "单笔超过 \(Self.maximumPayment.amount(in: .yuan).plainText) 元，不是一笔支付的金额")
                continue
            }
            if let year = ledger.fiscalYear, payment.date.year != year {
                refuse("日期", "\(payment.date) 不在台账的 \(year) 年度内")
            }
            if closedYears.contains(payment.date.year) { refuse("日期", "\(payment.date.year) 年度已结束，不能再记支付") }
            running = running + payment.amount
            if let budget = ledger.budget, running > budget {
                refuse("金额", "累计支付 \(running.amount(in: .yuan).plainText) 元，超过项目全年预算 \(budget.amount(in: .yuan).plainText) 元")
            }
            let required = rules.required(for: payment.amount)
            var seen = Set<String>()
            var signers: [String: String] = [:]
            for approval in payment.approvals {
                guard let position = rules.position(approval.position) else {
                    refuse("审批", "审批规则 \(rules.reference) 中没有岗位“\(approval.position)”")
                    continue
                }
                if !seen.insert(position.id).inserted { refuse(position.name, "重复审批") }
                if Self.samePerson(approval.by, payment.enteredBy) {
                    refuse(position.name, "“\(approval.by.name)”录入了这笔支付，不能再审批它")
                }
                if position.kind == .signature {
                    let person = approval.by.id ?? approval.by.name
                    if let other = signers[person] {
                        refuse(position.name, "“\(approval.by.name)”已以“\(other)”签字，同一人不能在一笔支付上签两个岗位")
                    }
                    signers[person] = position.name
                }
                let isNew = !given.contains("\(payment.voucher)|\(position.id)|\(approval.by.id ?? approval.by.name)")
                if isNew, let holders, let id = approval.by.id, holders[id]?.contains(position.id) != true {
                    refuse(position.name, "“\(approval.by.name)”不担任“\(position.name)”，不能以该岗位审批")
                }
                if position.kind == .act, approval.date == nil { refuse(position.name, "须记录决议或同意的日期") }
            }
            let done = Set(payment.approvals.map(\.position))
            let status = Status(row: row, payment: payment, required: required, missing: required.filter { !done.contains($0.id) })
            if status.isExecuted { executed = executed + payment.amount } else { pending = pending + payment.amount }
            statuses.append(status)
        }
        self.statuses = statuses
        self.problems = problems
        self.executed = executed
        self.pending = pending
    }

    /// The same person: by user id where both records have one, else by name.
    static func samePerson(_ a: PersonRef, _ b: PersonRef) -> Bool {
        if let first = a.id, let second = b.id { return first == second }
        return !a.name.isEmpty && a.name == b.name
    }
}
