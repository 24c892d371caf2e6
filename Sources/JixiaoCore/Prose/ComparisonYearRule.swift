/// A report compares this year with one earlier year throughout ("与2019年相比", "比2019年增加"); a sentence that
/// names another year ("与2018年持平") is most likely a slip.
struct ComparisonYearRule {
    static let patterns = [("与", "年相比"), ("与", "年持平"), ("比", "年增加"), ("比", "年减少"), ("比", "年增长"), ("比", "年下降"), ("较", "年")]

    /// The years compared with in `sentence`.
    static func years(in sentence: ProseSentence) -> [Int] {
        let scalars = sentence.scalars
        var found: [Int] = []
        // Look only where a four-digit year follows 与 / 比 / 较.
        for index in scalars.indices where index + 5 < scalars.count && (scalars[index] == "与" || scalars[index] == "比" || scalars[index] == "较") {
            let digits = scalars[(index + 1)..<(index + 5)]
            guard digits.allSatisfy(Clause.isDigit), scalars[index + 5] == "年",
                let year = Int(ValueReader.string(digits)), (1990...2100).contains(year)
            else { continue }
            let before = String(scalars[index])
            let rest = ValueReader.string(scalars[(index + 5)..<min(scalars.count, index + 9)])
            if patterns.contains(where: { $0.0 == before && rest.hasPrefix($0.1) }) { found.append(year) }
        }
        return found
    }

    func check(_ sentences: [ProseSentence]) -> [Finding] {
        let mentions = sentences.flatMap { sentence in Self.years(in: sentence).map { (sentence, $0) } }
        var counts: [Int: Int] = [:]
        for (_, year) in mentions { counts[year, default: 0] += 1 }
        guard let (usual, times) = counts.max(by: { $0.value < $1.value }), times >= 3 else { return [] }
        return mentions.filter { $0.1 != usual }.map { sentence, year in
            sentence.finding(
                "prose.comparison-year", .warning, expected: "\(usual)年", stated: "\(year)年",
                "全文均与\(usual)年比较（\(times) 处），此处写作\(year)年，请核实比较年度")
        }
    }
}
