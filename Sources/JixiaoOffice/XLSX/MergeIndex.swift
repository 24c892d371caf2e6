/// A sheet's merged ranges clipped to its used range and listed row by row, so that finding a cell's merge is a
/// search among the merges crossing its row and no merged cell is ever stored one by one.
struct MergeIndex: Sendable {
    /// For each row, the clipped merges crossing it, in column order.
    private var byRow: [Int: [CellRange]] = [:]
    /// Two merges sharing a cell, when there are.
    private(set) var overlap: (CellRange, CellRange)?

    init() {}

    /// Indexes `merges` within rows 1...rows and columns 1...columns; the rest of each merge shows nothing
    /// and is dropped. Callers bound ``coveredCells(_:rows:columns:)`` first.
    init(_ merges: [CellRange], rows: Int, columns: Int) {
        for merge in merges {
            guard let clipped = Self.clip(merge, rows: rows, columns: columns) else { continue }
            for row in clipped.start.row...clipped.end.row { byRow[row, default: []].append(clipped) }
        }
        for (row, crossing) in byRow {
            let ordered = crossing.sorted { $0.start.column < $1.start.column }
            byRow[row] = ordered
            if overlap == nil, let index = ordered.indices.dropFirst().first(where: { ordered[$0].start.column <= ordered[$0 - 1].end.column }) {
                overlap = (ordered[index - 1], ordered[index])
            }
        }
    }

    /// How many cells of rows 1...rows and columns 1...columns `merges` cover, counted without listing them.
    static func coveredCells(_ merges: [CellRange], rows: Int, columns: Int) -> Int {
        merges.reduce(0) { total, merge in
            guard let clipped = clip(merge, rows: rows, columns: columns) else { return total }
            return total + (clipped.end.row - clipped.start.row + 1) * (clipped.end.column - clipped.start.column + 1)
        }
    }

    private static func clip(_ merge: CellRange, rows: Int, columns: Int) -> CellRange? {
        guard merge.start.row <= rows, merge.start.column <= columns else { return nil }
        return CellRange(
            start: merge.start,
            end: CellReference(row: min(merge.end.row, rows), column: min(merge.end.column, columns)))
    }

    /// The rows crossed by a merge.
    var rows: Dictionary<Int, [CellRange]>.Keys { byRow.keys }

    /// The merges crossing `row`, in column order.
    func merges(in row: Int) -> [CellRange] { byRow[row] ?? [] }

    /// The merge holding `cell`, found by binary search among the merges crossing its row.
    func merge(containing cell: CellReference) -> CellRange? {
        guard let crossing = byRow[cell.row] else { return nil }
        let after = crossing.partitioningIndex { $0.start.column > cell.column }
        guard after > 0, crossing[after - 1].end.column >= cell.column else { return nil }
        return crossing[after - 1]
    }
}
