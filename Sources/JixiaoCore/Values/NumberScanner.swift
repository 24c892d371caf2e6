import Foundation

/// Finds the figures in a clause, leaving out what only looks like one: years ("2023年"), dates
/// ("12月31日"), ordinals inside words ("指标1"), and digits glued to Latin letters ("5G", "LED2").
enum NumberScanner {
    /// A numeral found in a clause, with its position.
    struct Figure {
        var range: Range<Int>
        var value: ExactDecimal
    }

    static func figures(in text: ArraySlice<Unicode.Scalar>) -> [Figure] {
        var found: [Figure] = []
        var index = text.startIndex
        var afterYear = false
        while index < text.endIndex {
            guard Clause.isDigit(text[index]) else {
                index += 1
                continue
            }
            var start = index
            var end = index
            var negative = false
            var significand: Int128 = 0
            var integerDigits = 0
            var scale = 0
            var sawPoint = false
            var overflow = false
            // A minus sign counts at the clause start or after a comparator, never between two figures ("90%-95%").
            if start > text.startIndex, text[start - 1] == "-" || text[start - 1] == "－",
                start - 1 == text.startIndex || ScalarClass.admitsSign(text[start - 2])
            {
                start -= 1
                negative = true
            }
            while end < text.endIndex {
                let scalar = text[end]
                let digitFollows = end + 1 < text.endIndex && Clause.isDigit(text[end + 1])
                if Clause.isDigit(scalar) {
                    let (shifted, tooLarge) = significand.multipliedReportingOverflow(by: 10)
                    overflow = overflow || tooLarge
                    significand = shifted &+ Int128(scalar.value - 0x30)
                    if sawPoint { scale += 1 } else { integerDigits += 1 }
                } else if scalar == ".", digitFollows, !sawPoint {
                    sawPoint = true
                } else if scalar == ",", digitFollows, !sawPoint {
                    // thousands separator: skip
                } else {
                    break
                }
                end += 1
            }
            index = end
            let next = end < text.endIndex ? text[end] : nil
            if !negative, !sawPoint, integerDigits == 4, next == "年", (1900..<2100).contains(significand) {
                afterYear = true
                continue
            }
            if isDatePart(next: next, afterYear: afterYear, text: text, end: end) { continue }
            if let previous = start > text.startIndex ? text[start - 1] : nil, isLatinLetter(previous) { continue }
            if let next, isLatinLetter(next) { continue }
            guard !overflow else { continue }
            let value = ExactDecimal(significand: negative ? -significand : significand, exponent: -scale)
            found.append(Figure(range: start..<end, value: value))
        }
        return found
    }

    /// "12月31日", "12月底", "6月份": calendar positions, not figures.
    private static func isDatePart(next: Unicode.Scalar?, afterYear: Bool, text: ArraySlice<Unicode.Scalar>, end: Int) -> Bool {
        guard let next else { return false }
        let following = end + 1 < text.endIndex ? text[end + 1] : nil
        if next == "月" {
            return afterYear || following == "底" || following == "份" || following.map(Clause.isDigit) == true
                || following == "前" || following == "末" || following == "初"
        }
        if next == "日" || next == "号" {
            return end > text.startIndex && afterYearOrMonth(text, before: end)
        }
        return false
    }

    private static func afterYearOrMonth(_ text: ArraySlice<Unicode.Scalar>, before end: Int) -> Bool {
        var index = end - 1
        while index > text.startIndex, Clause.isDigit(text[index]) { index -= 1 }
        return text[index] == "月"
    }

    private static func isLatinLetter(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value >= 0x41 && scalar.value <= 0x5A) || (scalar.value >= 0x61 && scalar.value <= 0x7A)
    }
}
