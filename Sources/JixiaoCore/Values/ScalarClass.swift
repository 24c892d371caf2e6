/// The classes of characters the value reader cares about, decided by a switch rather than by searching a
/// string or looking up Unicode properties on every character.
enum ScalarClass {
    /// Spaces and line breaks, including the ideographic space and no-break spaces.
    static func isPadding(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF: true
        default: false
        }
    }

    /// Punctuation that ends a clause: ；; ，, 。 and the line break.
    static func isClauseSeparator(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "；", ";", "，", ",", "。", "\n": true
        default: false
        }
    }

    /// Punctuation trimmed from the end of a value: the clause separators and the enumeration comma 、.
    static func isTrailingPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        isClauseSeparator(scalar) || scalar == "、"
    }

    /// Marks that join two figures into a range: "90%-95%", "5～10次", "3至5次".
    static func isRangeMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "-", "~", "～", "—", "–", "至", "到", "－": true
        default: false
        }
    }

    /// What may stand before a minus sign that belongs to a figure: a comparator, a colon or an opening bracket.
    static func admitsSign(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "≥", "≤", "<", ">", "=", ":", "：", "(", "（": true
        default: false
        }
    }
}
