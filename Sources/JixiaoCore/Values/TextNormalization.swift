/// Folds the variants people type into one form before reading: full-width digits and symbols
/// (`９`, `％`, `＞`) to ASCII, `≧` to `≥`, `>=` to `≥`, non-breaking and ideographic spaces to none.
enum TextNormalization {
    static func normalize(_ text: String) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            let folded = fold(scalar)
            if let folded {
                if folded == "=", let last = out.last, last == ">" || last == "<" {
                    out[out.count - 1] = last == ">" ? "≥" : "≤"
                } else {
                    out.append(folded)
                }
            }
        }
        return out
    }

    /// The scalar to read in place of `scalar`; nil to drop it.
    private static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar.value {
        case 0xFF01...0xFF5E where !isKeptFullWidth(scalar):
            return Unicode.Scalar(scalar.value - 0xFEE0)
        case 0x3000, 0x00A0, 0x2002...0x200B, 0xFEFF, 0x0009, 0x0020:
            return nil
        case 0x000D:
            return "\n"
        case 0x2267, 0x2A7E:
            return "≥"
        case 0x2266, 0x2A7D:
            return "≤"
        default:
            return scalar
        }
    }

    /// Full-width punctuation that separates clauses in Chinese; kept as written.
    private static func isKeptFullWidth(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "，", "；", "：", "（", "）", "！", "？": true
        default: false
        }
    }
}
