import Foundation

/// The 3-level indicator tree: level-1 categories (一级指标) holding level-2 groups (二级指标) holding indicators.
public struct IndicatorTree: Hashable, Sendable, Codable {
    public var categories: [IndicatorCategory]
    /// Whether the table gives each row its points (分值). Some provinces' tables carry points only in their headers
    /// ("年度绩效目标1（40分）") and each row's 得分; their rows' points are not stated and their scores are taken as stated.
    public var rowPoints: Bool

    public init(categories: [IndicatorCategory] = [], rowPoints: Bool = true) {
        self.categories = categories
        self.rowPoints = rowPoints
    }

    enum CodingKeys: String, CodingKey {
        case categories, rowPoints
    }

    /// `rowPoints` may be left out (true).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            categories: try c.decode([IndicatorCategory].self, forKey: .categories),
            rowPoints: try c.decodeIfPresent(Bool.self, forKey: .rowPoints) ?? true)
    }

    /// Every level-3 indicator, in table order.
    public var indicators: [Indicator] {
        categories.flatMap { $0.groups.flatMap(\.indicators) }
    }
}

/// A level-1 indicator (一级指标, e.g. 产出指标) with the weight its header states ("产出指标（40分）").
public struct IndicatorCategory: Hashable, Sendable, Codable {
    /// The name without the weight, e.g. "产出指标".
    public var name: String
    /// The weight printed in the header, if any.
    public var statedWeight: ExactDecimal?
    public var groups: [IndicatorGroup]

    public init(name: String, statedWeight: ExactDecimal? = nil, groups: [IndicatorGroup] = []) {
        self.name = name
        self.statedWeight = statedWeight
        self.groups = groups
    }
}

/// A level-2 indicator (二级指标, e.g. 数量指标) and its level-3 rows.
public struct IndicatorGroup: Hashable, Sendable, Codable {
    public var name: String
    public var indicators: [Indicator]

    public init(name: String, indicators: [Indicator] = []) {
        self.name = name
        self.indicators = indicators
    }
}
