import Foundation

/// A JSON number carried as its exact text: decoded and encoded through Foundation's `Decimal`, whose JSON
/// coding reads and writes digits, so no value ever passes through `Double`.
struct JSONNumeral: Codable {
    var text: String

    init(text: String) {
        self.text = text
    }

    init(from decoder: any Decoder) throws {
        text = try decoder.singleValueContainer().decode(Decimal.self).description
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        guard let decimal = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else {
            throw EncodingError.invalidValue(text, .init(codingPath: encoder.codingPath, debugDescription: "not a numeral"))
        }
        try container.encode(decimal)
    }
}
