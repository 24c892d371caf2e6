import Foundation

/// "4、预决算信息公开管理（3分）" followed by items that print their own points ("满分2分，计2分"; "扣0.5分"): the
/// items' full points must add up to the header's (when every item prints them; never more than it), what they lose
/// must fit in it, and no item may score above its own full points.
struct HeaderPointsRule {
    /// "1、预算编审管理（6分）": a numbered heading with its points and nothing after.
    private static let header = try! NSRegularExpression(pattern: #"^\s*(\d{1,2})[、.．]\s*([^（(，。；]{2,30})[（(](\d+(?:\.\d+)?)分[）)]\s*$"#)
    /// "（1）" or "(1)" opening an item.
    private static let item = try! NSRegularExpression(pattern: #"^\s*[（(]\d{1,2}[）)]"#)
    private static let fullPoints = try! NSRegularExpression(pattern: #"满分\s*(\d+(?:\.\d+)?)\s*分"#)
    private static let awarded = try! NSRegularExpression(pattern: #"[计得]\s*(\d+(?:\.\d+)?)\s*分"#)
    private static let deducted = try! NSRegularExpression(pattern: #"扣\s*(\d+(?:\.\d+)?)\s*分"#)

    func check(_ paragraphs: [Paragraph]) -> [Finding] {
        var findings: [Finding] = []
        var index = 0
        while index < paragraphs.count {
            guard let (name, points) = Self.heading(paragraphs[index].text) else {
                index += 1
                continue
            }
            var end = index + 1
            while end < paragraphs.count, Self.heading(paragraphs[end].text) == nil, !Self.endsBlock(paragraphs[end].text) { end += 1 }
            findings += check(name: name, points: points, heading: paragraphs[index], body: Array(paragraphs[(index + 1)..<end]))
            index = end
        }
        return findings
    }

    private func check(name: String, points: ExactDecimal, heading: Paragraph, body: [Paragraph]) -> [Finding] {
        // Items: each "（n）" paragraph with the paragraphs up to the next; the whole body when there are none.
        var items: [String] = []
        for paragraph in body {
            if Self.matches(Self.item, paragraph.text) || items.isEmpty { items.append(paragraph.text) } else { items[items.count - 1] += paragraph.text }
        }
        var findings: [Finding] = []
        let sentence = ProseSentence(text: heading.text, location: heading.location)
        var fullTotal = ExactDecimal(0)
        var lost = ExactDecimal(0)
        for text in items {
            let full = Self.numbers(Self.fullPoints, text).first
            if let full { fullTotal += full }
            lost += Self.numbers(Self.deducted, text).reduce(0, +)
            let scored = Self.numbers(Self.awarded, text).filter { score in full.map { score > $0 } ?? false }
            if let full, let score = scored.first {
                findings.append(sentence.finding(
                    "prose.header-points", .error, expected: "≤ \(full.plainText)", stated: score.plainText,
                    "“\(name)”中一项满分 \(full.plainText) 分，却计 \(score.plainText) 分"))
            }
        }
        let everyItemStates = items.count > 1 && items.allSatisfy { Self.numbers(Self.fullPoints, $0).count == 1 }
        if fullTotal > points || (everyItemStates && fullTotal != points) {
            findings.append(sentence.finding(
                "prose.header-points", .error, expected: points.plainText, stated: fullTotal.plainText,
                "“\(name)”标题为 \(points.plainText) 分，其下各项满分合计 \(fullTotal.plainText) 分"))
        }
        if lost > points {
            findings.append(sentence.finding(
                "prose.header-points", .error, expected: "≤ \(points.plainText)", stated: lost.plainText,
                "“\(name)”标题为 \(points.plainText) 分，其下各项扣分合计 \(lost.plainText) 分，超过标题分值"))
        }
        return findings
    }

    private static func heading(_ text: String) -> (String, ExactDecimal)? {
        let range = NSRange(text.startIndex..., in: text)
        guard let match = header.firstMatch(in: text, range: range),
            let name = Range(match.range(at: 2), in: text), let points = Range(match.range(at: 3), in: text),
            let value = ExactDecimal(String(text[points]))
        else { return nil }
        return (String(text[name]).trimmingCharacters(in: .whitespaces), value)
    }

    /// A heading of a higher level ("（二）履职效果情况", "三、…") closes the block.
    private static func endsBlock(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let first = trimmed.first else { return false }
        let numerals: Set<Character> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
        if numerals.contains(first) { return trimmed.dropFirst().first == "、" }
        return (first == "（" || first == "(") && trimmed.dropFirst().first.map(numerals.contains) == true
    }

    private static func matches(_ expression: NSRegularExpression, _ text: String) -> Bool {
        expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    private static func numbers(_ expression: NSRegularExpression, _ text: String) -> [ExactDecimal] {
        expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            Range(match.range(at: 1), in: text).flatMap { ExactDecimal(String(text[$0])) }
        }
    }
}
