import Hummingbird
import JixiaoCore

/// Numbers and texts taken from a request (query parameters, form fields) into bounded ranges, so no value a
/// client sends can overflow arithmetic, make a query unbounded or a pattern too complex for the database.
/// Anything outside is a 400 that names the parameter and what was expected.
enum RequestValues {
    /// Pages of a listing (the overview shows 100 a page: ten million rows).
    static let pages = 1...100_000
    /// Rows one API listing returns at once.
    static let listingLimit = 1...1_000
    /// Where an API listing starts.
    static let offsets = 0...10_000_000
    /// Versions a save may name.
    static let versions = 1...Int(Int32.max)
    /// A search or filter text.
    static let maximumFilterCharacters = 100

    /// The integer in `text`, nil when blank; a 400 when it is not a whole number within `range`.
    static func integer(_ text: (some StringProtocol)?, _ name: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let text, !text.isEmpty else { return nil }
        guard text.utf8.count <= 20, let value = Int(text), range.contains(value) else {
            throw HTTPError(.badRequest, message: "参数“\(name)”应为 \(range.lowerBound) 至 \(range.upperBound) 之间的整数，收到“\(text.prefix(20))”")
        }
        return value
    }

    /// A fiscal year, nil when blank.
    static func year(_ text: (some StringProtocol)?, _ name: String = "year") throws -> Int? {
        try integer(text, name, in: FiscalYear.acceptedYears)
    }

    /// A search or filter text, trimmed; a 400 when it is longer than ``maximumFilterCharacters``.
    static func filter(_ text: (some StringProtocol)?, _ name: String) throws -> String {
        let trimmed = (text.map { String($0) } ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.count <= maximumFilterCharacters else {
            throw HTTPError(.badRequest, message: "参数“\(name)”过长（\(trimmed.count) 个字符），上限为 \(maximumFilterCharacters) 个字符")
        }
        return trimmed
    }
}
