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
            return nil
        }
        var starts = [(text.startIndex, first)]
        var ordinal = 2
        var index = first
        while index < text.endIndex {
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
                return .ambiguous("“1.”之后紧跟小数，无法区分编号与数值（如“1.203.06万元”）；请写成“1. 203.06万元”或去掉编号")
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

    /// The index after a marker for `ordinal` starting at `index`, if there is one.
    private static func marker(in text: ArraySlice<Unicode.Scalar>, at index: Int, ordinal: Int) -> Int? {
        guard index < text.endIndex else { return nil }
        if ordinal <= 20, text[index].value == 0x2460 + UInt32(ordinal - 1) {
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
        "；;，,。\n".unicodeScalars.contains(scalar) || scalar.properties.isWhitespace
    }

    private static func skipPadding(_ text: ArraySlice<Unicode.Scalar>, from index: Int) -> Int {
        var cursor = index
        while cursor < text.endIndex, ValueReader.isPadding(text[cursor]) { cursor += 1 }
        return cursor
    }
}
