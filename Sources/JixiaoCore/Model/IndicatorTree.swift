import Foundation

/// The 3-level indicator tree: level-1 categories (一级指标) holding level-2 groups (二级指标) holding indicators.
public struct IndicatorTree: Hashable, Sendable, Codable {
    public var categories: [IndicatorCategory]

    public init(categories: [IndicatorCategory] = []) {
        self.categories = categories
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
