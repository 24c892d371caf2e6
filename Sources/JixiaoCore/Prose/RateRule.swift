/// A rate printed beside its amounts ("预算数为20.62万元，决算数为31.02万元，完成年初预算的100%") must be
/// numerator / denominator at the printed precision. A 控制率 that equals 1 − actual/budget is the saving rate.
struct RateRule {
    static let keywords = ["完成年初预算的", "完成预算的", "完成预算", "预算完成率为", "预算完成率", "执行率", "完成率",
                           "使用率", "到位率", "控制率为", "控制率", "支付率"]
    static let numeratorWords = ["完成预算数", "决算数", "决算", "执行数", "实际支出", "实际发生数", "发生数", "已支付", "支出决算",
                                 "完成数", "实际使用", "支付"]
    static let denominatorWords = ["预算数", "预算", "批复", "下达", "安排", "申请"]

    /// Amounts led by these words are neither side of a rate: additions, adjustments, balances.
    static let otherWords = FigureRole.adjustmentWords + ["增加", "减少"]
    /// Counts planned and counts done ("计划培训500人次，实际完成460人次，完成率92%").
    static let plannedWords = ["计划", "目标", "预计", "应完成", "应当"]
    static let doneWords = ["实际", "完成", "已"]

    /// Which side of a rate an amount is on: the label word written last before it decides; nil when unlabelled.
    enum Side { case numerator, denominator, neither }

    /// Funds whose names hold 预算 without naming a budget ("一般公共预算财政拨款收入" is an amount received).
    static let fundNames = ["一般公共预算", "政府性基金预算", "国有资本经营预算", "社会保险基金预算"]

    static func side(of figure: ProseFigure) -> Side? {
        let lead = fundNames.reduce(figure.lead) { $0.replacingOccurrences(of: $1, with: "") }
        func lastEnd(_ words: [String]) -> (Int, Int)? {
            words.compactMap { word -> (Int, Int)? in
                guard let range = lead.range(of: word, options: .backwards) else { return nil }
                return (lead.distance(from: lead.startIndex, to: range.upperBound), word.count)
            }.max { ($0.0, $0.1) < ($1.0, $1.1) }
        }
        let candidates: [(Side, (Int, Int))] = [
            lastEnd(numeratorWords).map { (.numerator, $0) }, lastEnd(denominatorWords).map { (.denominator, $0) },
            lastEnd(otherWords).map { (.neither, $0) },
        ].compactMap { $0 }
        return candidates.max { ($0.1.0, $0.1.1) < ($1.1.0, $1.1.1) }?.0
    }

    func check(_ sentence: ProseSentence, sectionBudget: ProseFigure?) -> Finding? {
        guard let keyword = Self.keywords.first(where: sentence.has), let keywordOffset = sentence.offset(after: keyword),
            let stated = sentence.figures.first(where: { $0.isPercent && $0.range.lowerBound >= keywordOffset })
        else { return nil }
        let amounts = sentence.amounts.filter { $0.range.upperBound <= stated.range.lowerBound }
        if amounts.isEmpty { return countRate(sentence, keyword: keyword, stated: stated) }
        var numerators: [ProseFigure] = []
        var denominators: [ProseFigure] = []
        var unlabelled: [ProseFigure] = []
        for amount in amounts {
            switch Self.side(of: amount) {
            case .numerator?: numerators.append(amount)
            case .denominator?: denominators.append(amount)
            case .neither?: break
            case nil: unlabelled.append(amount)
            }
        }
        // Unlabelled amounts fill a missing side in order: the budget first, then what was spent.
        for amount in unlabelled {
            if denominators.isEmpty { denominators.append(amount) } else if numerators.isEmpty { numerators.append(amount) }
        }
        if denominators.isEmpty, amounts.count == 1, !numerators.isEmpty, let sectionBudget { denominators = [sectionBudget] }
        guard let numerator = numerators.last, let denominator = preferredDenominator(denominators, keyword: keyword) else { return nil }
        // Several budgets (年初, 调整后, 全年) give several rates: any one of them printed is not an error.
        let decimals = PrintedPrecision.decimals(of: stated.numeral)
        let pairs = numerators.flatMap { top in denominators.map { (top, $0) } }
        if pairs.contains(where: { top, bottom in
            guard let value = top.wan, let base = bottom.wan, let ratio = value.divided(by: base) else { return false }
            return PrintedPrecision.matches(ratio * 100, stated: stated.value, decimals: decimals)
        }) {
            return nil
        }
        return rateFinding(sentence, keyword: keyword, stated: stated, numerator: numerator, denominator: denominator)
    }

    /// The budget a rate is taken against: 年初 for "完成年初预算", else the last one named (全年 after 年初 and 追加).
    private func preferredDenominator(_ denominators: [ProseFigure], keyword: String) -> ProseFigure? {
        if keyword.contains("年初") { return denominators.first { $0.lead.contains("年初") } ?? denominators.last }
        return denominators.last
    }

    /// A completion rate of counts: done / planned, the two counts in the same unit.
    private func countRate(_ sentence: ProseSentence, keyword: String, stated: ProseFigure) -> Finding? {
        guard keyword == "完成率" else { return nil }
        let counts = sentence.figures.filter { figure in
            if case .count = figure.kind { return figure.range.upperBound <= stated.range.lowerBound }
            return false
        }
        guard counts.count == 2, counts[0].kind == counts[1].kind,
            Self.plannedWords.contains(where: counts[0].lead.contains), Self.doneWords.contains(where: counts[1].lead.contains),
            let ratio = counts[1].value.divided(by: counts[0].value)
        else { return nil }
        let decimals = PrintedPrecision.decimals(of: stated.numeral)
        let computed = ratio * 100
        if PrintedPrecision.matches(computed, stated: stated.value, decimals: decimals) { return nil }
        return sentence.finding(
            "prose.rate", .error, expected: computed.fixed(max(decimals, 2)) + "%", stated: stated.printed,
            "\(keyword)应为 \(counts[1].printed) / \(counts[0].printed) = \(computed.fixed(2))%，文中写作 \(stated.printed)")
    }

    private func rateFinding(
        _ sentence: ProseSentence, keyword: String, stated: ProseFigure, numerator: ProseFigure, denominator: ProseFigure
    ) -> Finding? {
        guard let top = numerator.wan, let bottom = denominator.wan else { return nil }
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
