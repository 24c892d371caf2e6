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
