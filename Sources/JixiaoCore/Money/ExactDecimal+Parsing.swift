/// Why a text was not taken as a number.
public enum NumeralError: Error, Sendable, Equatable {
    /// Not a plain numeral at all.
    case notANumeral
    /// A numeral outside ``ExactDecimal/inputMagnitudeLimit`` or finer than ``ExactDecimal/inputFinestExponent``.
    case outOfRange

    /// The message for `text`, in the words of the forms ("应为数字" / "超出范围").
    public func message(for text: some StringProtocol) -> String {
        switch self {
        case .notANumeral: "应为数字，实为“\(text.prefix(40))”"
        case .outOfRange: "数字“\(text.prefix(40))”超出可处理的范围（\(ExactDecimal.inputRangeText)）"
        }
    }
}

extension ExactDecimal {
    /// Every number read from input is below 10¹⁸ in magnitude (10¹⁸ 万元 is beyond any budget, and 分 beyond
    /// Int64), so weights, scores and amounts are refused with a clear message instead of being carried at sizes
    /// no arithmetic of the domain needs.
    public static let inputMagnitudeExponent = 18
    /// The finest digit input may carry: 10⁻³⁰ (spreadsheets store float noise such as 5.55E-17).
    public static let inputFinestExponent = -30

    /// The range input numbers must lie in, as messages state it.
    public static let inputRangeText = "绝对值须小于 10^18，小数不超过 30 位"

    /// Parses a plain numeral exactly, or nil; see ``init(parsing:)``.
    public init?(_ text: some StringProtocol) {
        guard let value = try? ExactDecimal(parsing: text) else { return nil }
        self = value
    }

    /// Parses a plain numeral ("93.68", "-3", "1,000.5", and "1E-3" as spreadsheets store it) exactly, within the
    /// input range; throws ``NumeralError/outOfRange`` for one beyond it (including more than 38 significant digits)
    /// and ``NumeralError/notANumeral`` for anything else.
    public init(parsing text: some StringProtocol) throws(NumeralError) {
        var significand: Int128 = 0
        var scale = 0
        var negative = false
        var sawDigit = false
        var sawPoint = false
        var endsWithPoint = false
        var exponentPart: Int?
        var scalars = text.unicodeScalars.makeIterator()
        var index = 0
        while let scalar = scalars.next() {
            defer { index += 1 }
            endsWithPoint = false
            switch scalar {
            case "0"..."9":
                sawDigit = true
                let (shifted, overflow) = significand.multipliedReportingOverflow(by: 10)
                guard !overflow else { throw .outOfRange }
                significand = shifted + Int128(scalar.value - 0x30)
                if sawPoint { scale += 1 }
            case ".":
                guard !sawPoint, sawDigit else { throw .notANumeral }
                sawPoint = true
                endsWithPoint = true
            case ",":
                guard sawDigit, !sawPoint else { throw .notANumeral }
            case "-", "+":
                guard index == 0 else { throw .notANumeral }
                negative = scalar == "-"
            case "e", "E":
                guard sawDigit, !endsWithPoint else { throw .notANumeral }
                var rest = String.UnicodeScalarView()
                while let next = scalars.next() { rest.append(next) }
                let digits = rest.first == "-" || rest.first == "+" ? String(rest.dropFirst()) : String(rest)
                guard !digits.isEmpty, digits.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }) else { throw .notANumeral }
                // Any exponent of more than four digits is far outside the input range (and could overflow Int).
                guard digits.count <= 4, let value = Int(String(rest)) else { throw .outOfRange }
                exponentPart = value
            default:
                throw .notANumeral
            }
        }
        guard sawDigit, !endsWithPoint else { throw .notANumeral }
        self.init(significand: negative ? -significand : significand, exponent: (exponentPart ?? 0) - scale)
        // The normalised value's digits and exponent (the local `significand` still holds the trailing zeros that
        // normalising moved into the exponent: counting both refused 1000000000 as out of range).
        guard self.significand == 0 || (self.exponent >= Self.inputFinestExponent
            && Self.digits(self.significand) + self.exponent <= Self.inputMagnitudeExponent) else { throw .outOfRange }
    }
}

extension ExactDecimal: Codable {
    /// JSON: a number or a numeral string. Numbers are read from their digits, never through a binary float.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        // A number first: stored documents hold numbers, and a failed attempt costs a thrown error.
        let text: String
        if let number = try? container.decode(JSONNumeral.self) {
            text = number.text
        } else if let string = try? container.decode(String.self) {
            text = string
        } else {
            text = try container.decode(JSONNumeral.self).text
        }
        do {
            self = try ExactDecimal(parsing: text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.message(for: text))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(JSONNumeral(text: description))
    }
}
