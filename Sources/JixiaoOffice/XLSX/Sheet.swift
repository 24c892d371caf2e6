/// One worksheet as a grid: cells by address and merged ranges, read-only.
public struct Sheet: Sendable {
    public var name: String
    public private(set) var cells: [CellReference: CellValue]
    public private(set) var merges: [CellRange]
    /// The last row and column holding a value.
    public private(set) var rowCount: Int
    public private(set) var columnCount: Int
    /// For each cell inside a merge, the merge's top-left cell.
    private var mergeOrigins: [CellReference: CellReference]

    public init(name: String, cells: [CellReference: CellValue], merges: [CellRange] = []) {
        self.name = name
        self.cells = cells
        self.merges = merges
        rowCount = cells.keys.map(\.row).max() ?? 0
        columnCount = cells.keys.map(\.column).max() ?? 0
        var origins: [CellReference: CellReference] = [:]
        for merge in merges where (merge.end.row - merge.start.row + 1) * (merge.end.column - merge.start.column + 1) <= 1_000_000 {
            for row in merge.start.row...merge.end.row {
                for column in merge.start.column...merge.end.column {
                    origins[CellReference(row: row, column: column)] = merge.start
                }
            }
        }
        mergeOrigins = origins
    }

    /// The value shown at `cell`: a cell inside a merged range shows the range's top-left value.
    public func value(_ cell: CellReference) -> CellValue? {
        cells[mergeOrigins[cell] ?? cell]
    }

    /// The text shown at row, column ("" when empty), merges resolved.
    public func text(row: Int, column: Int) -> String {
        value(CellReference(row: row, column: column))?.text ?? ""
    }

    /// Every row's cell texts from column A to the last column, merges resolved.
    public var rows: [[String]] {
        guard rowCount > 0, columnCount > 0 else { return [] }
        return (1...rowCount).map { row in (1...columnCount).map { text(row: row, column: $0) } }
    }

    /// Whether `cell` is the top-left cell of its merge or not merged at all.
    public func isOrigin(_ cell: CellReference) -> Bool {
        mergeOrigins[cell].map { $0 == cell } ?? true
    }
}
