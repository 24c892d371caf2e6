/// A cell address such as "D14": 1-based row and column.
public struct CellReference: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var row: Int
    public var column: Int

    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    /// Parses "D14" (also "$D$14"); nil for anything else.
    public init?(_ text: some StringProtocol) {
        var column = 0
        var row = 0
        var sawDigit = false
        for scalar in text.unicodeScalars where scalar != "$" {
            switch scalar.value {
            case 0x41...0x5A where !sawDigit: column = column * 26 + Int(scalar.value - 0x40)
            case 0x61...0x7A where !sawDigit: column = column * 26 + Int(scalar.value - 0x60)
            case 0x30...0x39:
                sawDigit = true
                row = row * 10 + Int(scalar.value - 0x30)
            default: return nil
            }
            guard column <= 16_384, row <= 1_048_576 else { return nil }
        }
        guard column > 0, row > 0 else { return nil }
        self.init(row: row, column: column)
    }

    /// The column letters: 1 → "A", 27 → "AA".
    public static func letters(_ column: Int) -> String {
        var number = column
        var letters = ""
        while number > 0 {
            let remainder = (number - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + remainder))) + letters
            number = (number - 1) / 26
        }
        return letters
    }

    public var description: String { Self.letters(column) + String(row) }

    public static func < (lhs: CellReference, rhs: CellReference) -> Bool {
        (lhs.row, lhs.column) < (rhs.row, rhs.column)
    }
}

/// A rectangular range such as "B13:B15" (a merged cell).
public struct CellRange: Hashable, Sendable, CustomStringConvertible {
    public var start: CellReference
    public var end: CellReference

    public init(start: CellReference, end: CellReference) {
        self.start = start
        self.end = end
    }

    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: ":")
        guard let first = parts.first, let start = CellReference(first) else { return nil }
        let end = parts.count > 1 ? CellReference(parts[1]) : start
        guard let end, end.row >= start.row, end.column >= start.column else { return nil }
        self.init(start: start, end: end)
    }

    public func contains(_ cell: CellReference) -> Bool {
        (start.row...end.row).contains(cell.row) && (start.column...end.column).contains(cell.column)
    }

    public var description: String { "\(start):\(end)" }
}
