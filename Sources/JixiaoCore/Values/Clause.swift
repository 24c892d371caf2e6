/// Splits a value into clauses at Chinese and ASCII punctuation, outside parentheses, keeping
/// thousands separators ("1,000") inside numbers.
enum Clause {
    static func split(_ text: ArraySlice<Unicode.Scalar>) -> [ArraySlice<Unicode.Scalar>] {
        var clauses: [ArraySlice<Unicode.Scalar>] = []
        var start = text.startIndex
        var depth = 0
        var index = text.startIndex
        while index < text.endIndex {
            let scalar = text[index]
            switch scalar {
            case "(", "（", "“", "《", "[", "【": depth += 1
            case ")", "）", "”", "》", "]", "】": depth = max(0, depth - 1)
            default:
                if depth == 0, isSeparator(scalar), !isThousandsSeparator(text, at: index) {
                    clauses.append(text[start..<index])
                    start = index + 1
                }
            }
            index += 1
        }
        clauses.append(text[start..<text.endIndex])
        return clauses.map(ValueReader.trim).filter { !$0.isEmpty }
    }

    /// Splits a clause holding several figures at "、", then at "和 / 及 / 与" ("12名在职人员和1名退休人员").
    static func splitEnumeration(_ text: ArraySlice<Unicode.Scalar>) -> [ArraySlice<Unicode.Scalar>] {
        var pieces = splitting(text, at: ["、"])
        if pieces.contains(where: { NumberScanner.figures(in: $0).count > 1 }) {
            pieces = pieces.flatMap { piece in
                NumberScanner.figures(in: piece).count > 1 ? splitting(piece, at: ["和", "及", "与", "以及"]) : [piece]
            }
        }
        return pieces.map(ValueReader.trim).filter { !$0.isEmpty }
    }

    private static func splitting(_ text: ArraySlice<Unicode.Scalar>, at words: [String]) -> [ArraySlice<Unicode.Scalar>] {
        var pieces: [ArraySlice<Unicode.Scalar>] = []
        var start = text.startIndex
        var index = text.startIndex
        let patterns = words.map { Array($0.unicodeScalars) }
        while index < text.endIndex {
            if let pattern = patterns.first(where: { matches($0, in: text, at: index) }) {
                pieces.append(text[start..<index])
                index += pattern.count
                start = index
            } else {
                index += 1
            }
        }
        pieces.append(text[start..<text.endIndex])
        return pieces
    }

    static func matches(_ pattern: [Unicode.Scalar], in text: ArraySlice<Unicode.Scalar>, at index: Int) -> Bool {
        guard index + pattern.count <= text.endIndex else { return false }
        for offset in 0..<pattern.count where text[index + offset] != pattern[offset] { return false }
        return true
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x30 && scalar.value <= 0x39
    }

    private static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
        ScalarClass.isClauseSeparator(scalar)
    }

    private static func isThousandsSeparator(_ text: ArraySlice<Unicode.Scalar>, at index: Int) -> Bool {
        guard text[index] == ",", index > text.startIndex, isDigit(text[index - 1]),
            index + 3 < text.endIndex || index + 3 == text.endIndex
        else { return false }
        for offset in 1...3 {
            guard index + offset < text.endIndex, isDigit(text[index + offset]) else { return false }
        }
        return index + 4 >= text.endIndex || !isDigit(text[index + 4])
    }
}
