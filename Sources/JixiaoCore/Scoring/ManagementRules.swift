/// The management indicators of a department's overall evaluation (在职人员控制率, "三公"经费控制率, 预算编制完整性 …)
/// as a profile states them: each rate's formula, the bands that give its points, each checklist item's criteria, the
/// groups and the points their headers print. A province adds or changes its block in its profile file, not in code.
public struct ManagementRules: Hashable, Sendable, Codable {
    /// "部门管理"
    public var name: String
    /// Whether the block's points are part of the evaluation's total (seed 001's 30 points are; where the 自评表 has no
    /// such rows the rates are computed and checked but not added).
    public var countsInTotal: Bool
    /// The block's groups with the points their headers print ("预算编审管理（6分）"). With groups, the block is scored
    /// group by group: the group's points less what its items lose; without, item by item.
    public var groups: [ManagementGroupRule]
    public var indicators: [ManagementIndicatorRule]

    public init(name: String, countsInTotal: Bool, groups: [ManagementGroupRule] = [], indicators: [ManagementIndicatorRule]) {
        self.name = name
        self.countsInTotal = countsInTotal
        self.groups = groups
        self.indicators = indicators
    }

    enum CodingKeys: String, CodingKey {
        case name, countsInTotal, groups, indicators
    }

    /// `groups` may be left out (the block is then scored item by item).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            name: try c.decode(String.self, forKey: .name),
            countsInTotal: try c.decode(Bool.self, forKey: .countsInTotal),
            groups: try c.decodeIfPresent([ManagementGroupRule].self, forKey: .groups) ?? [],
            indicators: try c.decode([ManagementIndicatorRule].self, forKey: .indicators))
    }

    /// The block's points: its groups' where it has groups, else its items'.
    public var weight: ExactDecimal {
        groups.isEmpty ? indicators.reduce(0) { $0 + ($1.weight ?? 0) } : groups.reduce(0) { $0 + $1.weight }
    }

    /// The indicators of group `name`, in profile order.
    public func indicators(in name: String) -> [ManagementIndicatorRule] {
        indicators.filter { $0.group == name }
    }

    /// Why these rules cannot be used: an indicator in no group, items whose points exceed their group's header, a
    /// fallback that names no rate; nil when they are sound.
    public var problem: String? {
        let ids = Set(indicators.map(\.id))
        if ids.count != indicators.count { return "管理指标的 id 有重复" }
        for rule in indicators {
            if rule.formula == nil && rule.fallback == nil && !rule.bands.isEmpty { return "管理指标“\(rule.name)”有得分档但没有公式" }
            if let fallback = rule.fallback, fallback == rule.id || indicators.first(where: { $0.id == fallback })?.formula == nil {
                return "管理指标“\(rule.name)”的替代指标“\(fallback)”不是有公式的指标"
            }
            if groups.isEmpty && rule.weight == nil { return "管理指标“\(rule.name)”没有分值，且评分规则未分组" }
        }
        guard !groups.isEmpty else { return nil }
        for rule in indicators where !groups.contains(where: { $0.name == rule.group }) {
            return "管理指标“\(rule.name)”所属的“\(rule.group)”不在评分规则的分组中"
        }
        for group in groups {
            let items = indicators(in: group.name)
            if items.isEmpty { return "管理指标分组“\(group.name)”没有指标" }
            let stated = items.compactMap(\.weight).reduce(0, +)
            let unstated = items.filter { $0.weight == nil }.count
            if stated > group.weight || (unstated == 0 && stated != group.weight) {
                return "管理指标分组“\(group.name)”各项分值之和 \(stated.plainText) 与其标题的 \(group.weight.plainText) 分不符"
            }
        }
        return nil
    }
}

/// A group of the management block as its header prints it: "预算编审管理（6分）".
public struct ManagementGroupRule: Hashable, Sendable, Codable {
    public var name: String
    public var weight: ExactDecimal

    public init(name: String, weight: ExactDecimal) {
        self.name = name
        self.weight = weight
    }
}

/// One management indicator: a rate of two figures scored by bands, or a checklist item (its criteria; the unit's
/// review says what it loses).
public struct ManagementIndicatorRule: Hashable, Sendable, Codable {
    public var id: String
    /// "在职人员控制率"
    public var name: String
    /// The group of the management block it belongs to ("部门预算管理").
    public var group: String
    /// The item's points; nil where the rules publish only the group's (the group is then scored as a whole: its
    /// points less what its items lose).
    public var weight: ExactDecimal?
    /// The rate, for a computed indicator; nil for a checklist item.
    public var formula: RateFormula?
    /// The first band the rate falls in gives its share of the weight; a rate in no band scores 0. Empty where the
    /// rules publish no standard for the rate: it is computed and checked, and the unit's own deduction stands.
    public var bands: [RateBand]
    /// What full marks require, for a checklist item ("已制定预算资金管理办法、内部财务管理制度…").
    public var criteria: [String]
    /// Where the formula has no data (or the item has none), the indicator whose rate stands in (支付进度率 without a
    /// payment schedule is scored by 预算完成率).
    public var fallback: String?

    public init(id: String, name: String, group: String, weight: ExactDecimal?, formula: RateFormula? = nil,
                bands: [RateBand] = [], criteria: [String] = [], fallback: String? = nil) {
        self.id = id
        self.name = name
        self.group = group
        self.weight = weight
        self.formula = formula
        self.bands = bands
        self.criteria = criteria
        self.fallback = fallback
    }

    enum CodingKeys: String, CodingKey {
        case id, name, group, weight, formula, bands, criteria, fallback
    }

    /// `id`, `name` and `group` are required; the rest may be left out.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try c.decode(String.self, forKey: .id),
            name: try c.decode(String.self, forKey: .name),
            group: try c.decode(String.self, forKey: .group),
            weight: try c.decodeIfPresent(ExactDecimal.self, forKey: .weight),
            formula: try c.decodeIfPresent(RateFormula.self, forKey: .formula),
            bands: try c.decodeIfPresent([RateBand].self, forKey: .bands) ?? [],
            criteria: try c.decodeIfPresent([String].self, forKey: .criteria) ?? [],
            fallback: try c.decodeIfPresent(String.self, forKey: .fallback))
    }
}

/// numerator / denominator (a ratio), or (numerator − denominator) / denominator (a change), in percent.
public struct RateFormula: Hashable, Sendable, Codable {
    public var kind: Kind
    public var numerator: AgencyFigure
    public var denominator: AgencyFigure

    public enum Kind: String, Hashable, Sendable, Codable {
        case ratio, change
    }

    /// "“三公”经费控制率 = “三公”经费本年决算数 / “三公”经费本年预算数"
    func text(named name: String) -> String {
        "\(name) = \(kind == .change ? "（\(numerator) − \(denominator)）" : "\(numerator)") / \(denominator)"
    }
}

/// A range of a rate (percent, bounds inclusive) and the share of the weight it earns: a fixed share (1 = full), or
/// the rate itself (`proportional`: 77.65 % earns 77.65 % of the weight, at most all of it).
public struct RateBand: Hashable, Sendable, Codable {
    public var atLeast: ExactDecimal?
    public var atMost: ExactDecimal?
    public var share: ExactDecimal?
    public var proportional: Bool?

    public init(atLeast: ExactDecimal? = nil, atMost: ExactDecimal? = nil, share: ExactDecimal? = nil, proportional: Bool? = nil) {
        self.atLeast = atLeast
        self.atMost = atMost
        self.share = share
        self.proportional = proportional
    }

    public func contains(_ rate: ExactDecimal) -> Bool {
        (atLeast.map { rate >= $0 } ?? true) && (atMost.map { rate <= $0 } ?? true)
    }

    /// The share of the weight `rate` earns in this band.
    public func share(of rate: ExactDecimal) -> ExactDecimal {
        proportional == true ? min(max(rate, 0), 100).divided(by: 100) ?? 0 : share ?? 0
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
