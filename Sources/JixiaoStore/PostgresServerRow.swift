import PostgresKit
import SQLKit

/// A row of a statement ``PostgresServer`` prepared. Text and integers, most of what the store reads, are read from
/// their cells directly: PostgresKit's generic decoder took most of a listing's time (20 rows of 15 columns), as it did
/// on SQLite (`EmbeddedSQLiteRow`). Other types go through PostgresKit's row.
struct PostgresServerRow: SQLRow {
    private let row: PostgresRow
    private let cells: PostgresRandomAccessRow

    init(_ row: PostgresRow) {
        self.row = row
        self.cells = row.makeRandomAccess()
    }

    var allColumns: [String] { cells.map(\.columnName) }

    func contains(column: String) -> Bool {
        cells.contains(column)
    }

    func decodeNil(column: String) throws -> Bool {
        !cells.contains(column) || cells[column].bytes == nil
    }

    func decode<D: Decodable>(column: String, as type: D.Type) throws -> D {
        guard cells.contains(column) else {
            throw DecodingError.keyNotFound(SQLRowCodingKey(column), .init(codingPath: [], debugDescription: "结果中没有列 \(column)"))
        }
        if D.self == String.self { return unsafeBitCast(try cells[column].decode(String.self), to: D.self) }
        if D.self == Int.self { return unsafeBitCast(try cells[column].decode(Int.self), to: D.self) }
        return try row.sql().decode(column: column, as: D.self)
    }
}
