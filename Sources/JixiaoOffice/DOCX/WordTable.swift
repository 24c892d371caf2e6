import Foundation

/// A table to write into a Word document: rows of cells with horizontal spans and vertical merges, and the
/// header rows Word repeats at the top of every page.
public struct WordTable: Sendable {
    /// One cell; a cell covered by a merge from above is written with `continuesAbove`.
    public struct Cell: Sendable {
        public var text: String
        public var columnSpan: Int
        /// Starts a vertical merge that the cells below continue.
        public var startsMerge: Bool
        /// Continues the vertical merge of the cell above (its text is not written).
        public var continuesAbove: Bool
        public var bold: Bool
        public var alignLeft: Bool

        public init(_ text: String, columnSpan: Int = 1, startsMerge: Bool = false, continuesAbove: Bool = false,
                    bold: Bool = false, alignLeft: Bool = false) {
            self.text = text
            self.columnSpan = columnSpan
            self.startsMerge = startsMerge
            self.continuesAbove = continuesAbove
            self.bold = bold
            self.alignLeft = alignLeft
        }
    }

    public var rows: [[Cell]]
    /// How many leading rows repeat on each page.
    public var headerRows: Int
    /// Column widths in twentieths of a point; empty for equal widths.
    public var columnWidths: [Int]
    /// Whether the next table follows with no space between (the second part of one form).
    public var joinsNext = false

    public init(rows: [[Cell]], headerRows: Int = 0, columnWidths: [Int] = []) {
        self.rows = rows
        self.headerRows = headerRows
        self.columnWidths = columnWidths
    }

    /// A plain grid of texts, one cell per text.
    public init(texts: [[String]]) {
        self.init(rows: texts.map { $0.map { Cell($0) } })
    }

    /// The grid of `sheet` with its merges as spans and vertical merges.
    public init(sheet: Sheet, headerRows: Int = 0, columnWidths: [Int] = []) {
        var rows: [[Cell]] = []
        let merges = sheet.merges
        for row in 1...max(sheet.rowCount, 1) {
            var cells: [Cell] = []
            var column = 1
            while column <= max(sheet.columnCount, 1) {
                let reference = CellReference(row: row, column: column)
                if let merge = merges.first(where: { $0.contains(reference) }) {
                    let span = merge.end.column - merge.start.column + 1
                    let isTop = merge.start.row == row
                    let tall = merge.end.row > merge.start.row
                    cells.append(Cell(
                        isTop ? sheet.text(row: row, column: merge.start.column) : "", columnSpan: span,
                        startsMerge: isTop && tall, continuesAbove: !isTop))
                    column = merge.end.column + 1
                } else {
                    cells.append(Cell(sheet.text(row: row, column: column)))
                    column += 1
                }
            }
            rows.append(cells)
        }
        self.init(rows: rows, headerRows: headerRows, columnWidths: columnWidths)
    }
}

extension WordTable {
    /// Column widths in twips that fill `total`: each column at least as wide as its longest number, date or word
    /// that must not break ("10.00", "85.23%", "2023-12-31"), the rest shared in proportion to `weights` (or
    /// equally). Chinese text may break between any two characters, so it asks for little.
    public func fittedWidths(total: Int, fontSize: Int, weights: [Int]) -> [Int] {
        let columns = rows.map { $0.reduce(0) { $0 + $1.columnSpan } }.max() ?? 1
        let halfEm = fontSize * 10
        let margins = 114 + 40
        var minimum = Array(repeating: 2 * halfEm + margins, count: columns)
        for row in rows {
            var column = 0
            for cell in row {
                defer { column += cell.columnSpan }
                guard cell.columnSpan == 1, column < columns, !cell.continuesAbove else { continue }
                let unbreakable = Self.longestUnbreakableRun(cell.text)
                minimum[column] = max(minimum[column], unbreakable * halfEm + margins)
            }
        }
        let weights = weights.count == columns ? weights.map { max($0, 1) } : Array(repeating: 1, count: columns)
        let spare = max(total - minimum.reduce(0, +), 0)
        let weightSum = weights.reduce(0, +)
        return (0..<columns).map { minimum[$0] + spare * weights[$0] / weightSum }
    }

    /// The width (half-em columns) of the longest run of characters a line may not break: digits, Latin letters and
    /// the signs that stay with them (. , % / - : ( )).
    static func longestUnbreakableRun(_ text: String) -> Int {
        var longest = 0
        var run = 0
        for scalar in text.unicodeScalars {
            if DisplayWidth.width(scalar) == 1, !CharacterSet.whitespacesAndNewlines.contains(scalar) {
                run += 1
                longest = max(longest, run)
            } else {
                run = 0
            }
        }
        return longest
    }
}
