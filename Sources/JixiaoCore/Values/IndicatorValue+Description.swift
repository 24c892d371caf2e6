import Foundation

extension IndicatorValue: Encodable {
    /// A short Chinese rendering of the reading: "≥90%", "达成（全部完成）", "[203.06万元; 38.69万元]".
    public var summary: String {
        switch self {
        case .empty: "（空）"
        case .notApplicable: "不适用"
        case .quantity(let quantity): quantity.text
        case .achievement(let level, let word): "\(level.label)（\(word)）"
        case .period(let period): "\(period.year)年\(period.qualifier)"
        case .list(let items): "[" + items.map(\.summary).joined(separator: "; ") + "]"
        case .statement: "文字描述"
        case .unreadable(let reason): "无法读取：\(reason)"
        }
    }

    /// The kind of reading, as JSON names it.
    public var kind: String {
        switch self {
        case .empty: "empty"
        case .notApplicable: "notApplicable"
        case .quantity: "quantity"
        case .achievement: "achievement"
        case .period: "period"
        case .list: "list"
        case .statement: "statement"
        case .unreadable: "unreadable"
        }
    }

    enum CodingKeys: String, CodingKey {
        case kind, comparator, number, unit, label, level, word, year, qualifier, items, text, reason
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        switch self {
        case .empty, .notApplicable:
            break
        case .quantity(let quantity):
            try c.encodeIfPresent(quantity.comparator, forKey: .comparator)
            try c.encode(quantity.number.plainText, forKey: .number)
            try c.encodeIfPresent(quantity.unit, forKey: .unit)
            if !quantity.label.isEmpty { try c.encode(quantity.label, forKey: .label) }
        case .achievement(let level, let word):
            try c.encode(level, forKey: .level)
            try c.encode(word, forKey: .word)
        case .period(let period):
            try c.encode(period.year, forKey: .year)
            try c.encode(period.qualifier, forKey: .qualifier)
        case .list(let items):
            try c.encode(items, forKey: .items)
        case .statement(let text):
            try c.encode(text, forKey: .text)
        case .unreadable(let reason):
            try c.encode(reason, forKey: .reason)
        }
    }
}
