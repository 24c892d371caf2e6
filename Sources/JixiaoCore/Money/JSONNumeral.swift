import Foundation

/// A JSON number carried as its exact text: decoded and encoded through Foundation's `Decimal`, whose JSON
/// coding reads and writes digits, so no value ever passes through `Double` (``JSONTreeDecoder`` gives the text itself).
struct JSONNumeral: Codable {
    var text: String

    init(text: String) {
        self.text = text
    }

    init(from decoder: any Decoder) throws {
        // The store's decoder has the number's text as written: no Decimal is made to read it.
        if let source = decoder as? any JSONNumberSource {
            text = try source.numberText()
        } else {
            text = try decoder.singleValueContainer().decode(Decimal.self).description
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        guard let decimal = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else {
            throw EncodingError.invalidValue(text, .init(codingPath: encoder.codingPath, debugDescription: "not a numeral"))
        }
        try container.encode(decimal)
    }
}

/// A decoder that gives a JSON number's text as written (``JSONTreeDecoder``).
protocol JSONNumberSource {
    /// The number's text; an error when the value is not a number.
    func numberText() throws -> String
}
