/// Whether a cell or a word of a line is an amount as statements print them: digits with an optional sign, thousands
/// separated by commas, and one decimal point ("1,234.56", "-0.5", "0"); never "nan", "inf" or "1e5".
enum AmountText {
    static func isAmount(_ text: String) -> Bool {
        var digits = 0
        var points = 0
        for (index, character) in text.enumerated() {
            switch character {
            case "0"..."9": digits += 1
            case ".": points += 1
            case ",", "，": if digits == 0 { return false }
            case "-", "－": if index != 0 { return false }
            default: return false
            }
        }
        return digits > 0 && points <= 1
    }
}
