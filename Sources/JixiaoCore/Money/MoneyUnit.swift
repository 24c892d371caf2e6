/// The units amounts are written in: 元, 万元 (the tables' usual unit) and 亿元.
public enum MoneyUnit: String, Sendable, Codable, CaseIterable {
    case yuan = "元"
    case wan = "万元"
    case yi = "亿元"

    /// One unit is 10ⁿ 分: 元 2, 万元 6, 亿元 10.
    public var fenExponent: Int {
        switch self {
        case .yuan: 2
        case .wan: 6
        case .yi: 10
        }
    }
}
