/// Widths of text in half-em columns, as terminals, spreadsheet column widths and Chinese typesetting count them:
/// East Asian wide and full-width characters take two, others one.
public enum DisplayWidth {
    public static func of(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + width($1) }
    }

    public static func width(_ scalar: Unicode.Scalar) -> Int {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return 2
        case 0x0300...0x036F, 0x200B...0x200F:
            return 0
        default:
            return 1
        }
    }

    /// `text` cut to `columns` (with "…" when cut) and padded with spaces to exactly that width.
    public static func fit(_ text: String, _ columns: Int, alignRight: Bool = false) -> String {
        var result = ""
        var used = 0
        let flat = text.replacingOccurrences(of: "\n", with: " ")
        for scalar in flat.unicodeScalars {
            let next = width(scalar)
            if used + next > columns - (DisplayWidth.of(flat) > columns ? 1 : 0) {
                result += "…"
                used += 1
                break
            }
            result.unicodeScalars.append(scalar)
            used += next
        }
        let padding = String(repeating: " ", count: max(0, columns - used))
        return alignRight ? padding + result : result + padding
    }
}
