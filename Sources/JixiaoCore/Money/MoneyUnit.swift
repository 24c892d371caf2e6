/// The units amounts are written in: 元, 万元 (the tables' usual unit) and 亿元.
public enum MoneyUnit: String, Sendable, Codable, CaseIterable {
    case yuan = "元"
    case wan = "万元"
    case yi = "亿元"

    /// How many 分 one unit holds.
    public var fenPerUnit: Int64 {
        switch self {
        case .yuan: 100
        case .wan: 1_000_000
        case .yi: 10_000_000_000
        }
    }
}
