extension ExactDecimal {
    /// Parses a plain numeral ("93.68", "-3", "1,000.5", and "1E-3" as spreadsheets store it) exactly;
    /// nil for anything else, including numerals of more than 38 significant digits.
    public init?(_ text: some StringProtocol) {
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
                guard !overflow else { return nil }
                significand = shifted + Int128(scalar.value - 0x30)
                if sawPoint { scale += 1 }
            case ".":
                guard !sawPoint, sawDigit else { return nil }
                sawPoint = true
                endsWithPoint = true
            case ",":
                guard sawDigit, !sawPoint else { return nil }
            case "-", "+":
                guard index == 0 else { return nil }
                negative = scalar == "-"
            case "e", "E":
                guard sawDigit, !endsWithPoint else { return nil }
                var rest = String.UnicodeScalarView()
                while let next = scalars.next() { rest.append(next) }
                guard let value = Int(String(rest)), abs(value) <= 400 else { return nil }
                exponentPart = value
            default:
                return nil
            }
        }
        guard sawDigit, !endsWithPoint else { return nil }
        self.init(significand: negative ? -significand : significand, exponent: (exponentPart ?? 0) - scale)
    }
}

extension ExactDecimal: Codable {
    /// JSON: a number or a numeral string. Numbers are read from their digits, never through a binary float.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            guard let value = ExactDecimal(text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "应为数字，实为“\(text)”")
            }
            self = value
            return
        }
        let number = try container.decode(JSONNumeral.self)
        guard let value = ExactDecimal(number.text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "数字“\(number.text)”超出范围")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(JSONNumeral(text: description))
    }
}
