/// Pulls the figures out of a Chinese sentence: amounts in 元 / 万元 / 亿元, percentages, counts ("5个"), and
/// bare numbers after 预算数 / 决算数 … which the tables' unit (万元) governs. Years and dates are left out.
enum FigureExtractor {
    /// Words after which a bare number is an amount in the table unit.
    static let amountLeads = ["预算数为", "决算数为", "预算数", "决算数", "预算为", "支出决算为", "项目支出", "基本支出", "为"]

    static func figures(in scalars: [Unicode.Scalar]) -> [ProseFigure] {
        let slice = scalars[...]
        var result: [ProseFigure] = []
        var previousEnd = 0
        for figure in NumberScanner.figures(in: slice) {
            var end = figure.range.upperBound
            var kind = ProseFigure.Kind.number
            if let unit = ValueLexicon.unitWords.first(where: { Clause.matches($0.scalars, in: slice, at: end) }) {
                end += unit.scalars.count
                switch unit.meaning {
                case "%": kind = .percent
                case "元", "万元", "亿元": kind = .amount(unit: MoneyUnit(rawValue: unit.meaning))
                case "千元": kind = .number
                default: kind = .count(unit: unit.meaning)
                }
            }
            let lead = ValueReader.string(slice[previousEnd..<figure.range.lowerBound])
            if kind == .number, amountLeads.contains(where: { lead.hasSuffix($0) }), !lead.hasSuffix("占") {
                kind = .amount(unit: nil)
            }
            let numeral = ValueReader.string(slice[figure.range])
            result.append(ProseFigure(kind: kind, value: figure.value, numeral: numeral, range: figure.range.lowerBound..<end, lead: lead))
            previousEnd = end
        }
        return result
    }

    /// The marks that end a sentence (or a clause the checks read as one).
    static let sentenceEnds: Set<Unicode.Scalar> = ["。", "！", "？", "；", ";", "\n"]

    /// Splits a paragraph into sentences after each of ``sentenceEnds``, keeping each one's text.
    static func sentences(in paragraph: String) -> [String] {
        var sentences: [String] = []
        let scalars = paragraph.unicodeScalars
        var start = scalars.startIndex
        for index in scalars.indices {
            guard sentenceEnds.contains(scalars[index]) else { continue }
            let end = scalars.index(after: index)
            sentences.append(String(scalars[start..<end]))
            start = end
        }
        let rest = String(scalars[start...])
        if !rest.trimmingCharacters(in: .whitespaces).isEmpty { sentences.append(rest) }
        return sentences
    }
}
