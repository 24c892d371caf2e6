/// "共5个，具体如下：" must be followed by as many items as it announces ("一是 … 四是" counts four).
struct EnumerationCountRule {
    static let ordinals = ["一是", "二是", "三是", "四是", "五是", "六是", "七是", "八是", "九是", "十是"]

    /// The count announced in `sentence` ("共5个" → 5), if any.
    static func announced(_ sentence: ProseSentence) -> ProseFigure? {
        sentence.figures.first { figure in
            if case .count = figure.kind { figure.lead.hasSuffix("共") } else { false }
        }
    }

    /// How many "一是 / 二是 …" items the paragraphs start with, in sequence.
    static func enumerated(_ paragraphs: ArraySlice<Paragraph>) -> Int {
        var count = 0
        for paragraph in paragraphs {
            let text = paragraph.text.trimmingCharacters(in: .whitespaces)
            guard count < ordinals.count, text.hasPrefix(ordinals[count]) else { break }
            count += 1
        }
        return count
    }

    func check(_ sentence: ProseSentence, following: ArraySlice<Paragraph>) -> Finding? {
        guard let count = Self.announced(sentence), sentence.text.contains("如下") else { return nil }
        let listed = Self.enumerated(following)
        guard listed >= 2, ExactDecimal(listed) != count.value else { return nil }
        return sentence.finding(
            "prose.count", .error, expected: "\(listed)\(count.printed.drop { $0.isNumber })", stated: count.printed,
            "文中称共 \(count.printed)，其后只列举了 \(listed) 项（\(Self.ordinals[0])…\(Self.ordinals[listed - 1])）")
    }
}
