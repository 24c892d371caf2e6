import Foundation

/// What a cell holds: text, a number kept as its exact numeral, a boolean, or an Excel error.
public enum CellValue: Hashable, Sendable {
    case text(String)
    /// The numeral as stored ("93.68000000000001", "1E-3"), never converted through a binary float here.
    case number(String)
    case boolean(Bool)
    case error(String)

    /// The value as a person reads it in the cell.
    public var text: String {
        switch self {
        case .text(let text): text
        case .number(let numeral): Self.display(numeral)
        case .boolean(let value): value ? "TRUE" : "FALSE"
        case .error(let code): code
        }
    }

    /// The number, exactly, when the cell holds one.
    public var number: Decimal? {
        if case .number(let numeral) = self { Self.decimal(numeral) } else { nil }
    }

    /// Parses a spreadsheet numeral ("93.68", "1E-3") exactly.
    static func decimal(_ numeral: String) -> Decimal? {
        Decimal(string: numeral, locale: posix)
    }

    private static let posix = Locale(identifier: "en_US_POSIX")

    /// Spreadsheet float noise trimmed for display: "93.68000000000001" → "93.68".
    static func display(_ numeral: String) -> String {
        guard let value = decimal(numeral) else { return numeral }
        var rounded = Decimal()
        var source = value
        NSDecimalRound(&rounded, &source, 10, .plain)
        return rounded.description
    }
}
