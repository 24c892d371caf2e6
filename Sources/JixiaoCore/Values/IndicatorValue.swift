import Foundation

/// What an indicator's target or actual text says, read into a typed value.
public indirect enum IndicatorValue: Hashable, Sendable {
    /// Nothing written.
    case empty
    /// "/" and the like: the indicator does not apply.
    case notApplicable
    /// A measurable figure: comparator, number, unit ("≥90%", "不少于4次", "180万元").
    case quantity(Quantity)
    /// A qualitative level ("全部完成", "基本达到预期效果", "是").
    case achievement(Achievement, word: String)
    /// A time frame ("2023年全年", "2020年").
    case period(Period)
    /// Several values written as one ("1.是；2.是。", "12名在职人员和1名退休人员").
    case list([IndicatorValue])
    /// Words that describe a goal with no figure to measure ("全市安全生产形势稳定向好。").
    case statement(String)
    /// Text that cannot be read without guessing, with the reason (fail closed).
    case unreadable(reason: String)
}

/// The direction of a comparison as written ("≥", "不少于", "以下" …).
public enum Comparator: String, Hashable, Sendable, Codable {
    case atLeast = "≥"
    case greaterThan = ">"
    case atMost = "≤"
    case lessThan = "<"
    case equal = "="

    /// Which scoring formula the comparator calls for.
    public var direction: Direction {
        switch self {
        case .atLeast, .greaterThan: .positive
        case .atMost, .lessThan: .negative
        case .equal: .equality
        }
    }
}

/// The scoring direction of a quantitative indicator (DOMAIN.md §3).
public enum Direction: String, Hashable, Sendable, Codable {
    /// More is better (≥, 不少于, 以上).
    case positive
    /// Less is better (≤, 不超过, 以下; most cost indicators).
    case negative
    /// Exactly the target (=).
    case equality
}

/// A number with its comparator, unit and the words around it.
public struct Quantity: Hashable, Sendable {
    public var comparator: Comparator?
    public var number: ExactDecimal
    /// The unit as normalised: "%", "万元", "元", "次", "人" …; nil when none is written.
    public var unit: String?
    /// The rest of the words, e.g. "在职人员" in "12名在职人员".
    public var label: String

    public init(comparator: Comparator? = nil, number: ExactDecimal, unit: String? = nil, label: String = "") {
        self.comparator = comparator
        self.number = number
        self.unit = unit
        self.label = label
    }

    /// "≥90%", "4次".
    public var text: String {
        (comparator?.rawValue ?? "") + number.plainText + (unit ?? "")
    }

    /// The amount as money when the unit is one of 元 / 万元 / 亿元.
    public var money: Money? {
        guard let unit, let moneyUnit = MoneyUnit(rawValue: unit) else { return nil }
        return Money(number, unit: moneyUnit)
    }
}

/// A qualitative level (定性): the three bands of DOMAIN.md §3.
public enum Achievement: String, Hashable, Sendable, Codable, CaseIterable {
    /// 达成
    case achieved
    /// 部分达成
    case partial
    /// 未达成
    case notAchieved

    public var label: String {
        switch self {
        case .achieved: "达成"
        case .partial: "部分达成"
        case .notAchieved: "未达成"
        }
    }
}

/// A time frame such as "2023年全年" or "2020年".
public struct Period: Hashable, Sendable {
    public var year: Int
    /// What follows the year ("全年", "底前", "12月底前"), empty for the bare year.
    public var qualifier: String

    public init(year: Int, qualifier: String = "") {
        self.year = year
        self.qualifier = qualifier
    }
}
