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

    /// The range the sheet prints: every cell written.
    public var usedRange: CellRange? {
        guard let first = cells.keys.first else { return nil }
        var (top, left, bottom, right) = (first.row, first.column, first.row, first.column)
        for reference in cells.keys {
            top = min(top, reference.row)
            left = min(left, reference.column)
            bottom = max(bottom, reference.row)
            right = max(right, reference.column)
        }
        return CellRange(start: CellReference(row: top, column: left), end: CellReference(row: bottom, column: right))
    }

    /// The rows `range` as a sheet of their own, renumbered from 1, with the merges inside them (clipped) and the same
    /// columns: a form's parts, e.g. to lay the indicator table out in Word with its header repeated on every page.
    public func rows(_ range: ClosedRange<Int>) -> WorksheetContent {
        var part = WorksheetContent(name: name)
        part.columnWidths = columnWidths
        part.landscape = landscape
        let shift = range.lowerBound - 1
        for (reference, cell) in cells where range.contains(reference.row) {
            part.cells[CellReference(row: reference.row - shift, column: reference.column)] = cell
        }
        part.merges = merges.compactMap { merge in
            let top = max(merge.start.row, range.lowerBound)
            let bottom = min(merge.end.row, range.upperBound)
            guard top <= bottom else { return nil }
            return CellRange(
                start: CellReference(row: top - shift, column: merge.start.column),
                end: CellReference(row: bottom - shift, column: merge.end.column))
        }
        if let titles = printTitleRows, range.contains(titles.lowerBound) {
            part.printTitleRows = (titles.lowerBound - shift)...(min(titles.upperBound, range.upperBound) - shift)
        }
        return part
    }

    /// Gives every cell of `range` not written yet an empty bordered cell, so a form prints with all its lines.
    public mutating func border(_ range: CellRange) {
        for row in range.start.row...range.end.row {
            for column in range.start.column...range.end.column where cells[CellReference(row: row, column: column)] == nil {
                cells[CellReference(row: row, column: column)] = (.text(""), .body)
            }
        }
    }

    public init(name: String) {
        self.name = name
    }

    public mutating func set(_ reference: CellReference, _ value: Value, style: CellStyle = .body) {
        cells[reference] = (value, style)
    }

    /// The content as a readable grid (texts and numbers, merges), e.g. to lay the same table out in Word.
    /// Numbers appear as their number format shows them ("0.00" → 40.91); empty cells stay, so the grid keeps the
    /// form's full width and every bordered cell.
    public var grid: Sheet {
        Sheet(name: name, cells: cells.mapValues { value, style in
            switch value {
            case .text(let text): CellValue.text(text)
            case .number(let numeral): CellValue.text(NumberFormatDisplay.apply(style.numberFormat, to: numeral))
            }
        }, merges: merges)
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
