/// A project's monitoring table for a year (绩效运行监控表): 年初预算数, 1–N月执行数 cumulative by month, 全年预计执行数, and
/// for each indicator its 年度指标值, 1–N月完成情况, the share of the target reached, 完成目标可能性 with the deviation's
/// reason and the measures; and the unit's answers to the warnings it was given.
public struct MonitoringReport: Hashable, Sendable, Codable {
    public var fiscalYear: Int
    public var agency: Agency
    public var project: String
    /// 年初预算数 (the basis of monitored execution), and 全年预算数 when adjusted.
    public var initialBudget: Money
    public var adjustedBudget: Money?
    /// Cumulative 1–N月执行数 at the end of each month reported.
    public var spent: [MonthlySpent]
    /// 全年预计执行数
    public var projectedSpent: Money?
    public var indicators: [IndicatorProgress]
    public var answers: [Answer]

    public init(
        fiscalYear: Int, agency: Agency, project: String, initialBudget: Money, adjustedBudget: Money? = nil, spent: [MonthlySpent] = [],
        projectedSpent: Money? = nil, indicators: [IndicatorProgress] = [], answers: [Answer] = []
    ) {
        self.fiscalYear = fiscalYear
        self.agency = agency
        self.project = project
        self.initialBudget = initialBudget
        self.adjustedBudget = adjustedBudget
        self.spent = spent
        self.projectedSpent = projectedSpent
        self.indicators = indicators
        self.answers = answers
    }

    /// The budget execution is measured against: 全年预算数 when adjusted, else 年初预算数.
    public var basis: Money { adjustedBudget ?? initialBudget }

    /// Cumulative execution at the end of `month`: the latest month reported up to it.
    public func spent(through month: Int) -> Money? {
        spent.filter { $0.month <= month }.max { $0.month < $1.month }?.amount
    }

    /// The last month reported.
    public var lastMonth: Int? { spent.map(\.month).max() }

    /// Goal achievement: the mean share of their targets the indicators with a share have reached, nil with none.
    public var goalAchievement: ExactDecimal? {
        let shares = indicators.compactMap(\.completion)
        guard !shares.isEmpty else { return nil }
        return shares.reduce(ExactDecimal(0)) { $0 + min($1, 1) }.divided(by: ExactDecimal(shares.count))
    }
}

/// 1–N月执行数: cumulative execution at the end of a month.
public struct MonthlySpent: Hashable, Sendable, Codable {
    public var month: Int
    public var amount: Money

    public init(month: Int, amount: Money) {
        self.month = month
        self.amount = amount
    }
}

/// One indicator's progress during the year.
public struct IndicatorProgress: Hashable, Sendable, Codable {
    public var name: String
    public var target: String
    /// 1–N月完成情况, as the unit writes it.
    public var progress: String
    /// The share of the target reached (0.45 = 45 %), when the unit gives one.
    public var completion: ExactDecimal?
    public var likelihood: Likelihood
    public var reason: String
    public var measures: String

    public init(
        name: String, target: String, progress: String, completion: ExactDecimal? = nil, likelihood: Likelihood = .certain,
        reason: String = "", measures: String = ""
    ) {
        self.name = name
        self.target = target
        self.progress = progress
        self.completion = completion
        self.likelihood = likelihood
        self.reason = reason
        self.measures = measures
    }

    /// 完成目标可能性
    public enum Likelihood: String, Hashable, Sendable, Codable, CaseIterable {
        case certain, possible, impossible

        public var label: String {
            switch self {
            case .certain: "确定能"
            case .possible: "有可能"
            case .impossible: "不可能"
            }
        }
    }
}

/// A unit's answer to a warning: 继续执行 · 调剂预算 · 取消项目, on a date.
public struct Answer: Hashable, Sendable, Codable {
    /// The month whose warning it answers.
    public var month: Int
    public var decision: Decision
    public var date: CalendarDate
    public var note: String

    public init(month: Int, decision: Decision, date: CalendarDate, note: String = "") {
        self.month = month
        self.decision = decision
        self.date = date
        self.note = note
    }

    public enum Decision: String, Hashable, Sendable, Codable, CaseIterable {
        case proceed, reallocate, cancel

        public var label: String {
            switch self {
            case .proceed: "继续执行"
            case .reallocate: "调剂预算"
            case .cancel: "取消项目"
            }
        }
    }
}
