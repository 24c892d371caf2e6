/// The management indicators of a department's overall evaluation (在职人员控制率, "三公"经费控制率 …) as a profile
/// states them: each rate's formula over the 基础数据表, the bands that give its points, its weight. A province adds or
/// changes its block in its profile file, not in code.
public struct ManagementRules: Hashable, Sendable, Codable {
    /// "部门管理"
    public var name: String
    /// Whether the block's points are part of the evaluation's total (seed 001's 30 points are; where the 自评表 has no
    /// such rows the rates are computed and checked but not added).
    public var countsInTotal: Bool
    public var indicators: [ManagementIndicatorRule]
}

/// One management indicator: a rate of two figures of the base data, scored by bands.
public struct ManagementIndicatorRule: Hashable, Sendable, Codable {
    public var id: String
    /// "在职人员控制率"
    public var name: String
    /// The group of the management block it belongs to ("部门预算管理").
    public var group: String
    public var formula: RateFormula
    public var weight: ExactDecimal
    /// The first band the rate falls in gives its share of the weight; a rate in no band scores 0.
    public var bands: [RateBand]
}

/// numerator / denominator (a ratio), or (numerator − denominator) / denominator (a change), in percent.
public struct RateFormula: Hashable, Sendable, Codable {
    public var kind: Kind
    public var numerator: BaseDataFigure
    public var denominator: BaseDataFigure

    public enum Kind: String, Hashable, Sendable, Codable {
        case ratio, change
    }
}

/// A range of a rate (percent, bounds inclusive) and the share of the weight it earns (1 = full).
public struct RateBand: Hashable, Sendable, Codable {
    public var atLeast: ExactDecimal?
    public var atMost: ExactDecimal?
    public var share: ExactDecimal

    public func contains(_ rate: ExactDecimal) -> Bool {
        (atLeast.map { rate >= $0 } ?? true) && (atMost.map { rate <= $0 } ?? true)
    }

    /// "≤ 100%", "≥ 95%", "90%–100%", "其余".
    public var text: String {
        switch (atLeast, atMost) {
        case (let low?, let high?): "\(low.plainText)%–\(high.plainText)%"
        case (let low?, nil): "≥ \(low.plainText)%"
        case (nil, let high?): "≤ \(high.plainText)%"
        case (nil, nil): "其余"
        }
    }
}

/// A figure of the 基础数据表 a formula names: "staffing.inPost", "threePublic.actual", "procurement.budget",
/// "buildings.actualArea" … (the part before the dot is a cost line kind, staffing, procurement or buildings).
public struct BaseDataFigure: Hashable, Sendable, Codable, CustomStringConvertible {
    public var path: String

    public init(_ path: String) { self.path = path }

    public init(from decoder: any Decoder) throws {
        path = try decoder.singleValueContainer().decode(String.self)
        guard Self.names[path] != nil else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath,
                debugDescription: "基础数据表中没有“\(path)”；可用：" + Self.names.keys.sorted().joined(separator: "、")))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(path)
    }

    /// The figure's name as the table prints it.
    public var description: String { Self.names[path] ?? path }

    /// Every figure a formula may name, with its printed name.
    static let names: [String: String] = {
        var names = [
            "staffing.authorized": "编制数", "staffing.inPost": "实际在职人数", "staffing.yearEnd": "年末实有人数",
            "procurement.budget": "政府采购预算", "procurement.actual": "政府采购金额",
            "basicAdjustment.budget": "基本支出年初预算", "basicAdjustment.actual": "基本支出预算调整数",
            "buildings.approvedArea": "批复规模", "buildings.actualArea": "实际规模",
            "buildings.budgetedInvestment": "预算投资", "buildings.actualInvestment": "实际投资",
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

extension AgencyBaseData {
    /// The value of `figure` (万元 for money, persons, ㎡); nil when the table leaves it empty.
    public func value(of figure: BaseDataFigure) -> ExactDecimal? {
        let parts = figure.path.split(separator: ".").map(String.init)
        guard parts.count == 2 else { return nil }
        func money(_ figures: CostFigures) -> ExactDecimal? {
            switch parts[1] {
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
        switch parts[0] {
        case "staffing":
            let count = parts[1] == "authorized" ? staffing.authorized : parts[1] == "inPost" ? staffing.inPost : staffing.yearEnd
            return count.map { ExactDecimal($0) }
        case "procurement": return money(procurement)
        case "basicAdjustment": return money(basicBudgetAdjustment)
        case "buildings":
            switch parts[1] {
            case "approvedArea": return sum(buildings.map(\.approvedArea))
            case "actualArea": return sum(buildings.map(\.actualArea))
            case "budgetedInvestment": return sum(buildings.map { $0.budgetedInvestment?.amount(in: .wan) })
            case "actualInvestment": return sum(buildings.map { $0.actualInvestment?.amount(in: .wan) })
            default: return nil
            }
        default:
            guard let kind = CostLineKind(rawValue: parts[0]), let line = line(kind) else { return nil }
            return money(line.figures)
        }
    }
}
