import JixiaoCore

/// A reviewed ledger as the terminal prints it: each payment with the approvals it needs and what is missing, what
/// is executed and what waits, then the problems that keep the ledger from being stored.
public enum LedgerReviewText {
    public static func render(_ ledger: PaymentLedger, _ review: LedgerReview, rules: ApprovalRules) -> String {
        var lines = ["\(ledger.fiscalYear.map { "\($0)年度" } ?? "")\(ledger.project) 支付台账（\(rules.name)）"]
        for status in review.statuses {
            let payment = status.payment
            let needed = status.required.map(\.name).joined(separator: "、")
            let missing = status.missing.map(\.name).joined(separator: "、")
            lines.append(
                "第 \(status.row) 笔  凭证号 \(payment.voucher)  \(payment.date)  \(payment.amount.amount(in: .yuan).fixed(2)) 元  \(payment.payee)"
                    + "\n    需审批：\(needed)；" + (status.isExecuted ? "审批齐全，计入执行" : "缺：\(missing)，未计入执行"))
        }
        let budget = ledger.budget.map { "，全年预算 \($0.amount(in: .yuan).fixed(2)) 元" } ?? ""
        lines.append(
            "共 \(review.statuses.count) 笔：已执行 \(review.executed.amount(in: .yuan).fixed(2)) 元，待审批 \(review.pending.amount(in: .yuan).fixed(2)) 元\(budget)")
        if let budget = ledger.budget, let rate = review.executed.ratio(to: budget) {
            lines.append("执行率 \(Percent.text(rate))，结余 \((budget - review.executed).amount(in: .yuan).fixed(2)) 元")
        }
        if !review.problems.isEmpty {
            lines.append("问题 \(review.problems.count) 处（台账不能保存）：")
            lines += review.problems.map { "  - \($0)" }
        }
        return lines.joined(separator: "\n")
    }
}
