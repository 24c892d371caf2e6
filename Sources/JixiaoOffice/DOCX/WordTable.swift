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
