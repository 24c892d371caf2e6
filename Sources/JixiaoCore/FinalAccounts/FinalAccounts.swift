/// 部门决算: one agency's final accounts for a year as its statements give them (收入支出决算总表, 财政拨款收入支出决算
/// 总表, 一般公共预算财政拨款支出 by 功能分类 and 基本支出 by 经济分类, "三公"经费, 政府性基金, 国有资本经营), the other
/// matters its disclosure reports (机关运行经费, 政府采购, 国有资产), last year's figures its sentences compare with, and
/// the unit's own paragraphs. Money exact; a figure the statements leave empty is nil.
public struct FinalAccounts: Hashable, Sendable, Codable {
    public var agency: Agency
    public var fiscalYear: Int
    /// The statement set the disclosure follows ("sichuan-14", "national-9").
    public var statementSet: String
    /// 本年收入, by source.
    public var income: [IncomeLine]
    /// 年初结转和结余
    public var openingBalance: Money?
    /// 使用非财政拨款结余（含专用结余）
    public var nonFiscalBalanceUsed: Money?
    /// 本年支出, by kind.
    public var spending: SpendingByKind
    /// 结余分配
    public var balanceAllocation: Money?
    /// 年末结转和结余
    public var closingBalance: Money?
    /// 财政拨款收入支出决算总表
    public var appropriation: Appropriation
    /// 一般公共预算财政拨款支出决算表: 类 / 款 / 项 lines (a 类 or 款 line is the statement's subtotal).
    public var generalBudgetLines: [FunctionalLine]
    /// 一般公共预算财政拨款基本支出决算表: 经济分类 lines.
    public var basicLines: [EconomicLine]
    /// 一般公共预算财政拨款"三公"经费支出决算表
    public var officialExpenses: OfficialExpenses
    /// 政府性基金预算财政拨款支出, by 功能分类.
    public var governmentFundsLines: [FunctionalLine]
    /// 国有资本经营预算财政拨款支出, by 功能分类.
    public var stateCapitalLines: [FunctionalLine]
    /// 机关运行经费
    public var agencyOperating: Money?
    /// 政府采购
    public var procurement: Procurement
    /// 国有资产占有使用情况
    public var assets: Assets
    /// Last year's figures, by ``AccountsFigure``, for the changes the sentences state.
    public var previous: [AccountsFigure: Money]
    /// Totals as a published statement or sentence states them, by ``AccountsFigure`` (what the checks compare with
    /// the sums); empty for accounts entered as data.
    public var stated: [AccountsFigure: Money]
    /// The unit's own paragraphs by outline key ("functions", "officialExpensesReasons" …).
    public var narrative: [String: [String]]
    public var source: SourceLocation?

    public init(agency: Agency, fiscalYear: Int, statementSet: String = "national-9") {
        self.agency = agency
        self.fiscalYear = fiscalYear
        self.statementSet = statementSet
        income = []
        spending = SpendingByKind()
        appropriation = Appropriation()
        generalBudgetLines = []
        basicLines = []
        officialExpenses = OfficialExpenses()
        governmentFundsLines = []
        stateCapitalLines = []
        procurement = Procurement()
        assets = Assets()
        previous = [:]
        stated = [:]
        narrative = [:]
    }
}

/// A source of 本年收入 as the 收入支出决算总表 lists them.
public enum IncomeSource: String, Hashable, Sendable, Codable, CaseIterable {
    case generalBudget, governmentFunds, stateCapital, superiorSubsidy, business, operating, subsidiaries, other

    /// "一般公共预算财政拨款收入"
    public var label: String {
        switch self {
        case .generalBudget: "一般公共预算财政拨款收入"
        case .governmentFunds: "政府性基金预算财政拨款收入"
        case .stateCapital: "国有资本经营预算财政拨款收入"
        case .superiorSubsidy: "上级补助收入"
        case .business: "事业收入"
        case .operating: "经营收入"
        case .subsidiaries: "附属单位上缴收入"
        case .other: "其他收入"
        }
    }

    /// Whether it is 财政拨款.
    public var isAppropriation: Bool { [.generalBudget, .governmentFunds, .stateCapital].contains(self) }
}

/// One source's income.
public struct IncomeLine: Hashable, Sendable, Codable {
    public var source: IncomeSource
    public var amount: Money

    public init(source: IncomeSource, amount: Money) {
        self.source = source
        self.amount = amount
    }
}

/// 本年支出 by kind: 基本支出, 项目支出, 上缴上级支出, 经营支出, 对附属单位补助支出.
public struct SpendingByKind: Hashable, Sendable, Codable {
    public var basic: Money?
    public var project: Money?
    public var toSuperior: Money?
    public var operating: Money?
    public var subsidiaries: Money?

    public init(basic: Money? = nil, project: Money? = nil, toSuperior: Money? = nil, operating: Money? = nil, subsidiaries: Money? = nil) {
        self.basic = basic
        self.project = project
        self.toSuperior = toSuperior
        self.operating = operating
        self.subsidiaries = subsidiaries
    }

    /// The kinds with their labels, in the statement's order.
    public var lines: [(label: String, amount: Money?)] {
        [("基本支出", basic), ("项目支出", project), ("上缴上级支出", toSuperior), ("经营支出", operating), ("对附属单位补助支出", subsidiaries)]
    }
}

/// 财政拨款收入支出决算总表: by fund, this year's appropriation, the carry-overs at the start and end of the year.
public struct Appropriation: Hashable, Sendable, Codable {
    /// 年初财政拨款结转和结余
    public var openingBalance: Money?
    /// 年末财政拨款结转和结余
    public var closingBalance: Money?

    public init(openingBalance: Money? = nil, closingBalance: Money? = nil) {
        self.openingBalance = openingBalance
        self.closingBalance = closingBalance
    }
}

/// A line of a statement by 功能分类: a 类, 款 or 项 with its code (when the statement prints it) and names from the 类
/// down ("灾害防治及应急管理支出", "应急管理事务", "行政运行"), this year's budget (for 完成预算 %) and spending.
public struct FunctionalLine: Hashable, Sendable, Codable {
    public var code: String?
    /// The names of the 类, 款 and 项 it is under and of itself: one for a 类, three for a 项.
    public var names: [String]
    /// 预算数 (全年)
    public var budget: Money?
    public var basic: Money?
    public var project: Money?
    /// 决算数 (合计)
    public var actual: Money
    /// The unit's reason for a spending far from its budget ("决算数小于预算数的主要原因是…").
    public var note: String?

    public init(code: String? = nil, names: [String], budget: Money? = nil, basic: Money? = nil, project: Money? = nil,
                actual: Money, note: String? = nil) {
        self.code = code
        self.names = names
        self.budget = budget
        self.basic = basic
        self.project = project
        self.actual = actual
        self.note = note
    }

    /// 1 for a 类, 2 for a 款, 3 for a 项.
    public var level: Int { names.count }

    /// "灾害防治及应急管理支出（类）应急管理事务（款）行政运行（项）"
    public var path: String {
        zip(names, ["（类）", "（款）", "（项）"]).map { $0 + $1 }.joined()
    }
}

/// A line of the 基本支出 statement by 经济分类 (301 工资福利支出, 30101 基本工资 …).
public struct EconomicLine: Hashable, Sendable, Codable {
    public var code: String?
    public var name: String
    /// 人员经费 (301, 303) or 公用经费 (302, 310 …) as the statement groups it.
    public var group: BasicGroup
    public var amount: Money

    /// 人员经费 or 公用经费.
    public enum BasicGroup: String, Hashable, Sendable, Codable {
        case personnel, publicFunds
    }

    public init(code: String? = nil, name: String, group: BasicGroup, amount: Money) {
        self.code = code
        self.name = name
        self.group = group
        self.amount = amount
    }
}

/// "三公"经费: budget and spending of each item, with the counts the disclosure reports.
public struct OfficialExpenses: Hashable, Sendable, Codable {
    public var overseas: BudgetAndActual
    public var vehiclePurchase: BudgetAndActual
    public var vehicleOperation: BudgetAndActual
    public var reception: BudgetAndActual
    /// 因公出国（境）团组 / 人次; 购置车辆数; 公务用车保有量; 国内公务接待批次 / 人次.
    public var counts: [String: Int]

    public init(overseas: BudgetAndActual = BudgetAndActual(), vehiclePurchase: BudgetAndActual = BudgetAndActual(),
                vehicleOperation: BudgetAndActual = BudgetAndActual(), reception: BudgetAndActual = BudgetAndActual(),
                counts: [String: Int] = [:]) {
        self.overseas = overseas
        self.vehiclePurchase = vehiclePurchase
        self.vehicleOperation = vehicleOperation
        self.reception = reception
        self.counts = counts
    }

    /// 公务用车购置及运行维护费 = 购置 + 运行维护.
    public var vehicles: BudgetAndActual { vehiclePurchase + vehicleOperation }

    /// The total of the three.
    public var total: BudgetAndActual { overseas + vehicles + reception }
}

/// A budget and what was spent of it.
public struct BudgetAndActual: Hashable, Sendable, Codable {
    public var budget: Money?
    public var actual: Money?

    public init(budget: Money? = nil, actual: Money? = nil) {
        self.budget = budget
        self.actual = actual
    }

    /// Both sums; a side is nil when neither part has it.
    public static func + (lhs: BudgetAndActual, rhs: BudgetAndActual) -> BudgetAndActual {
        func add(_ a: Money?, _ b: Money?) -> Money? { a.map { $0 + (b ?? Money(fen: 0)) } ?? b }
        return BudgetAndActual(budget: add(lhs.budget, rhs.budget), actual: add(lhs.actual, rhs.actual))
    }
}

/// 政府采购支出: the total by kind and the contracts awarded to small and medium enterprises.
public struct Procurement: Hashable, Sendable, Codable {
    public var goods: Money?
    public var works: Money?
    public var services: Money?
    /// 授予中小企业合同金额
    public var smallAndMedium: Money?
    /// 其中：授予小微企业合同金额
    public var small: Money?

    public init(goods: Money? = nil, works: Money? = nil, services: Money? = nil, smallAndMedium: Money? = nil, small: Money? = nil) {
        self.goods = goods
        self.works = works
        self.services = services
        self.smallAndMedium = smallAndMedium
        self.small = small
    }

    /// 政府采购支出总额
    public var total: Money? {
        let parts = [goods, works, services].compactMap { $0 }
        return parts.isEmpty ? nil : parts.reduce(Money(fen: 0), +)
    }
}

/// 国有资产占有使用情况: vehicles by use and large equipment.
public struct Assets: Hashable, Sendable, Codable {
    /// Vehicles by use ("主要领导干部用车", "应急保障用车" …), in the disclosure's order.
    public var vehicles: [CountLine]
    /// 单位价值 50 万元以上通用设备 / 专用设备 (台、套).
    public var equipment: [CountLine]

    public init(vehicles: [CountLine] = [], equipment: [CountLine] = []) {
        self.vehicles = vehicles
        self.equipment = equipment
    }
}

/// A named count.
public struct CountLine: Hashable, Sendable, Codable {
    public var name: String
    public var count: Int

    public init(name: String, count: Int) {
        self.name = name
        self.count = count
    }
}

extension FinalAccounts {
    enum CodingKeys: String, CodingKey {
        case agency, fiscalYear, statementSet, income, openingBalance, nonFiscalBalanceUsed, spending, balanceAllocation,
            closingBalance, appropriation, generalBudgetLines, basicLines, officialExpenses, governmentFundsLines,
            stateCapitalLines, agencyOperating, procurement, assets, previous, stated, narrative, source
    }

    /// `agency` and `fiscalYear` are required; every other key may be left out of a JSON file.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            agency: try c.decode(Agency.self, forKey: .agency), fiscalYear: try c.decode(Int.self, forKey: .fiscalYear),
            statementSet: try c.decodeIfPresent(String.self, forKey: .statementSet) ?? "national-9")
        income = try c.decodeIfPresent([IncomeLine].self, forKey: .income) ?? []
        openingBalance = try c.decodeIfPresent(Money.self, forKey: .openingBalance)
        nonFiscalBalanceUsed = try c.decodeIfPresent(Money.self, forKey: .nonFiscalBalanceUsed)
        spending = try c.decodeIfPresent(SpendingByKind.self, forKey: .spending) ?? SpendingByKind()
        balanceAllocation = try c.decodeIfPresent(Money.self, forKey: .balanceAllocation)
        closingBalance = try c.decodeIfPresent(Money.self, forKey: .closingBalance)
        appropriation = try c.decodeIfPresent(Appropriation.self, forKey: .appropriation) ?? Appropriation()
        generalBudgetLines = try c.decodeIfPresent([FunctionalLine].self, forKey: .generalBudgetLines) ?? []
        basicLines = try c.decodeIfPresent([EconomicLine].self, forKey: .basicLines) ?? []
        officialExpenses = try c.decodeIfPresent(OfficialExpenses.self, forKey: .officialExpenses) ?? OfficialExpenses()
        governmentFundsLines = try c.decodeIfPresent([FunctionalLine].self, forKey: .governmentFundsLines) ?? []
        stateCapitalLines = try c.decodeIfPresent([FunctionalLine].self, forKey: .stateCapitalLines) ?? []
        agencyOperating = try c.decodeIfPresent(Money.self, forKey: .agencyOperating)
        procurement = try c.decodeIfPresent(Procurement.self, forKey: .procurement) ?? Procurement()
        assets = try c.decodeIfPresent(Assets.self, forKey: .assets) ?? Assets()
        previous = try c.decodeIfPresent([AccountsFigure: Money].self, forKey: .previous) ?? [:]
        stated = try c.decodeIfPresent([AccountsFigure: Money].self, forKey: .stated) ?? [:]
        narrative = try c.decodeIfPresent([String: [String]].self, forKey: .narrative) ?? [:]
        source = try c.decodeIfPresent(SourceLocation.self, forKey: .source)
    }
}

extension OfficialExpenses {
    enum CodingKeys: String, CodingKey {
        case overseas, vehiclePurchase, vehicleOperation, reception, counts
    }

    /// Every key may be left out.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            overseas: try c.decodeIfPresent(BudgetAndActual.self, forKey: .overseas) ?? BudgetAndActual(),
            vehiclePurchase: try c.decodeIfPresent(BudgetAndActual.self, forKey: .vehiclePurchase) ?? BudgetAndActual(),
            vehicleOperation: try c.decodeIfPresent(BudgetAndActual.self, forKey: .vehicleOperation) ?? BudgetAndActual(),
            reception: try c.decodeIfPresent(BudgetAndActual.self, forKey: .reception) ?? BudgetAndActual(),
            counts: try c.decodeIfPresent([String: Int].self, forKey: .counts) ?? [:])
    }
}

extension Assets {
    enum CodingKeys: String, CodingKey {
        case vehicles, equipment
    }

    /// Either list may be left out.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            vehicles: try c.decodeIfPresent([CountLine].self, forKey: .vehicles) ?? [],
            equipment: try c.decodeIfPresent([CountLine].self, forKey: .equipment) ?? [])
    }
}
