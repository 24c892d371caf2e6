/// "比2019年减少8.06万元，下降27.%": a growth or decline rate must be change / last year's amount (this year's
/// amount ∓ the change), and must be a well-formed percentage.
struct ChangeRateRule {
    /// Percent signs after a numeral that ends in a point ("27.%").
    static func malformed(in sentence: ProseSentence) -> String? {
        let scalars = sentence.scalars
        for index in scalars.indices.dropFirst().dropLast() where scalars[index] == "." && Clause.isDigit(scalars[index - 1]) {
            let next = scalars[index + 1]
            if next == "%" || next == "％" {
                var start = index - 1
                while start > 0, Clause.isDigit(scalars[start - 1]) { start -= 1 }
                return ValueReader.string(scalars[start...(index + 1)])
            }
        }
        return nil
    }

    /// Checks the change sentences of one paragraph. "收、支总计各增加A、B，各增长P、Q" pairs each change with the
    /// amounts of the sentence before, in order; otherwise the change belongs to this year's amount it names, else to
    /// the last one stated before it that is not a budget (``current(of:among:)``).
    func check(_ sentences: [ProseSentence]) -> [Finding] {
        var findings: [Finding] = []
        var previousAmounts: [ProseFigure] = []
        for sentence in sentences {
            defer { previousAmounts += sentence.amounts }
            let malformed = Self.malformed(in: sentence)
            let pairs = Self.pairs(in: sentence, previous: previousAmounts)
            if pairs.isEmpty, let malformed {
                findings.append(sentence.finding("prose.malformed", .warning, expected: "完整的百分数", stated: malformed,
                                                 "“\(malformed)”不是完整的百分数"))
            }
            for (change, current, rate) in pairs {
                guard let delta = change.wan, let now = current.wan else { continue }
                let base = change.lead.hasSuffix("减少") || sentence.has("各减少") ? now + delta : now - delta
                guard let ratio = delta.divided(by: base) else { continue }
                let computed = ratio * 100
                if let malformed, rate == nil {
                    findings.append(sentence.finding(
                        "prose.malformed", .warning, expected: computed.fixed(1) + "%", stated: malformed,
                        "“\(malformed)”不是完整的百分数；按 \(change.printed) / 上年 \(base.plainText)万元 计应为 \(computed.fixed(1))%"))
                } else if let rate {
                    let decimals = PrintedPrecision.decimals(of: rate.numeral)
                    if !PrintedPrecision.matches(computed, stated: rate.value, decimals: decimals) {
                        findings.append(sentence.finding(
                            "prose.growth", .error, expected: computed.fixed(max(decimals, 1)) + "%", stated: rate.printed,
                            "变动率应为 \(change.printed) / 上年 \(base.plainText)万元 = \(computed.fixed(2))%，文中写作 \(rate.printed)"))
                    }
                }
            }
        }
        return findings
    }

    /// (change, this year's amount, stated rate) triples of a sentence.
    static func pairs(in sentence: ProseSentence, previous: [ProseFigure]) -> [(ProseFigure, ProseFigure, ProseFigure?)] {
        if let start = sentence.offset(after: "各增加") ?? sentence.offset(after: "各减少") {
            let changes = sentence.amounts.filter { $0.range.lowerBound >= start }
            let rateStart = sentence.offset(after: "各增长") ?? sentence.offset(after: "各下降") ?? sentence.scalars.count
            let rates = sentence.figures.filter { $0.isPercent && $0.range.lowerBound >= rateStart }
            let currents = Array(previous.filter { FigureRole.of($0) == .current }.suffix(changes.count))
            // Changes and rates that do not pair one to one cannot be told apart.
            guard currents.count == changes.count, rates.isEmpty || rates.count == changes.count else { return [] }
            return changes.indices.map { (changes[$0], currents[$0], $0 < rates.count ? rates[$0] : nil) }
        }
        let changes = sentence.amounts.filter { ["增加", "减少"].contains(where: $0.lead.hasSuffix) }
        guard changes.count == 1, let change = changes.first else { return [] }
        let earlier = (previous + sentence.amounts.filter { $0.range.upperBound <= change.range.lowerBound })
            .filter { FigureRole.of($0) == .current }
        guard let current = Self.current(of: change, among: earlier) else { return [] }
        let rates = sentence.figures.filter { $0.isPercent && ["增长", "下降"].contains(where: $0.lead.hasSuffix) }
        return [(change, current, rates.count == 1 ? rates[0] : nil)]
    }

    /// This year's amount a change is against: the last one stated before it, preferring one of the item the change
    /// names ("与2021年相比收入总计减少…" is against 收入总计) and, unless the change is of a budget, not a budget
    /// ("决算为62.07万元，完成全年预算84.82万元的73.2%，比上年决算数增加38.97万元" is against 62.07).
    static func current(of change: ProseFigure, among earlier: [ProseFigure]) -> ProseFigure? {
        let clause = change.leadClause()
        var subject = clause
        for word in FigureRole.comparisonWords where subject.contains(word) {
            subject = String(subject[subject.range(of: word)!.upperBound...])
        }
        subject = subject.replacing(/^[的]?(决算数|决算)?/, with: "")
        for verb in FigureRole.decreaseWords + FigureRole.increaseWords where subject.hasSuffix(verb) { subject.removeLast(verb.count) }
        if subject.count >= 2, let named = earlier.last(where: { $0.lead.contains(subject) }) { return named }
        let budgets = clause.contains("预算") ? [] : earlier.filter { RateRule.side(of: $0) == .denominator }
        return earlier.last { !budgets.contains($0) } ?? earlier.last
    }
}
