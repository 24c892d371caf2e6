/// A figure printed in a sentence: an amount (元 / 万元 / 亿元, or a bare number where an amount is meant),
/// a percentage, or a count, with its position and the words just before it.
struct ProseFigure: Hashable, Sendable {
    enum Kind: Hashable, Sendable {
        /// An amount; `unit` nil when the number is bare ("决算数为2491.62").
        case amount(unit: MoneyUnit?)
        case percent
        case count(unit: String)
        case number
    }

    var kind: Kind
    var value: ExactDecimal
    /// The numeral as printed ("77.6"), for its precision.
    var numeral: String
    /// Scalar offsets of the figure with its unit in the sentence.
    var range: Range<Int>
    /// The text between the previous figure (or the sentence start) and this one.
    var lead: String

    /// The amount in 万元, reading a bare number as 万元 (the unit of the official tables).
    var wan: ExactDecimal? {
        guard case .amount(let unit) = kind else { return nil }
        return value * ExactDecimal(significand: 1, exponent: (unit ?? .wan).fenExponent - MoneyUnit.wan.fenExponent)
    }

    /// The last clause of the lead, the words that label this figure ("，比上年减少" → "比上年减少").
    func leadClause(separators: String = "，,；;。：:") -> String {
        lead.split(whereSeparator: { separators.contains($0) }).last.map(String.init) ?? lead
    }

    var isPercent: Bool { kind == .percent }
    var isAmount: Bool { if case .amount = kind { true } else { false } }

    /// "14.31元", "0.04%".
    var printed: String {
        switch kind {
        case .amount(let unit): numeral + (unit?.rawValue ?? "")
        case .percent: numeral + "%"
        case .count(let unit): numeral + unit
        case .number: numeral
        }
    }
}
