import Foundation

/// A number as a table states it: a value, "/" (not applicable) or nothing at all.
///
/// Weights and scores are stated this way; keeping "/" apart from a blank cell lets the scorer tell
/// a row that does not apply from one whose figure is missing.
public enum StatedNumber: Hashable, Sendable {
    case absent
    case notApplicable
    case value(ExactDecimal)

    /// The value, when one is stated.
    public var value: ExactDecimal? {
        if case .value(let number) = self { number } else { nil }
    }

    /// The figure as it would be printed in the table.
    public var text: String {
        switch self {
        case .absent: ""
        case .notApplicable: "/"
        case .value(let number): number.plainText
        }
    }
}

extension StatedNumber: Codable {
    /// JSON: a number, a numeral string, "/" for not applicable, or null / missing for absent.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .absent
        } else if let number = try? container.decode(JSONNumeral.self), let value = try? ExactDecimal(parsing: number.text) {
            // A number first: stored documents hold numbers, and a failed attempt costs a thrown error.
            self = .value(value)
        } else if let text = try? container.decode(String.self) {
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty {
                self = .absent
            } else if NotApplicable.matches(trimmed) {
                self = .notApplicable
            } else if let number = ExactDecimal(trimmed) {
                self = .value(number)
            } else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "应为数字或“/”，实为“\(text)”")
            }
        } else {
            self = .value(try container.decode(ExactDecimal.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .absent: try container.encodeNil()
        case .notApplicable: try container.encode("/")
        case .value(let number): try container.encode(number)
        }
    }
}

/// The marks people use for "does not apply": "/", "／", "——", "-", "无".
public enum NotApplicable {
    static let marks: Set<String> = ["/", "／", "\\", "—", "——", "-", "--", "－", "无", "不适用", "N/A", "n/a"]

    /// Whether `text` (already trimmed) says "not applicable".
    public static func matches(_ text: String) -> Bool {
        marks.contains(text)
    }
}
