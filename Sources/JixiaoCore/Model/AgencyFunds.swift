/// An agency's money for the year as its forms give it, exact: the budget by source (一般公共预算, 政府性基金预算 …,
/// from the 自评表's budget block) and the spending by kind (基本支出 = 人员经费 + 公用经费; 项目支出 with its
/// projects, from the 基础数据表 and the year's 全年执行数). A figure the forms cannot give is nil, never guessed.
public struct AgencyFunds: Hashable, Sendable {
    /// The national budget's funds (预算法 §5) and the unit's other money.
    public enum Source: String, Hashable, Sendable, CaseIterable {
        case generalBudget, governmentFunds, stateCapital, socialInsurance, fiscalSpecialAccount, unitFunds

        /// "一般公共预算"
        public var label: String {
            switch self {
            case .generalBudget: "一般公共预算"
            case .governmentFunds: "政府性基金预算"
            case .stateCapital: "国有资本经营预算"
            case .socialInsurance: "社会保险基金预算"
            case .fiscalSpecialAccount: "财政专户管理资金"
            case .unitFunds: "单位资金"
            }
        }

        /// The source a budget block's label names ("一般公共预算资金", "政府性基金", "非税收入"); nil for a label that
        /// is not a source (按收入性质分, 基本支出 …).
        public init?(label: String) {
            let words: [(String, Source)] = [
                ("一般公共预算", .generalBudget), ("政府性基金", .governmentFunds), ("国有资本经营", .stateCapital),
                ("社会保险基金", .socialInsurance), ("财政专户", .fiscalSpecialAccount), ("非税", .fiscalSpecialAccount),
                ("单位资金", .unitFunds), ("其他资金", .unitFunds),
            ]
            guard let source = words.first(where: { label.contains($0.0) })?.1 else { return nil }
            self = source
        }
    }

    /// One source's amount, as the budget block states it.
    public struct SourceAmount: Hashable, Sendable {
        public var source: Source
        public var amount: Money
    }

    /// One project's spending (a 项目支出 item of the 基础数据表).
    public struct ProjectAmount: Hashable, Sendable {
        public var name: String
        public var amount: Money
    }

    public var bySource: [SourceAmount]
    /// 全年执行数
    public var spent: Money?
    /// 项目支出 (本年决算数)
    public var projects: Money?
    public var projectItems: [ProjectAmount]
    /// 基本支出 = 全年执行数 − 项目支出
    public var basic: Money?
    /// 公用经费 (本年决算数)
    public var publicFunds: Money?
    /// 人员经费 = 基本支出 − 公用经费
    public var personnel: Money?

    public init(_ evaluation: SelfEvaluation) {
        let budget = evaluation.budget
        bySource = budget.breakdown.compactMap { item in Source(label: item.label).map { SourceAmount(source: $0, amount: item.amount) } }
        spent = budget.total.spent
        let data = evaluation.baseData
        projects = data?.line(.projects)?.figures.actual
        publicFunds = data?.line(.publicFunds)?.figures.actual
        projectItems = data.flatMap { data in
            data.costLines.firstIndex { $0.kind == .projects }.map { index in
                data.parts(of: index).compactMap { line in line.figures.actual.map { ProjectAmount(name: line.name, amount: $0) } }
            }
        } ?? []
        if let spent, let projects, spent >= projects {
            let basic = spent - projects
            self.basic = basic
            personnel = publicFunds.flatMap { basic >= $0 ? basic - $0 : nil }
        }
    }

    /// Whether all of the year's budget is 一般公共预算 (the report then says 一般公共预算财政拨款支出).
    public func isAllGeneralBudget(of total: Money?) -> Bool {
        bySource.count == 1 && bySource[0].source == .generalBudget && bySource[0].amount == total
    }
}
