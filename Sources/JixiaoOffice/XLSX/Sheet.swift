/// One worksheet, read-only: the cells that hold a value and the merged ranges, kept sparse so that reading it costs
/// what it holds, never its area (one value at XFD1048576 is one cell, not seventeen billion).
public struct Sheet: Sendable {
    /// What a row shows at some columns: a cell's value, or the value of a merge crossing the row.
    public struct Entry: Sendable {
        public var columns: ClosedRange<Int>
        public var value: CellValue
        /// Whether the entry starts at its cell or merge's top-left cell (the place the value is written).
        public var isOrigin: Bool
    }

    public var name: String
    public private(set) var cells: [CellReference: CellValue]
    public private(set) var merges: [CellRange]
    /// The last row and column holding a value.
    public private(set) var rowCount: Int
    public private(set) var columnCount: Int
    /// The rows showing a value, ascending.
    public private(set) var occupiedRows: [Int]
    private var index: MergeIndex
    private var entriesByRow: [Int: [Entry]]

    /// A sheet of `cells` and `merges`. Merges are clipped to the used range (rows 1...rowCount, columns
    /// 1...columnCount) and must not overlap; a file's merges are bounded by ``SheetReader`` before they come here.
    public init(name: String, cells: [CellReference: CellValue], merges: [CellRange] = []) {
        self.name = name
        self.cells = cells
        self.merges = merges
        (rowCount, columnCount) = Self.extent(of: cells)
        index = MergeIndex(merges, rows: rowCount, columns: columnCount)
        var entries: [Int: [Entry]] = [:]
        for (cell, value) in cells where index.merge(containing: cell) == nil {
            entries[cell.row, default: []].append(Entry(columns: cell.column...cell.column, value: value, isOrigin: true))
        }
        for row in index.rows {
            for merge in index.merges(in: row) {
                guard let value = cells[merge.start] else { continue }
                entries[row, default: []].append(Entry(
                    columns: merge.start.column...merge.end.column, value: value, isOrigin: row == merge.start.row))
            }
        }
        entriesByRow = entries.mapValues { $0.sorted { $0.columns.lowerBound < $1.columns.lowerBound } }
        occupiedRows = entriesByRow.keys.sorted()
    }

    /// The last row and column holding a value among `cells`.
    static func extent(of cells: [CellReference: CellValue]) -> (rows: Int, columns: Int) {
        (cells.keys.map(\.row).max() ?? 0, cells.keys.map(\.column).max() ?? 0)
    }

    /// Two merges sharing a cell, when there are.
    var overlappingMerges: (CellRange, CellRange)? { index.overlap }

    /// What `row` shows, in column order: only the columns holding something.
    public func entries(in row: Int) -> [Entry] {
        entriesByRow[row] ?? []
    }

    /// The occupied rows within `rows`, ascending.
    public func occupiedRows(in rows: ClosedRange<Int>) -> ArraySlice<Int> {
        let start = occupiedRows.partitioningIndex { $0 >= rows.lowerBound }
        let end = occupiedRows.partitioningIndex { $0 > rows.upperBound }
        return occupiedRows[start..<max(start, end)]
    }

    /// The value shown at `cell`: a cell inside a merged range shows the range's top-left value.
    public func value(_ cell: CellReference) -> CellValue? {
        cells[index.merge(containing: cell)?.start ?? cell]
    }

    /// The text shown at row, column ("" when empty), merges resolved.
    public func text(row: Int, column: Int) -> String {
        value(CellReference(row: row, column: column))?.text ?? ""
    }

    /// Every row's cell texts from column A to the last column, merges resolved: a dense grid, for sheets Jixiao
    /// lays out itself; readers of uploaded files use ``occupiedRows`` and ``entries(in:)``.
    public var rows: [[String]] {
        guard rowCount > 0, columnCount > 0 else { return [] }
        return (1...rowCount).map { row in (1...columnCount).map { text(row: row, column: $0) } }
    }

    /// Whether `cell` is the top-left cell of its merge or not merged at all.
    public func isOrigin(_ cell: CellReference) -> Bool {
        index.merge(containing: cell).map { $0.start == cell } ?? true
    }
}
