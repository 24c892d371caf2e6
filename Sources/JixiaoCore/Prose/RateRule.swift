/// A rate printed beside its amounts ("预算数为20.62万元，决算数为31.02万元，完成年初预算的100%") must be
/// numerator / denominator at the printed precision. A 控制率 that equals 1 − actual/budget is the saving rate.
struct RateRule {
    static let keywords = ["完成年初预算的", "完成预算的", "完成预算", "预算完成率为", "预算完成率", "执行率", "完成率",
                           "使用率", "到位率", "控制率为", "控制率", "支付率"]
    static let numeratorWords = ["完成预算数", "决算数", "决算", "执行数", "实际支出", "实际发生数", "发生数", "已支付", "支出决算",
                                 "完成数", "实际使用", "支付"]
    static let denominatorWords = ["预算数", "预算", "批复", "下达", "安排", "申请"]

    /// Whether an amount is the numerator: the label word written last before it decides.
    static func isNumerator(_ figure: ProseFigure) -> Bool? {
        func lastEnd(_ words: [String]) -> (Int, Int)? {
            words.compactMap { word -> (Int, Int)? in
                guard let range = figure.lead.range(of: word, options: .backwards) else { return nil }
                return (figure.lead.distance(from: figure.lead.startIndex, to: range.upperBound), word.count)
            }.max { ($0.0, $0.1) < ($1.0, $1.1) }
        }
        switch (lastEnd(numeratorWords), lastEnd(denominatorWords)) {
        case (nil, nil): return nil
        case (.some, nil): return true
        case (nil, .some): return false
        case (let n?, let d?): return (n.0, n.1) >= (d.0, d.1)
        }
    }

    func check(_ sentence: ProseSentence, sectionBudget: ProseFigure?) -> Finding? {
        guard let keyword = Self.keywords.first(where: sentence.has), let keywordOffset = sentence.offset(after: keyword),
            let stated = sentence.figures.first(where: { $0.isPercent && $0.range.lowerBound >= keywordOffset })
        else { return nil }
        let amounts = sentence.amounts.filter { $0.range.upperBound <= stated.range.lowerBound }
        var numerator: ProseFigure?
        var denominator: ProseFigure?
        for amount in amounts {
            switch Self.isNumerator(amount) {
            case true?: numerator = numerator ?? amount
            case false?: denominator = denominator ?? amount
            case nil:
                if denominator == nil { denominator = amount } else if numerator == nil { numerator = amount }
            }
        }
        if denominator == nil, amounts.count == 1, numerator != nil { denominator = sectionBudget }
        guard let numerator, let denominator, let top = numerator.wan, let bottom = denominator.wan else { return nil }
        let decimals = PrintedPrecision.decimals(of: stated.numeral)
        guard let ratio = top.divided(by: bottom) else {
            return sentence.finding("rate.zero-denominator", .error, expected: "无法计算", stated: stated.printed,
                                    "\(keyword)的分母（\(denominator.printed)）为零，不能写成 \(stated.printed)")
        }
        let computed = ratio * 100
        if PrintedPrecision.matches(computed, stated: stated.value, decimals: decimals) { return nil }
        if keyword.hasPrefix("控制率"), PrintedPrecision.matches(100 - computed, stated: stated.value, decimals: decimals) {
            return sentence.finding(
                "rate.definition", .error, expected: computed.fixed(decimals) + "%", stated: stated.printed,
                "控制率 = 实际 / 预算 = \(numerator.printed) / \(denominator.printed) = \(computed.fixed(2))%；文中的 \(stated.printed) 是节约率（1 − 控制率），指标口径错误")
        }
        return sentence.finding(
            "prose.rate", .error, expected: computed.fixed(max(decimals, 2)) + "%", stated: stated.printed,
            "\(keyword)应为 \(numerator.printed) / \(denominator.printed) = \(computed.fixed(2))%，文中写作 \(stated.printed)")
    }
}
