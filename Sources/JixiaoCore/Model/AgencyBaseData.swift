/// 部门（单位）整体支出绩效评价基础数据表: the figures an agency's overall evaluation is computed from: its staff, the
/// spending it controls (上年决算 / 本年预算 / 本年决算), its procurement and its buildings.
public struct AgencyBaseData: Hashable, Sendable, Codable {
    /// 财政供养人员情况
    public var staffing: Staffing
    /// 经费控制情况: "三公"经费 and its items, 项目支出 and its projects, 公用经费 and its items, in table order.
    public var costLines: [CostLine]
    /// 政府采购金额 (budget and actual of this year).
    public var procurement: CostFigures
    /// 部门基本支出预算调整
    public var basicBudgetAdjustment: CostFigures
    /// 楼堂馆所控制情况 (projects completed this year).
    public var buildings: [BuildingControl]
    /// 厉行节约保障措施, as written.
    public var savingMeasures: String

    public init(
        staffing: Staffing = Staffing(), costLines: [CostLine] = [], procurement: CostFigures = CostFigures(),
        basicBudgetAdjustment: CostFigures = CostFigures(), buildings: [BuildingControl] = [], savingMeasures: String = ""
    ) {
        self.staffing = staffing
        self.costLines = costLines
        self.procurement = procurement
        self.basicBudgetAdjustment = basicBudgetAdjustment
        self.buildings = buildings
        self.savingMeasures = savingMeasures
    }

    /// The first line of `kind`.
    public func line(_ kind: CostLineKind) -> CostLine? {
        costLines.first { $0.kind == kind }
    }

    /// The lines directly under line `index`.
    public func parts(of index: Int) -> [CostLine] {
        costLines.filter { $0.parent == index }
    }

    /// "三公经费", "1、公务用车购置和维护经费", "（1）…", "其中：公车购置", "公车运行维护": the label the form gives line `index`.
    public func label(of index: Int) -> String {
        let line = costLines[index]
        guard let parent = line.parent else { return line.name }
        let siblings = costLines.indices.filter { costLines[$0].parent == parent }
        if line.isCompletePart {
            let number = siblings.filter { costLines[$0].isCompletePart }.firstIndex(of: index).map { $0 + 1 } ?? 1
            // Items of a numbered item are numbered a level down: "（1）".
            return costLines[parent].isCompletePart ? "（\(number)）\(line.name)" : "\(number)、\(line.name)"
        }
        return siblings.first { !costLines[$0].isCompletePart } == index ? "其中：\(line.name)" : line.name
    }
}

/// 财政供养人员情况 (persons).
public struct Staffing: Hashable, Sendable, Codable {
    /// 编制数
    public var authorized: Int?
    /// 实际在职人数
    public var inPost: Int?
    /// 年末实有人数
    public var yearEnd: Int?
    /// 控制率 as the table prints it, in percent.
    public var statedRate: StatedNumber
    public var source: SourceLocation?

    public init(authorized: Int? = nil, inPost: Int? = nil, yearEnd: Int? = nil, statedRate: StatedNumber = .absent,
                source: SourceLocation? = nil) {
        self.authorized = authorized
        self.inPost = inPost
        self.yearEnd = yearEnd
        self.statedRate = statedRate
        self.source = source
    }
}

/// One spending line's three figures: last year's final accounts, this year's budget and final accounts.
public struct CostFigures: Hashable, Sendable, Codable {
    /// 上年决算数
    public var previousActual: Money?
    /// 本年预算数
    public var budget: Money?
    /// 本年决算数
    public var actual: Money?

    public init(previousActual: Money? = nil, budget: Money? = nil, actual: Money? = nil) {
        self.previousActual = previousActual
        self.budget = budget
        self.actual = actual
    }

    /// The figures by column, with their names, for checks that treat the columns alike.
    public static var columns: [(name: String, figure: KeyPath<CostFigures, Money?>, field: RowField)] {
        [("上年决算数", \.previousActual, .previous), ("本年预算数", \.budget, .target), ("本年决算数", \.actual, .actual)]
    }
}

/// What a cost line is, for the formulas that use it; nil for a line no formula names (one project, one item).
public enum CostLineKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// "三公"经费
    case threePublic
    /// 公务用车购置和维护经费
    case vehicles
    /// 公车购置
    case vehiclePurchase
    /// 公车运行维护
    case vehicleOperation
    /// 出国经费
    case overseas
    /// 公务接待
    case reception
    /// 项目支出
    case projects
    /// 公用经费
    case publicFunds
    /// 办公经费
    case office
}

/// A line of 经费控制情况.
public struct CostLine: Hashable, Sendable, Codable {
    /// The label as printed, without its number ("业务工作经费").
    public var name: String
    public var kind: CostLineKind?
    /// The index (in ``AgencyBaseData/costLines``) of the line this one is part of.
    public var parent: Int?
    /// Whether the lines under the same parent are meant to be all of it (numbered items: 1、2、3、) or only some
    /// of it ("其中：").
    public var isCompletePart: Bool
    public var figures: CostFigures
    public var source: SourceLocation?

    public init(name: String, kind: CostLineKind? = nil, parent: Int? = nil, isCompletePart: Bool = false,
                figures: CostFigures = CostFigures(), source: SourceLocation? = nil) {
        self.name = name
        self.kind = kind
        self.parent = parent
        self.isCompletePart = isCompletePart
        self.figures = figures
        self.source = source
    }
}

/// 楼堂馆所控制情况: one building project's approved and actual size and investment.
public struct BuildingControl: Hashable, Sendable, Codable {
    /// 批复规模（㎡）
    public var approvedArea: ExactDecimal?
    /// 实际规模（㎡）
    public var actualArea: ExactDecimal?
    /// 预算投资
    public var budgetedInvestment: Money?
    /// 实际投资
    public var actualInvestment: Money?
    public var source: SourceLocation?

    public init(approvedArea: ExactDecimal? = nil, actualArea: ExactDecimal? = nil, budgetedInvestment: Money? = nil,
                actualInvestment: Money? = nil, source: SourceLocation? = nil) {
        self.approvedArea = approvedArea
        self.actualArea = actualArea
        self.budgetedInvestment = budgetedInvestment
        self.actualInvestment = actualInvestment
        self.source = source
    }
}

extension AgencyBaseData {
    enum CodingKeys: String, CodingKey {
        case staffing, costLines, procurement, basicBudgetAdjustment, buildings, savingMeasures
    }

    /// Every key may be left out of a JSON file.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            staffing: try c.decodeIfPresent(Staffing.self, forKey: .staffing) ?? Staffing(),
            costLines: try c.decodeIfPresent([CostLine].self, forKey: .costLines) ?? [],
            procurement: try c.decodeIfPresent(CostFigures.self, forKey: .procurement) ?? CostFigures(),
            basicBudgetAdjustment: try c.decodeIfPresent(CostFigures.self, forKey: .basicBudgetAdjustment) ?? CostFigures(),
            buildings: try c.decodeIfPresent([BuildingControl].self, forKey: .buildings) ?? [],
            savingMeasures: try c.decodeIfPresent(String.self, forKey: .savingMeasures) ?? "")
    }
}

extension Staffing {
    enum CodingKeys: String, CodingKey {
        case authorized, inPost, yearEnd, statedRate, source
    }

    /// Every key may be left out of a JSON file.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            authorized: try c.decodeIfPresent(Int.self, forKey: .authorized),
            inPost: try c.decodeIfPresent(Int.self, forKey: .inPost),
            yearEnd: try c.decodeIfPresent(Int.self, forKey: .yearEnd),
            statedRate: try c.decodeIfPresent(StatedNumber.self, forKey: .statedRate) ?? .absent,
            source: try c.decodeIfPresent(SourceLocation.self, forKey: .source))
    }
}

extension CostLine {
    enum CodingKeys: String, CodingKey {
        case name, kind, parent, isCompletePart, figures, source
    }

    /// `name` is required; the rest may be left out.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            name: try c.decode(String.self, forKey: .name),
            kind: try c.decodeIfPresent(CostLineKind.self, forKey: .kind),
            parent: try c.decodeIfPresent(Int.self, forKey: .parent),
            isCompletePart: try c.decodeIfPresent(Bool.self, forKey: .isCompletePart) ?? false,
            figures: try c.decodeIfPresent(CostFigures.self, forKey: .figures) ?? CostFigures(),
            source: try c.decodeIfPresent(SourceLocation.self, forKey: .source))
    }
}
