/// One sheet to write: cells, merged ranges, column widths and print setup.
public struct WorksheetContent: Sendable {
    /// A cell's value: text, or a number written exactly as its numeral.
    public enum Value: Hashable, Sendable {
        case text(String)
        case number(String)
    }

    public var name: String
    public private(set) var cells: [CellReference: (Value, CellStyle)] = [:]
    public var merges: [CellRange] = []
    /// Width of a column (1-based) in Excel's character units.
    public var columnWidths: [Int: Int] = [:]
    /// Rows repeated at the top of every printed page (e.g. the indicator table's header).
    public var printTitleRows: ClosedRange<Int>?
    public var landscape = false

    public init(name: String) {
        self.name = name
    }

    public mutating func set(_ reference: CellReference, _ value: Value, style: CellStyle = .body) {
        cells[reference] = (value, style)
    }

    /// The content as a readable grid (texts and numbers, merges), e.g. to lay the same table out in Word.
    /// Numbers appear as their number format shows them ("0.00" → 40.91).
    public var grid: Sheet {
        Sheet(name: name, cells: cells.mapValues { value, style in
            switch value {
            case .text(let text): CellValue.text(text)
            case .number(let numeral): CellValue.text(NumberFormatDisplay.apply(style.numberFormat, to: numeral))
            }
        }.filter { $0.value != .text("") }, merges: merges)
    }

    /// Column widths in proportion, for laying the same table out on a page `total` wide.
    public func proportionalWidths(total: Int, columns: Int) -> [Int] {
        let widths = (1...max(columns, 1)).map { columnWidths[$0] ?? 10 }
        let sum = max(widths.reduce(0, +), 1)
        return widths.map { $0 * total / sum }
    }

    /// Writes text across `range` and merges it; the other cells of the range get the same style for their borders.
    public mutating func merge(_ range: CellRange, _ value: Value, style: CellStyle = .body) {
        for row in range.start.row...range.end.row {
            for column in range.start.column...range.end.column where !(row == range.start.row && column == range.start.column) {
                cells[CellReference(row: row, column: column)] = (.text(""), style)
            }
        }
        cells[range.start] = (value, style)
        if range.start != range.end { merges.append(range) }
    }
}
