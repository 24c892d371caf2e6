import Foundation

/// Shows a numeral as a simple Excel number format would: "0", "0.0", "0.00", "0.00%" (other formats: as is).
enum NumberFormatDisplay {
    static func apply(_ format: String?, to numeral: String) -> String {
        guard let format, let value = Decimal(string: numeral, locale: Locale(identifier: "en_US_POSIX")) else { return numeral }
        let percent = format.hasSuffix("%")
        let pattern = percent ? String(format.dropLast()) : format
        guard pattern.allSatisfy({ $0 == "0" || $0 == "." }), pattern.hasPrefix("0") else { return numeral }
        let decimals = pattern.split(separator: ".").dropFirst().first?.count ?? 0
        var source = percent ? value * 100 : value
        var rounded = Decimal()
        NSDecimalRound(&rounded, &source, decimals, .plain)
        var text = rounded.description
        if decimals > 0 {
            if !text.contains(".") { text += "." }
            let have = text.split(separator: ".").last?.count ?? 0
            text += String(repeating: "0", count: max(0, decimals - (text.hasSuffix(".") ? 0 : have)))
        }
        return text + (percent ? "%" : "")
    }
}
