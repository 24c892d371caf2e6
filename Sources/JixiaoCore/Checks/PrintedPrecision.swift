/// The tolerance of DOMAIN.md §8: a printed figure is compared with what it could be after rounding.
public enum PrintedPrecision {
    /// Decimal places written in a numeral: "77.6" → 1, "100" → 0.
    public static func decimals(of numeral: String) -> Int {
        guard let point = numeral.firstIndex(of: ".") else { return 0 }
        return numeral.distance(from: point, to: numeral.endIndex) - 1
    }

    /// Whether `stated`, printed with `decimals` places, is `computed` rounded or truncated to that precision.
    public static func matches(_ computed: ExactDecimal, stated: ExactDecimal, decimals: Int) -> Bool {
        computed.rounded(scale: decimals) == stated || computed.truncated(scale: decimals) == stated
    }

    /// Whether a stated total agrees with the sum of `count` printed items: |total − sum| ≤ count × half a unit
    /// of the printed precision (0.005 for 2 decimals).
    public static func sumMatches(total: ExactDecimal, sum: ExactDecimal, count: Int, decimals: Int) -> Bool {
        let half = ExactDecimal(significand: 5, exponent: -(decimals + 1))
        return (total - sum).magnitude <= half * ExactDecimal(max(count, 1))
    }
}
