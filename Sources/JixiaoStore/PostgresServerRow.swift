import PostgresKit
import SQLKit

/// A row of a statement ``PostgresServer`` prepared. Text and integers, most of what the store reads, are read from
/// the cells' bytes as the row arrives: PostgresKit's generic decoder took most of a listing's time (100 rows of 15
/// columns), as it did on SQLite (`EmbeddedSQLiteRow`), and PostgresNIO's own per-cell decoding a fifth of a page's
/// time after it. Other types go through PostgresKit's row.
struct PostgresServerRow: SQLRow {
    private let row: PostgresRow
    private let values: [Value]
    private let columns: ResultColumns

    /// A cell as read: NULL, text, an integer, or something else left to PostgresKit.
    private enum Value {
        case null
        case text(String)
        case integer(Int)
        case other
    }

    init(_ row: PostgresRow, columns: ResultColumns) {
        self.row = row
        self.values = row.map(Self.value)
        self.columns = columns
    }

    private static func value(_ cell: PostgresCell) -> Value {
        guard var bytes = cell.bytes else { return .null }
        switch (cell.format, cell.dataType) {
        case (_, .text), (_, .varchar), (_, .bpchar), (_, .name):
            return bytes.readString(length: bytes.readableBytes).map(Value.text) ?? .other
        case (.binary, .int8) where bytes.readableBytes == 8:
            return bytes.readInteger(as: Int64.self).map { .integer(Int($0)) } ?? .other
        case (.binary, .int4) where bytes.readableBytes == 4:
            return bytes.readInteger(as: Int32.self).map { .integer(Int($0)) } ?? .other
        case (.binary, .int2) where bytes.readableBytes == 2:
            return bytes.readInteger(as: Int16.self).map { .integer(Int($0)) } ?? .other
        default:
            return .other
        }
    }

    var allColumns: [String] { columns.names }

    func contains(column: String) -> Bool {
        columns.index[column] != nil
    }

    func decodeNil(column: String) throws -> Bool {
        guard let at = columns.index[column] else { return true }
        if case .null = values[at] { return true }
        return false
    }

    func decode<D: Decodable>(column: String, as type: D.Type) throws -> D {
        let at = try columns.position(of: column)
        switch values[at] {
        case .text(let text) where D.self == String.self: return unsafeBitCast(text, to: D.self)
        case .integer(let number) where D.self == Int.self: return unsafeBitCast(number, to: D.self)
        default: return try row.sql().decode(column: column, as: D.self)
        }
    }
}
