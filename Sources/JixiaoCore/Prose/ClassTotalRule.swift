/// Functional classification (功能分类): a class (类) total must equal the sum of its items (项) wherever the
/// report prints both, e.g. "灾害防治及应急管理（类）支出2177.82万元" against the five "…（类）…（款）…（项）:
/// 支出决算为…" lines of that class.
struct ClassTotalRule {
    struct Entry {
        var sentence: ProseSentence
        var amount: ProseFigure
    }

    private var totals: [String: Entry] = [:]
    private var items: [String: [Entry]] = [:]
    private var order: [String] = []

    /// "灾害防治及应急管理支出（类）" and "灾害防治及应急管理（类）" name the same class.
    static func className(_ text: Substring) -> String {
        var name = String(text)
        if let last = name.lastIndex(where: { "，,：:；;。、".contains($0) }) { name = String(name[name.index(after: last)...]) }
        name = name.replacingOccurrences(of: "支出", with: "")
        while let first = name.first, first.isNumber || first == "." || first == "、" { name.removeFirst() }
        return name
    }

    /// Reads every "（类）" clause of a sentence.
    mutating func collect(_ sentence: ProseSentence) {
        guard sentence.has("类)") || sentence.has("类）") else { return }
        let text = String(String.UnicodeScalarView(sentence.scalars))
        var clauses: [ProseSentence] = []
        for clause in text.split(whereSeparator: { "；;".contains($0) }) {
            clauses.append(ProseSentence(text: String(clause), location: sentence.location))
        }
        for clause in clauses {
            guard let marker = clause.text.range(of: "(类)") ?? clause.text.range(of: "（类）"),
                let after = clause.offset(after: "(类)") ?? clause.offset(after: "（类）"),
                let amount = clause.amounts.first(where: { $0.range.lowerBound >= after })
            else { continue }
            let name = Self.className(clause.text[..<marker.lowerBound])
            guard !name.isEmpty else { continue }
            if clause.text.contains("(项)") || clause.text.contains("（项）") {
                items[name, default: []].append(Entry(sentence: clause, amount: amount))
            } else if totals[name] == nil {
                totals[name] = Entry(sentence: clause, amount: amount)
                order.append(name)
            }
        }
    }

    func findings() -> [Finding] {
        order.compactMap { name in
            guard let total = totals[name], let parts = items[name], !parts.isEmpty, let stated = total.amount.wan else { return nil }
            let sum = parts.reduce(ExactDecimal.zero) { $0 + ($1.amount.wan ?? .zero) }
            if PrintedPrecision.sumMatches(total: stated, sum: sum, count: parts.count, decimals: 2) { return nil }
            // A class total in 元 that equals its items in 万元 is a unit slip.
            if case .amount(.yuan) = total.amount.kind,
                PrintedPrecision.sumMatches(total: total.amount.value, sum: sum, count: parts.count, decimals: 2)
            {
                return total.sentence.finding(
                    "prose.unit", .error, expected: total.amount.numeral + "万元", stated: total.amount.printed,
                    "“\(name)（类）”支出写作 \(total.amount.printed)，其各项合计 \(sum.plainText)万元：单位应为万元")
            }
            let difference = stated - sum
            let corrections = CandidateCorrections(
                terms: [CandidateCorrections.Term(name: "“\(name)（类）”合计", value: stated, sign: 1)]
                    + parts.compactMap { part in
                        part.amount.wan.map { CandidateCorrections.Term(name: part.amount.printed + " 一项", value: $0, sign: -1) }
                    })
            return total.sentence.finding(
                "prose.class-sum", difference.rounded(scale: 2) == .zero ? .warning : (difference.magnitude > 1 ? .error : .warning),
                expected: corrections.text(gap: difference), stated: total.amount.printed,
                "“\(name)（类）”合计 \(total.amount.printed)，其各项（项）之和为 \(parts.map(\.amount.printed).joined(separator: " + ")) = \(sum.plainText)万元，相差 \(difference.plainText)万元；以下任一更正都能使其相符")
        }
    }
}
