/// A statement's result column names and where each is (the first of a repeated name), read once and shared by every
/// row of the result (`EmbeddedSQLiteRow`, `PostgresServerRow`).
struct ResultColumns: Sendable {
    var names: [String]
    var index: [String: Int]

    init(_ names: [String]) {
        self.names = names
        self.index = Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }
}

extension ResultColumns {
    /// Where `column` is; a column the result does not have is an error naming it.
    func position(of column: String) throws -> Int {
        guard let at = index[column] else {
            throw DecodingError.keyNotFound(ColumnKey(column), .init(codingPath: [], debugDescription: "结果中没有列 \(column)"))
        }
        return at
    }
}

/// A column name as a coding key, for the error of a column a row does not have.
private struct ColumnKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ name: String) { stringValue = name }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
