/// Reads one clause: a qualitative phrase, a time frame, words only, or one figure with its comparator and unit.
/// A clause with several figures is split at its enumeration ("、", "和"); one that still holds several is unreadable.
enum ClauseReader {
    static func read(_ clause: ArraySlice<Unicode.Scalar>) -> IndicatorValue {
        if clause.isEmpty { return .empty }
        // Phrases and "not applicable" marks hold no digits; a clause with digits skips those look-ups.
        if !clause.contains(where: Clause.isDigit) {
            let text = ValueReader.string(clause)
            if NotApplicable.matches(text) { return .notApplicable }
            if let level = ValueReader.achievement(text) { return .achievement(level, word: text) }
            return .statement(text)
        }
        if let period = PeriodReader.read(clause) { return .period(period) }
        let figures = NumberScanner.figures(in: clause)
        switch figures.count {
        case 0:
            return .statement(ValueReader.string(clause))
        case 1:
            return quantity(clause, figure: figures[0])
        default:
            if let range = rangeBetween(figures, in: clause) {
                return .unreadable(reason: "“\(ValueReader.string(clause))”写的是数值范围（\(range)），没有单一的指标值")
            }
            let pieces = Clause.splitEnumeration(clause)
            guard pieces.count > 1, pieces.allSatisfy({ NumberScanner.figures(in: $0).count <= 1 }) else {
                return .unreadable(reason: "“\(ValueReader.string(clause))”中有多个数值，无法确定哪一个是指标值")
            }
            return .list(pieces.map(read))
        }
    }

    /// Builds the quantity around the clause's one figure.
    static func quantity(_ clause: ArraySlice<Unicode.Scalar>, figure: NumberScanner.Figure) -> IndicatorValue {
        var labelEnd = figure.range.lowerBound
        var prefix: Comparator?
        for word in ValueLexicon.prefixWords {
            let start = figure.range.lowerBound - word.scalars.count
            if start >= clause.startIndex, Clause.matches(word.scalars, in: clause, at: start) {
                prefix = word.meaning
                labelEnd = start
                break
            }
        }
        var cursor = figure.range.upperBound
        var unit: String?
        for word in ValueLexicon.unitWords where Clause.matches(word.scalars, in: clause, at: cursor) {
            unit = word.meaning
            cursor += word.scalars.count
            break
        }
        var suffix: Comparator?
        for word in ValueLexicon.suffixWords where Clause.matches(word.scalars, in: clause, at: cursor) {
            suffix = word.meaning
            cursor += word.scalars.count
            break
        }
        if let prefix, let suffix, prefix.direction != suffix.direction {
            return .unreadable(reason: "“\(ValueReader.string(clause))”的比较方向自相矛盾（\(prefix.rawValue) 与 \(suffix.rawValue)）")
        }
        if let word = approximation(in: clause, around: figure.range, cursor: cursor) {
            return .unreadable(reason: "“\(ValueReader.string(clause))”是约数（“\(word)”），无法按精确值计分")
        }
        let before = ValueReader.trim(clause[clause.startIndex..<labelEnd])
        let after = ValueReader.trim(clause[cursor..<clause.endIndex])
        let label = before.isEmpty && after.isEmpty ? "" : ValueReader.string(before) + ValueReader.string(after)
        return .quantity(Quantity(comparator: prefix ?? suffix, number: figure.value, unit: unit, label: label))
    }

    private static func approximation(in clause: ArraySlice<Unicode.Scalar>, around range: Range<Int>, cursor: Int) -> String? {
        for word in ValueLexicon.approximationWords {
            let pattern = word.scalars
            let before = range.lowerBound - pattern.count
            if before >= clause.startIndex, Clause.matches(pattern, in: clause, at: before) { return word.meaning }
            if Clause.matches(pattern, in: clause, at: cursor) { return word.meaning }
            if Clause.matches(pattern, in: clause, at: range.upperBound) { return word.meaning }
        }
        return nil
    }

    /// "90%-95%", "5～10次", "3至5次": two figures joined by a range mark.
    private static func rangeBetween(_ figures: [NumberScanner.Figure], in clause: ArraySlice<Unicode.Scalar>) -> String? {
        for (first, second) in zip(figures, figures.dropFirst()) {
            var start = first.range.upperBound
            if let unit = ValueLexicon.unitWords.first(where: { Clause.matches($0.scalars, in: clause, at: start) }) {
                start += unit.scalars.count
            }
            if second.range.lowerBound - start == 1, ScalarClass.isRangeMark(clause[start]) {
                return ValueReader.string(clause[first.range.lowerBound..<second.range.upperBound])
            }
        }
        return nil
    }
}
