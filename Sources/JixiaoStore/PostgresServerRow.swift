import PostgresKit
import SQLKit

/// A row of a statement ``PostgresServer`` prepared. Text and integers, most of what the store reads, are read from
/// their cells directly: PostgresKit's generic decoder took most of a listing's time (100 rows of 15 columns), as it did
/// on SQLite (`EmbeddedSQLiteRow`). Other types go through PostgresKit's row. The cells are taken out once.
struct PostgresServerRow: SQLRow {
    private let row: PostgresRow
    private let cells: [PostgresCell]
    private let columns: ResultColumns

    init(_ row: PostgresRow, columns: ResultColumns) {
        self.row = row
        self.cells = Array(row)
        self.columns = columns
    }

    var allColumns: [String] { columns.names }

    func contains(column: String) -> Bool {
        columns.index[column] != nil
    }

    func decodeNil(column: String) throws -> Bool {
        guard let at = columns.index[column] else { return true }
        return cells[at].bytes == nil
    }

    func decode<D: Decodable>(column: String, as type: D.Type) throws -> D {
        let at = try columns.position(of: column)
        if D.self == String.self { return unsafeBitCast(try cells[at].decode(String.self), to: D.self) }
        if D.self == Int.self { return unsafeBitCast(try cells[at].decode(Int.self), to: D.self) }
        return try row.sql().decode(column: column, as: D.self)
    }
}
