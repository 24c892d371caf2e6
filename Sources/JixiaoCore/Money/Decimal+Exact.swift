import Foundation

extension Decimal {
    /// Parses a plain decimal numeral ("93.68", "-3", "1,000.5") exactly; nil for anything else.
    public static func exact(_ text: String) -> Decimal? {
        var significand: UInt64 = 0
        var scale = 0
        var significantDigits = 0
        var negative = false
        var sawDigit = false
        var sawPoint = false
        var endsWithPoint = false
        for (index, scalar) in text.unicodeScalars.enumerated() {
            endsWithPoint = false
            switch scalar {
            case "0"..."9":
                sawDigit = true
                if significand > 0 || scalar != "0" { significantDigits += 1 }
                guard significantDigits <= 19 else { return nil }
                significand = significand * 10 + UInt64(scalar.value - 0x30)
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
            default:
                return nil
            }
        }
        guard sawDigit, !endsWithPoint else { return nil }
        let magnitude = Decimal(sign: .plus, exponent: -scale, significand: Decimal(significand))
        return negative && significand != 0 ? -magnitude : magnitude
    }

    /// This value rounded half-up (away from zero) to `scale` decimal places.
    public func rounded(scale: Int) -> Decimal {
        var source = self
        var result = Decimal()
        NSDecimalRound(&result, &source, scale, .plain)
        return result
    }

    /// This value truncated toward zero to `scale` decimal places.
    public func truncated(scale: Int) -> Decimal {
        var source = self
        var result = Decimal()
        NSDecimalRound(&result, &source, scale, self < 0 ? .up : .down)
        return result
    }

    /// Rounded to `scale` places and printed with exactly that many decimals ("10.00").
    public func fixed(_ scale: Int) -> String {
        let rounded = rounded(scale: scale)
        var text = rounded.plainText
        guard scale > 0 else { return text }
        if let point = text.firstIndex(of: ".") {
            let decimals = text.distance(from: point, to: text.endIndex) - 1
            text += String(repeating: "0", count: max(0, scale - decimals))
        } else {
            text += "." + String(repeating: "0", count: scale)
        }
        return text
    }

    /// The shortest plain numeral for this value ("8", "99.99"), never scientific notation.
    public var plainText: String {
        description
    }
}
