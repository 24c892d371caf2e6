/// What an amount in a sentence stands for, read from the clause that leads it: this period's amount, a change
/// against an earlier period ("同比减少62.52万元", "比上年增加5万元"), or an earlier period's amount ("上年为816.80万元").
/// Rules add and compare only amounts of one role: a change is never a part of this year's total.
enum FigureRole: Hashable, Sendable {
    case current
    /// A change, with its sign: a decrease is negative.
    case change(negative: Bool)
    case earlier

    /// The words that open a comparison with an earlier period, and the verbs of change.
    static let comparisonWords = ["同比", "比上年", "较上年", "比去年", "较去年", "相比", "比年初", "较年初"]
    static let decreaseWords = ["减少", "下降", "降低"]
    static let increaseWords = ["增加", "增长", "上升", "提高"]
    /// An earlier period named without a comparison; carry-overs from the last year are this period's amounts.
    static let earlierWords = ["上年", "去年"]
    static let carryOverWords = ["结转", "结余"]
    /// Amounts that adjust or carry a budget rather than state it: neither side of a rate, never a part of a total.
    static let adjustmentWords = ["追加", "调增", "调减", "收回"] + carryOverWords

    /// "比2019年", "较2022年": a comparison with a named year (scanned, not matched with an expression built per call).
    static func namesEarlierYear(_ text: String) -> Bool {
        let characters = Array(text)
        guard characters.count >= 6 else { return false }
        for index in 0...(characters.count - 6) where characters[index] == "比" || characters[index] == "较" {
            if characters[index + 1] == "2", characters[index + 2] == "0", characters[index + 3].isASCII, characters[index + 3].isNumber,
                characters[index + 4].isASCII, characters[index + 4].isNumber, characters[index + 5] == "年" {
                return true
            }
        }
        return false
    }

    /// The role of `figure`: the last clause of its lead decides.
    static func of(_ figure: ProseFigure) -> FigureRole {
        let clause = figure.leadClause()
        let verbs = decreaseWords + increaseWords
        // A verb just before the amount ("…决算增加0.05万元") is a change; one that opens the clause ("提高干部报酬100万元")
        // only after a comparison ("与上年相比，增加…").
        let compares = { (text: String) in comparisonWords.contains(where: text.contains) || Self.namesEarlierYear(text) }
        if compares(clause) || verbs.contains(where: { clause.hasSuffix($0) || clause.hasSuffix($0 + "了") })
            || verbs.contains(where: clause.hasPrefix) && compares(figure.lead) {
            // "比上年的30万元减少…": the amount that follows the comparison without a verb is the earlier year's.
            guard let last = verbs.compactMap({ word in clause.range(of: word, options: .backwards).map { (word, $0.lowerBound) } })
                .max(by: { $0.1 < $1.1 })
            else { return .earlier }
            return .change(negative: decreaseWords.contains(last.0))
        }
        if earlierWords.contains(where: clause.contains), !carryOverWords.contains(where: clause.contains) { return .earlier }
        return .current
    }

    /// Whether two roles are added and compared with each other: this period with this period, a change with a change.
    func adds(with other: FigureRole) -> Bool {
        switch (self, other) {
        case (.current, .current), (.change, .change): true
        default: false
        }
    }

    /// The figure's value as a term of a sum of its role: a decrease counts negative.
    func signed(_ value: ExactDecimal) -> ExactDecimal {
        if case .change(negative: true) = self { return -value }
        return value
    }
}
