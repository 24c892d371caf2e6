/// "X支出A万元，占P%": each share must be A / total, the total being an amount stated before the list
/// ("…支出2491.62万元，主要用于以下方面:") or, when none is, the sum of the listed amounts. When several amounts
/// precede the list (a budget and its 决算), the shares are of the one most of them fit, the nearest on a tie.
struct ShareRule {
    func check(_ clauses: [ProseSentence], totals: [ProseFigure]) -> [Finding] {
        let items = clauses.compactMap { clause -> (ProseSentence, ProseFigure, ProseFigure)? in
            guard let share = clause.figures.first(where: { $0.isPercent && $0.lead.hasSuffix("占") }),
                let amount = clause.amounts.last(where: { $0.range.upperBound <= share.range.lowerBound })
            else { return nil }
            return (clause, amount, share)
        }
        guard items.count >= 2 else { return [] }
        let denominator: ExactDecimal
        let totalText: String
        // The total most shares fit (the nearest on a tie): one wrong share does not make the others wrong.
        let fitting = totals.map { total in items.filter { Self.fits($0.1, $0.2, total: total) }.count }
        if let best = fitting.indices.max(by: { (fitting[$0], -$0) < (fitting[$1], -$1) }), let value = totals[best].wan {
            let total = totals[best]
            denominator = value
            totalText = total.printed
        } else {
            denominator = items.reduce(ExactDecimal.zero) { $0 + ($1.1.wan ?? .zero) }
            totalText = "各项合计 \(denominator.plainText)万元"
        }
        return items.compactMap { clause, amount, share in
            let slip = amount.kind == .amount(unit: .yuan)
            guard let computed = Self.share(amount, of: denominator) else { return nil }
            let decimals = PrintedPrecision.decimals(of: share.numeral)
            guard !PrintedPrecision.matches(computed, stated: share.value, decimals: decimals) else { return nil }
            let shown = slip ? amount.numeral + "万元" : amount.printed
            return clause.finding(
                "prose.share", .error, expected: computed.fixed(max(decimals, 2)) + "%", stated: share.printed,
                "占比应为 \(shown) / \(totalText) = \(computed.fixed(2))%，文中写作 \(share.printed)")
        }
    }

    /// The share of `amount` in `total`, in percent. An amount in 元 among 万元 is a unit slip (reported by the unit
    /// rule); its share is judged in 万元.
    static func share(_ amount: ProseFigure, of total: ExactDecimal) -> ExactDecimal? {
        let part = amount.kind == .amount(unit: .yuan) ? amount.value : amount.wan
        return part.flatMap { $0.divided(by: total) }.map { $0 * 100 }
    }

    static func fits(_ amount: ProseFigure, _ stated: ProseFigure, total: ProseFigure) -> Bool {
        guard let value = total.wan, let computed = share(amount, of: value) else { return false }
        return PrintedPrecision.matches(computed, stated: stated.value, decimals: PrintedPrecision.decimals(of: stated.numeral))
    }
}
