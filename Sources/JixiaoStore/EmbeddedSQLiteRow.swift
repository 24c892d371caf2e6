import SQLKit
import SQLiteKit

/// A row read by `EmbeddedSQLite`: its values, and the statement's column names shared by every row.
struct EmbeddedSQLiteRow: SQLRow {
    var columns: ResultColumns
    var values: [SQLiteData]
    var decoder: SQLiteDataDecoder

    var allColumns: [String] { columns.names }

    func contains(column: String) -> Bool { columns.index[column] != nil }

    func decodeNil(column: String) throws -> Bool {
        guard let at = columns.index[column] else { return true }
        return values[at] == .null
    }

    func decode<D: Decodable>(column: String, as type: D.Type) throws -> D {
        let at = try columns.position(of: column)
        // Text and integers, most of what the store reads, directly: the generic decoder was a tenth of a list's time.
        switch values[at] {
        case .text(let text) where D.self == String.self: return unsafeBitCast(text, to: D.self)
        case .integer(let integer) where D.self == Int.self: return unsafeBitCast(integer, to: D.self)
        default: return try decoder.decode(D.self, from: values[at])
        }
    }
}
