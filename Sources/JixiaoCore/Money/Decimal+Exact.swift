import Foundation

extension Decimal {
    /// Parses a plain decimal numeral ("93.68", "-3", "1,000.5") exactly; nil for anything else.
    public static func exact(_ text: String) -> Decimal? {
        var digits = ""
        var sawDigit = false
        var sawPoint = false
        for (index, scalar) in text.unicodeScalars.enumerated() {
            switch scalar {
            case "0"..."9":
                digits.unicodeScalars.append(scalar)
                sawDigit = true
            case ".":
                guard !sawPoint, sawDigit else { return nil }
                sawPoint = true
                digits.append(".")
            case ",":
                guard sawDigit, !sawPoint else { return nil }
            case "-", "+":
                guard index == 0 else { return nil }
                if scalar == "-" { digits.append("-") }
            default:
                return nil
            }
        }
        guard sawDigit, digits.last != "." else { return nil }
        return Decimal(string: digits, locale: Locale(identifier: "en_US_POSIX"))
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
        var copy = self
        return NSDecimalString(&copy, Locale(identifier: "en_US_POSIX"))
    }
}
