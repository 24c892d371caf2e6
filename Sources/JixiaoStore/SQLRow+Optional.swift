import SQLKit

extension SQLRow {
    /// The column's value, nil for SQL NULL (decoded the same way on SQLite and PostgreSQL).
    func optional<T: Decodable>(_ column: String, as type: T.Type) throws -> T? {
        try decodeNil(column: column) ? nil : try decode(column: column, as: type)
    }
}
