/// 全年执行数 taken from a payments ledger: how many payments have complete approvals and what they add to, and what
/// still waits; the report says so, and the evaluation's history shows the figure change with each payment.
public struct LedgerExecution: Hashable, Sendable, Codable {
    public var payments: Int
    public var executed: Money
    public var pending: Money

    public init(_ review: LedgerReview) {
        payments = review.statuses.filter(\.isExecuted).count
        executed = review.executed
        pending = review.pending
    }
}

extension SelfEvaluation {
    /// The evaluation with 全年执行数 from `review` (the payments whose approvals are complete), noting its source.
    public func executing(_ review: LedgerReview) -> SelfEvaluation {
        var evaluation = self
        let execution = LedgerExecution(review)
        evaluation.budget.total.spent = execution.executed
        evaluation.budget.ledger = execution
        return evaluation
    }
}
