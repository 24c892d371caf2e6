/// Percentages as the tables print them.
public enum Percent {
    /// "99.99%": a ratio printed as a percentage with two decimals.
    public static func text(_ ratio: ExactDecimal) -> String {
        (ratio * 100).fixed(2) + "%"
    }
}
