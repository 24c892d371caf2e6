/// Finds numbered lists in a value: "1.是；2.是。", "（1）…（2）…", "①…②…".
///
/// A marker counts only at the start of the text or of a clause, and only in sequence (1, 2, 3 …), so
/// "28.51平米" is never taken for item 28. "1.203.06万元" alone is ambiguous and is reported as such.
enum NumberedList {
    enum Result {
        case items([ArraySlice<Unicode.Scalar>])
        case ambiguous(String)
    }

    static func split(_ text: ArraySlice<Unicode.Scalar>) -> Result? {
        guard let first = marker(in: text, at: text.startIndex, ordinal: 1) else {
            return decimalLikeMarkers(text) ? .ambiguous(ambiguity) : nil
        }
        var starts = [(text.startIndex, first)]
        var ordinal = 2
        var index = first
        while index < text.endIndex {
            if isCircled(text[index], ordinal: ordinal) {
                starts.append((index, index + 1))
                ordinal += 1
                index += 1
                continue
            }
            if isClauseBoundary(text[index]), let next = text.index(index, offsetBy: 1, limitedBy: text.endIndex) {
                let start = skipPadding(text, from: next)
                if let end = marker(in: text, at: start, ordinal: ordinal) {
                    starts.append((start, end))
                    ordinal += 1
                    index = end
                    continue
                }
            }
            index += 1
        }
        if starts.count == 1 {
            let body = text[first...]
            if let leading = body.first, Clause.isDigit(leading) {
                return .ambiguous(ambiguity)
            }
            return .items([body])
        }
        var items: [ArraySlice<Unicode.Scalar>] = []
        for (position, (_, bodyStart)) in starts.enumerated() {
            let end = position + 1 < starts.count ? starts[position + 1].0 : text.endIndex
            items.append(text[bodyStart..<end])
        }
        return .items(items)
    }

    static let ambiguity = "编号“1.”“2.”后紧跟数字，无法区分编号与小数（如“1.203.06万元”或“1.4次；2.1次”）；请把编号写成“1、”“2、”"

    /// "1.4次；2.1次": read as decimals or as items 4次 and 1次? Both are possible, so neither is taken.
    private static func decimalLikeMarkers(_ text: ArraySlice<Unicode.Scalar>) -> Bool {
        func dotDigit(at index: Int, _ digit: Unicode.Scalar) -> Bool {
            index + 2 < text.endIndex && text[index] == digit && text[index + 1] == "." && Clause.isDigit(text[index + 2])
        }
        guard dotDigit(at: text.startIndex, "1") else { return false }
        var index = text.startIndex + 1
        while index < text.endIndex {
            if isClauseBoundary(text[index]), dotDigit(at: skipPadding(text, from: index + 1), "2") { return true }
            index += 1
        }
        return false
    }

    private static func isCircled(_ scalar: Unicode.Scalar, ordinal: Int) -> Bool {
        ordinal <= 20 && scalar.value == 0x2460 + UInt32(ordinal - 1)
    }

    /// The index after a marker for `ordinal` starting at `index`, if there is one.
    private static func marker(in text: ArraySlice<Unicode.Scalar>, at index: Int, ordinal: Int) -> Int? {
        guard index < text.endIndex else { return nil }
        if isCircled(text[index], ordinal: ordinal) {
            return index + 1
        }
        let digits = Array(String(ordinal).unicodeScalars)
        var cursor = index
        let parenthesised = text[cursor] == "(" || text[cursor] == "（"
        if parenthesised { cursor += 1 }
        for digit in digits {
            guard cursor < text.endIndex, text[cursor] == digit else { return nil }
            cursor += 1
        }
        guard cursor < text.endIndex else { return nil }
        let closing = text[cursor]
        if parenthesised {
            guard closing == ")" || closing == "）" else { return nil }
        } else {
            guard closing == "." || closing == "、" || closing == ")" || closing == "）" else { return nil }
            // "1.5万元" is a decimal; "1.203.06万元" is item 1 holding 203.06.
            if closing == ".", cursor + 1 < text.endIndex, Clause.isDigit(text[cursor + 1]),
                !startsWithDecimal(text[(cursor + 1)...])
            {
                return nil
            }
        }
        return cursor + 1
    }

    /// Whether `body` opens with a decimal numeral such as "203.06".
    private static func startsWithDecimal(_ body: ArraySlice<Unicode.Scalar>) -> Bool {
        var index = body.startIndex
        while index < body.endIndex, Clause.isDigit(body[index]) { index += 1 }
        return index + 1 < body.endIndex && body[index] == "." && Clause.isDigit(body[index + 1])
    }

    private static func isClauseBoundary(_ scalar: Unicode.Scalar) -> Bool {
        ScalarClass.isClauseSeparator(scalar) || ScalarClass.isPadding(scalar)
    }

    private static func skipPadding(_ text: ArraySlice<Unicode.Scalar>, from index: Int) -> Int {
        var cursor = index
        while cursor < text.endIndex, ScalarClass.isPadding(text[cursor]) { cursor += 1 }
        return cursor
    }
}
