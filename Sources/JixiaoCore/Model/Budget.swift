/// Where money comes from: the rows of the self-evaluation table's budget block.
public enum FundSource: String, Sendable, Codable, CaseIterable {
    /// 本年财政拨款
    case appropriation
    /// 上年结转资金
    case carryover
    /// 其他资金
    case otherFunds

    /// The row label in the official table.
    public var label: String {
        switch self {
        case .appropriation: "本年财政拨款"
        case .carryover: "上年结转资金"
        case .otherFunds: "其他资金"
        }
    }
}

/// One row of the budget block: 年初预算数 · 全年预算数 · 全年执行数.
public struct BudgetFigures: Hashable, Sendable, Codable {
    public var initialBudget: Money?
    public var adjustedBudget: Money?
    public var spent: Money?

    public init(initialBudget: Money? = nil, adjustedBudget: Money? = nil, spent: Money? = nil) {
        self.initialBudget = initialBudget
        self.adjustedBudget = adjustedBudget
        self.spent = spent
    }
}

/// A budget row split by fund source.
public struct FundLine: Hashable, Sendable, Codable {
    public var source: FundSource
    public var figures: BudgetFigures

    public init(source: FundSource, figures: BudgetFigures) {
        self.source = source
        self.figures = figures
    }
}

/// An amount stated beside a label outside the main grid, e.g. "项目支出：96.44" (万元).
public struct LabeledAmount: Hashable, Sendable, Codable {
    public var label: String
    public var amount: Money
    public var source: SourceLocation?

    public init(label: String, amount: Money, source: SourceLocation? = nil) {
        self.label = label
        self.amount = amount
        self.source = source
    }
}

/// The budget block of a self-evaluation: totals, fund sources, and the execution-rate item as stated.
public struct Budget: Hashable, Sendable, Codable {
    /// 年度资金总额
    public var total: BudgetFigures
    public var fundLines: [FundLine]
    /// 分值 of the execution item as the table states it.
    public var executionWeight: StatedNumber
    /// 执行率 as printed, in percent ("99.99％" → 99.99).
    public var statedExecutionRate: StatedNumber
    /// 得分 of the execution item as the table states it.
    public var statedExecutionScore: StatedNumber
    /// Other labelled amounts in the block (按收入性质分 / 按支出性质分 …).
    public var breakdown: [LabeledAmount]
    /// Where 全年执行数 comes from when it is the sum of the project's payments ledger, not typed in.
    public var ledger: LedgerExecution?
    /// Where the total row (年度资金总额) was read from, when imported.
    public var source: SourceLocation?

    public init(
        total: BudgetFigures = BudgetFigures(),
        fundLines: [FundLine] = [],
        executionWeight: StatedNumber = .absent,
        statedExecutionRate: StatedNumber = .absent,
        statedExecutionScore: StatedNumber = .absent,
        breakdown: [LabeledAmount] = []
    ) {
        self.total = total
        self.fundLines = fundLines
        self.executionWeight = executionWeight
        self.statedExecutionRate = statedExecutionRate
        self.statedExecutionScore = statedExecutionScore
        self.breakdown = breakdown
    }
}

extension Budget {
    enum CodingKeys: String, CodingKey {
        case total, fundLines, executionWeight, statedExecutionRate, statedExecutionScore, breakdown, ledger, source
    }

    /// Every key but `total` may be left out of a JSON file.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            total: try c.decodeIfPresent(BudgetFigures.self, forKey: .total) ?? BudgetFigures(),
            fundLines: try c.decodeIfPresent([FundLine].self, forKey: .fundLines) ?? [],
            executionWeight: try c.decodeIfPresent(StatedNumber.self, forKey: .executionWeight) ?? .absent,
            statedExecutionRate: try c.decodeIfPresent(StatedNumber.self, forKey: .statedExecutionRate) ?? .absent,
            statedExecutionScore: try c.decodeIfPresent(StatedNumber.self, forKey: .statedExecutionScore) ?? .absent,
            breakdown: try c.decodeIfPresent([LabeledAmount].self, forKey: .breakdown) ?? []
        )
        ledger = try c.decodeIfPresent(LedgerExecution.self, forKey: .ledger)
        source = try c.decodeIfPresent(SourceLocation.self, forKey: .source)
    }
}
