/// Escaping text for XML content and attributes.
enum XMLText {
    /// The text escaped, without the characters XML 1.0 cannot carry (controls other than tab and line breaks,
    /// U+FFFE and U+FFFF), so no stored text can make a written part ill-formed.
    static func escape(_ text: String) -> String {
        // Most texts need nothing escaped: return them as they are. 0xEF leads U+FFFE and U+FFFF in UTF-8.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0xEF }) {
            return text
        }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default:
                guard isAllowed(scalar) else { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Whether XML 1.0 allows `scalar` in a document (surrogates cannot occur in a Swift string).
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: true
        case 0..<0x20, 0xFFFE, 0xFFFF: false
        default: true
        }
    }
}
