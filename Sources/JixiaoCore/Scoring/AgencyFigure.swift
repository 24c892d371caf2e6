/// A figure a management formula names: one of the 基础数据表 ("staffing.inPost", "threePublic.actual",
/// "procurement.budget", "buildings.actualArea" …: a cost line kind, staffing, procurement or buildings before the dot)
/// or of the evaluation's budget block ("budget.initial", "budget.adjusted", "budget.spent", "budget.balance").
public struct AgencyFigure: Hashable, Sendable, Codable, CustomStringConvertible {
    public var path: String

    public init(_ path: String) { self.path = path }

    public init(from decoder: any Decoder) throws {
        path = try decoder.singleValueContainer().decode(String.self)
        guard Self.names[path] != nil else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath,
                debugDescription: "管理指标公式中没有“\(path)”；可用：" + Self.names.keys.sorted().joined(separator: "、")))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(path)
    }

    /// The figure's name as the forms print it.
    public var description: String { Self.names[path] ?? path }

    /// Every figure a formula may name, with its printed name.
    static let names: [String: String] = {
        var names = [
            "staffing.authorized": "编制数", "staffing.inPost": "实际在职人数", "staffing.yearEnd": "年末实有人数",
            "procurement.budget": "政府采购预算", "procurement.actual": "政府采购金额",
            "basicAdjustment.budget": "基本支出年初预算", "basicAdjustment.actual": "基本支出预算调整数",
            "buildings.approvedArea": "批复规模", "buildings.actualArea": "实际规模",
            "buildings.budgetedInvestment": "预算投资", "buildings.actualInvestment": "实际投资",
            "budget.initial": "年初预算数", "budget.adjusted": "全年预算数", "budget.spent": "全年执行数",
            "budget.balance": "结转结余（全年预算数 − 全年执行数）", "budget.adjustment": "预算调整数（全年预算数 − 年初预算数）",
        ]
        let lines: [CostLineKind: String] = [
            .threePublic: "“三公”经费", .vehicles: "公务用车购置和维护经费", .vehiclePurchase: "公车购置",
            .vehicleOperation: "公车运行维护", .overseas: "出国经费", .reception: "公务接待", .projects: "项目支出",
            .publicFunds: "公用经费", .office: "办公经费",
        ]
        for (kind, name) in lines {
            names["\(kind.rawValue).previousActual"] = "\(name)上年决算数"
            names["\(kind.rawValue).budget"] = "\(name)本年预算数"
            names["\(kind.rawValue).actual"] = "\(name)本年决算数"
        }
        return names
    }()
}

extension SelfEvaluation {
    /// The value of `figure` (万元 for money, persons, ㎡); nil when the forms leave it empty.
    public func value(of figure: AgencyFigure) -> ExactDecimal? {
        let parts = figure.path.split(separator: ".").map(String.init)
        guard parts.count == 2 else { return nil }
        if parts[0] == "budget" {
            let total = budget.total
            func wan(_ money: Money?) -> ExactDecimal? { money?.amount(in: .wan) }
            switch parts[1] {
            case "initial": return wan(total.initialBudget)
            case "adjusted": return wan(total.adjustedBudget)
            case "spent": return wan(total.spent)
            case "balance": return total.adjustedBudget.flatMap { adjusted in total.spent.map { adjusted - $0 } }?.amount(in: .wan)
            case "adjustment": return total.adjustedBudget.flatMap { adjusted in total.initialBudget.map { adjusted - $0 } }?.amount(in: .wan)
            default: return nil
            }
        }
        return baseData?.value(parts[0], parts[1])
    }
}

extension AgencyBaseData {
    /// The value of figure `field` of `part` of the table ("staffing", "inPost").
    func value(_ part: String, _ field: String) -> ExactDecimal? {
        func money(_ figures: CostFigures) -> ExactDecimal? {
            switch field {
            case "previousActual": figures.previousActual?.amount(in: .wan)
            case "budget": figures.budget?.amount(in: .wan)
            case "actual": figures.actual?.amount(in: .wan)
            default: nil
            }
        }
        func sum(_ values: [ExactDecimal?]) -> ExactDecimal? {
            let present = values.compactMap { $0 }
            return present.isEmpty ? nil : present.reduce(0, +)
        }
        switch part {
        case "staffing":
            let count = field == "authorized" ? staffing.authorized : field == "inPost" ? staffing.inPost : staffing.yearEnd
            return count.map { ExactDecimal($0) }
        case "procurement": return money(procurement)
        case "basicAdjustment": return money(basicBudgetAdjustment)
        case "buildings":
            switch field {
            case "approvedArea": return sum(buildings.map(\.approvedArea))
            case "actualArea": return sum(buildings.map(\.actualArea))
            case "budgetedInvestment": return sum(buildings.map { $0.budgetedInvestment?.amount(in: .wan) })
            case "actualInvestment": return sum(buildings.map { $0.actualInvestment?.amount(in: .wan) })
            default: return nil
            }
        default:
            guard let kind = CostLineKind(rawValue: part), let line = line(kind) else { return nil }
            return money(line.figures)
        }
    }
}
