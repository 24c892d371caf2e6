/// "X支出A万元，占P%": each share must be A / total, the total being the amount that leads the list
/// ("…支出2491.62万元，主要用于以下方面:") or, when none leads it, the sum of the listed amounts.
struct ShareRule {
    func check(_ clauses: [ProseSentence], total: ProseFigure?) -> [Finding] {
        let items = clauses.compactMap { clause -> (ProseSentence, ProseFigure, ProseFigure)? in
            guard let share = clause.figures.first(where: { $0.isPercent && $0.lead.hasSuffix("占") }),
                let amount = clause.amounts.last(where: { $0.range.upperBound <= share.range.lowerBound })
            else { return nil }
            return (clause, amount, share)
        }
        guard items.count >= 2 else { return [] }
        let denominator: ExactDecimal
        let totalText: String
        if let total, let value = total.wan {
            denominator = value
            totalText = total.printed
        } else {
            denominator = items.reduce(ExactDecimal.zero) { $0 + ($1.1.wan ?? .zero) }
            totalText = "各项合计 \(denominator.plainText)万元"
        }
        return items.compactMap { clause, amount, share in
            // An amount in 元 among 万元 is a unit slip (reported by the unit rule); its share is judged in 万元.
            let slip = amount.kind == .amount(unit: .yuan)
            guard let part = slip ? amount.value : amount.wan, let ratio = part.divided(by: denominator) else { return nil }
            let computed = ratio * 100
            let decimals = PrintedPrecision.decimals(of: share.numeral)
            guard !PrintedPrecision.matches(computed, stated: share.value, decimals: decimals) else { return nil }
            let shown = slip ? amount.numeral + "万元" : amount.printed
            return clause.finding(
                "prose.share", .error, expected: computed.fixed(max(decimals, 2)) + "%", stated: share.printed,
                "占比应为 \(shown) / \(totalText) = \(computed.fixed(2))%，文中写作 \(share.printed)")
        }
    }
}
