/// 预算执行率 as the profile in force defines it: 全年执行数 / 全年预算数, or / 年初预算数 where the profile's basis
/// says so. Computed once, in the score sheet; the score, the checks, the report's sentences, the 自评表 and the
/// lists all read it from there.
public struct ExecutionRate: Hashable, Sendable, Encodable {
    public var basis: ScoringProfile.ExecutionRule.Basis
    /// The denominator's amount, nil when the table has none.
    public var basisAmount: Money?
    /// 全年执行数, nil when the table has none.
    public var spent: Money?
    /// The exact rate; nil when an amount is missing or the denominator is zero (never 0 % or 100 %).
    public var rate: ExactDecimal?

    public init(_ budget: Budget, basis: ScoringProfile.ExecutionRule.Basis) {
        self.basis = basis
        basisAmount = basis == .adjustedBudget ? budget.total.adjustedBudget : budget.total.initialBudget
        spent = budget.total.spent
        if let spent, let basisAmount {
            rate = spent.ratio(to: basisAmount)
        }
    }

    /// 全年预算数 or 年初预算数.
    public var basisName: String { basis == .adjustedBudget ? "全年预算数" : "年初预算数" }

    /// Both amounts are there but the denominator is zero.
    public var hasZeroDenominator: Bool { spent != nil && basisAmount?.fen == 0 }

    /// "85.23%", or nil when there is no rate.
    public var percentText: String? { rate.map(Percent.text) }
}
