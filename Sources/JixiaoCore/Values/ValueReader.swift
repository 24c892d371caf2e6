import Foundation

/// Reads the free text people write for targets and actuals (`≥90%`, `不少于4次`, `1.是；2.是。`) into an
/// ``IndicatorValue``. It never guesses: text it cannot read unambiguously comes back as `.unreadable` with
/// the reason, and it never traps, whatever the input.
public enum ValueReader {
    /// Texts longer than this are descriptions, never a value to measure.
    static let maximumLength = 2_000

    public static func read(_ text: String) -> IndicatorValue {
        let scalars = TextNormalization.normalize(text)
        let trimmed = trim(scalars[...])
        if trimmed.isEmpty { return .empty }
        if trimmed.count > maximumLength { return .statement(string(trimmed)) }
        if let items = NumberedList.split(trimmed) {
            switch items {
            case .ambiguous(let reason): return .unreadable(reason: reason)
            case .items(let parts): return parts.count == 1 ? readItem(parts[0]) : .list(parts.map(readItem))
            }
        }
        return readItem(trimmed)
    }

    /// Reads one item of a list, or a whole text that is not a list.
    static func readItem(_ scalars: ArraySlice<Unicode.Scalar>) -> IndicatorValue {
        let item = trim(scalars)
        if item.isEmpty { return .empty }
        let hasDigit = item.contains(where: Clause.isDigit)
        if !hasDigit {
            let text = string(item)
            if NotApplicable.matches(text) { return .notApplicable }
            if let level = achievement(text) { return .achievement(level, word: text) }
        }
        if let period = PeriodReader.read(item) { return .period(period) }
        let clauses = Clause.split(item)
        var values: [IndicatorValue] = []
        for clause in clauses {
            let value = ClauseReader.read(clause)
            if case .unreadable = value { return value }
            if case .list(let parts) = value { values += parts } else { values.append(value) }
        }
        let measured = values.contains { value in
            switch value {
            case .statement, .empty: false
            default: true
            }
        }
        if !measured { return .statement(string(item)) }
        let kept = values.filter { $0 != .empty }
        return kept.count == 1 ? kept[0] : .list(kept)
    }

    /// The qualitative level a whole phrase states, ignoring closing punctuation; nil when not a listed phrase.
    static func achievement(_ text: String) -> Achievement? {
        var phrase = text.unicodeScalars[...]
        while let last = phrase.last, ScalarClass.isClauseSeparator(last) || last == "." || last == "！" || last == "!" {
            phrase = phrase.dropLast()
        }
        return ValueLexicon.achievements[phrase.count == text.unicodeScalars.count ? text : String(phrase)]
    }

    static func trim(_ scalars: ArraySlice<Unicode.Scalar>) -> ArraySlice<Unicode.Scalar> {
        var slice = scalars
        while let first = slice.first, ScalarClass.isPadding(first) { slice = slice.dropFirst() }
        while let last = slice.last, ScalarClass.isPadding(last) || ScalarClass.isTrailingPunctuation(last) {
            slice = slice.dropLast()
        }
        return slice
    }

    /// The scalars as a String, encoded to UTF-8 in one pass.
    static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        String(unsafeUninitializedCapacity: scalars.count * 4) { buffer in
            var count = 0
            for scalar in scalars {
                for byte in UTF8.encode(scalar)! {
                    buffer[count] = byte
                    count += 1
                }
            }
            return count
        }
    }
}
