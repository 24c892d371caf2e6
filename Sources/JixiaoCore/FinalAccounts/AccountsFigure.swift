/// A figure of the final accounts that sentences name, charts draw and checks compare: computed from the statements'
/// lines (``FinalAccounts/value(of:)``), stated by a published document (``FinalAccounts/stated``), or last year's
/// (``FinalAccounts/previous``).
public enum AccountsFigure: String, Hashable, Sendable, Codable, CaseIterable, CodingKeyRepresentable {
    /// 本年收入合计
    case income
    /// 本年支出合计
    case spending
    /// 收入总计 = 本年收入 + 使用非财政拨款结余 + 年初结转和结余
    case incomeTotal
    /// 支出总计 = 本年支出 + 结余分配 + 年末结转和结余
    case spendingTotal
    case basic, project
    /// 本年财政拨款收入 (一般公共预算 + 政府性基金 + 国有资本经营)
    case appropriationIncome
    /// 财政拨款收入总计 = 本年财政拨款收入 + 年初财政拨款结转和结余
    case appropriationIncomeTotal
    /// 财政拨款支出总计 = 本年财政拨款支出 + 年末财政拨款结转和结余
    case appropriationSpendingTotal
    /// 本年财政拨款支出 (一般公共预算 + 政府性基金 + 国有资本经营)
    case appropriationSpending
    /// 一般公共预算财政拨款支出
    case generalBudgetSpending
    /// 一般公共预算财政拨款支出的全年预算数
    case generalBudgetBudget
    /// 一般公共预算财政拨款基本支出 = 人员经费 + 公用经费
    case generalBudgetBasic
    case personnel, publicFunds
    /// "三公"经费财政拨款支出
    case officialExpenses
    case officialExpensesBudget
    case overseas, vehicles, vehiclePurchase, vehicleOperation, reception
    case governmentFundsSpending, stateCapitalSpending
    /// 机关运行经费
    case agencyOperating
    /// 政府采购支出总额
    case procurement

    /// The name a sentence or table gives it.
    public var label: String {
        switch self {
        case .income: "本年收入合计"
        case .spending: "本年支出合计"
        case .incomeTotal: "收入总计"
        case .spendingTotal: "支出总计"
        case .basic: "基本支出"
        case .project: "项目支出"
        case .appropriationIncome: "财政拨款收入"
        case .appropriationIncomeTotal: "财政拨款收入总计"
        case .appropriationSpendingTotal: "财政拨款支出总计"
        case .appropriationSpending: "财政拨款支出"
        case .generalBudgetSpending: "一般公共预算财政拨款支出"
        case .generalBudgetBudget: "一般公共预算财政拨款支出预算"
        case .generalBudgetBasic: "一般公共预算财政拨款基本支出"
        case .personnel: "人员经费"
        case .publicFunds: "公用经费"
        case .officialExpenses: "“三公”经费财政拨款支出"
        case .officialExpensesBudget: "“三公”经费财政拨款预算"
        case .overseas: "因公出国（境）费"
        case .vehicles: "公务用车购置及运行维护费"
        case .vehiclePurchase: "公务用车购置费"
        case .vehicleOperation: "公务用车运行维护费"
        case .reception: "公务接待费"
        case .governmentFundsSpending: "政府性基金预算财政拨款支出"
        case .stateCapitalSpending: "国有资本经营预算财政拨款支出"
        case .agencyOperating: "机关运行经费"
        case .procurement: "政府采购支出总额"
        }
    }
}

extension FinalAccounts {
    /// `figure` computed from the lines; nil when the lines do not give it.
    public func value(of figure: AccountsFigure) -> Money? {
        switch figure {
        case .income: return Self.sum(income.map(\.amount))
        case .spending: return Self.sum(spending.lines.map(\.amount))
        case .incomeTotal: return Self.sum([value(of: .income), nonFiscalBalanceUsed, openingBalance])
        case .spendingTotal: return Self.sum([value(of: .spending), balanceAllocation, closingBalance])
        case .basic: return spending.basic
        case .project: return spending.project
        case .appropriationIncome: return Self.sum(income.filter(\.source.isAppropriation).map(\.amount))
        case .appropriationIncomeTotal: return Self.sum([value(of: .appropriationIncome), appropriation.openingBalance])
        case .appropriationSpendingTotal: return Self.sum([value(of: .appropriationSpending), appropriation.closingBalance])
        case .appropriationSpending:
            return Self.sum([value(of: .generalBudgetSpending), value(of: .governmentFundsSpending), value(of: .stateCapitalSpending)])
        case .generalBudgetSpending: return Self.sum(Self.leaves(generalBudgetLines).map(\.actual))
        case .generalBudgetBudget:
            let leaves = Self.leaves(generalBudgetLines)
            return leaves.contains { $0.budget == nil } ? nil : Self.sum(leaves.map(\.budget))
        case .generalBudgetBasic: return Self.sum(basicLines.map(\.amount))
        case .personnel: return Self.sum(basicLines.filter { $0.group == .personnel }.map(\.amount))
        case .publicFunds: return Self.sum(basicLines.filter { $0.group == .publicFunds }.map(\.amount))
        case .officialExpenses: return officialExpenses.total.actual
        case .officialExpensesBudget: return officialExpenses.total.budget
        case .overseas: return officialExpenses.overseas.actual
        case .vehicles: return officialExpenses.vehicles.actual
        case .vehiclePurchase: return officialExpenses.vehiclePurchase.actual
        case .vehicleOperation: return officialExpenses.vehicleOperation.actual
        case .reception: return officialExpenses.reception.actual
        case .governmentFundsSpending: return Self.sum(Self.leaves(governmentFundsLines).map(\.actual))
        case .stateCapitalSpending: return Self.sum(Self.leaves(stateCapitalLines).map(\.actual))
        case .agencyOperating: return agencyOperating
        case .procurement: return procurement.total
        }
    }

    /// The sum of the amounts present; nil when none is, or when it does not fit (figures from a file may be any size:
    /// no sum of them may stop the program).
    public static func sum(_ amounts: [Money?]) -> Money? {
        var total: Int64 = 0
        var any = false
        for amount in amounts {
            guard let amount else { continue }
            let (sum, overflow) = total.addingReportingOverflow(amount.fen)
            if overflow { return nil }
            total = sum
            any = true
        }
        return any ? Money(fen: total) : nil
    }

    /// The lines that are not subtotals of others: the 项 (and any 类 or 款 with nothing under it), in one pass.
    public static func leaves(_ lines: [FunctionalLine]) -> [FunctionalLine] {
        var parents: Set<[String]> = []
        for line in lines where line.level > 1 {
            for level in 1..<line.level { parents.insert(Array(line.names.prefix(level))) }
        }
        return lines.filter { !parents.contains($0.names) }
    }

    /// How many printed lines add up to `figure`: the rounding its total may differ from their sum by.
    func lineCount(of figure: AccountsFigure) -> Int {
        switch figure {
        case .generalBudgetSpending, .generalBudgetBudget: Self.leaves(generalBudgetLines).count
        case .governmentFundsSpending: Self.leaves(governmentFundsLines).count
        case .stateCapitalSpending: Self.leaves(stateCapitalLines).count
        case .generalBudgetBasic: basicLines.count
        case .personnel: basicLines.filter { $0.group == .personnel }.count
        case .publicFunds: basicLines.filter { $0.group == .publicFunds }.count
        case .income: income.count
        case .appropriationSpending, .appropriationSpendingTotal:
            Self.leaves(generalBudgetLines).count + Self.leaves(governmentFundsLines).count + Self.leaves(stateCapitalLines).count + 1
        default: 6
        }
    }

    /// The 类 of the lines with their spending (stated subtotals are not used: the sum of what is under each).
    public static func classes(_ lines: [FunctionalLine]) -> [(name: String, amount: Money)] {
        var order: [String] = []
        var amounts: [String: Money] = [:]
        for line in leaves(lines) {
            guard let name = line.names.first else { continue }
            if amounts[name] == nil { order.append(name) }
            amounts[name] = Self.sum([amounts[name], line.actual]) ?? amounts[name]
        }
        return order.map { ($0, amounts[$0]!) }
    }
}
