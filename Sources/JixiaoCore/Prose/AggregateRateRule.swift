/// "决算数为2491.62，完成预算100%。其中：" followed by numbered items "支出决算为X万元，完成预算Y%": the overall rate is
/// Σ spent / Σ (spent / rate) over the items, so 100 % overall is impossible when every item is at most 100 % and
/// one is below.
struct AggregateRateRule {
    func check(_ paragraphs: [Paragraph], at index: Int) -> Finding? {
        let head = ProseSentence(text: paragraphs[index].text, location: paragraphs[index].location)
        guard head.has("其中"), let keyword = head.offset(after: "完成预算"),
            let stated = head.figures.first(where: { $0.isPercent && $0.range.lowerBound >= keyword })
        else { return nil }
        var spentTotal = ExactDecimal.zero
        var budgetTotal = ExactDecimal.zero
        var items = 0
        for paragraph in paragraphs[(index + 1)...] {
            let item = ProseSentence(text: paragraph.text, location: paragraph.location)
            guard let start = item.offset(after: "完成预算"),
                let rate = item.figures.first(where: { $0.isPercent && $0.range.lowerBound >= start }),
                let spent = item.amounts.last(where: { $0.range.upperBound <= rate.range.lowerBound })?.wan,
                rate.value > .zero, let budget = (spent * 100).divided(by: rate.value)
            else { break }
            spentTotal += spent
            budgetTotal += budget
            items += 1
        }
        guard items >= 2, let ratio = spentTotal.divided(by: budgetTotal) else { return nil }
        let computed = ratio * 100
        let decimals = PrintedPrecision.decimals(of: stated.numeral)
        // Item rates are printed rounded, so their implied budgets carry that rounding: allow a point either way.
        guard (computed - stated.value).magnitude > 1 else { return nil }
        return head.finding(
            "prose.rate-aggregate", .error, expected: computed.fixed(max(decimals, 1)) + "%", stated: stated.printed,
            "其后 \(items) 项的决算合计 \(spentTotal.plainText)万元，按各项完成率反推预算合计约 \(budgetTotal.fixed(2))万元，总完成率约 \(computed.fixed(1))%，不可能是 \(stated.printed)")
    }
}
