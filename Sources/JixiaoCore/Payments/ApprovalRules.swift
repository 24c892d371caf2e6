/// Who must approve a payment, by its amount (审批规则): data, so a province or a unit adds its own. The seeds' rules
/// (000, 002): every voucher is signed by 经办人, 分管领导 and 主要领导; from 5,000 元 (以上 includes the amount itself) the
/// 局党委会 decides collectively; from 10,000 元 the 分管区领导 also consents.
public struct ApprovalRules: Hashable, Sendable, Codable {
    public var id: String
    public var version: String
    public var name: String
    /// The positions that take part, in the order they act.
    public var positions: [Position]
    /// The steps required from each amount on; the tier with the highest minimum not above the amount applies.
    public var tiers: [Tier]

    /// A position in the chain: one a unit user holds (经办人, 分管领导 …), whose step is that user's signature, or a
    /// body whose step is a recorded act (the 党委会's decision, the 分管区领导's consent) with its date and reference.
    public struct Position: Hashable, Sendable, Codable {
        public var id: String
        public var name: String
        public var kind: Kind

        public enum Kind: String, Hashable, Sendable, Codable {
            /// Signed by the user holding the position.
            case signature
            /// A decision or consent recorded, with its date and reference, by a user holding the position.
            case act
        }
    }

    /// From `minimum` 元 on (inclusive), these positions must all have acted.
    public struct Tier: Hashable, Sendable, Codable {
        public var minimum: Money
        public var positions: [String]

        enum CodingKeys: String, CodingKey {
            case minimumYuan, positions
        }

        public init(minimum: Money, positions: [String]) {
            self.minimum = minimum
            self.positions = positions
        }

        /// The minimum is written in 元 in the rules file ("minimumYuan": "5000").
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            let amount = try c.decode(ExactDecimal.self, forKey: .minimumYuan)
            guard let money = Money(amount, unit: .yuan) else {
                throw DecodingError.dataCorruptedError(forKey: .minimumYuan, in: c, debugDescription: "金额超出范围")
            }
            self.init(minimum: money, positions: try c.decode([String].self, forKey: .positions))
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(minimum.amount(in: .yuan), forKey: .minimumYuan)
            try c.encode(positions, forKey: .positions)
        }
    }

    /// "seeds-2023@2023.1"
    public var reference: String { "\(id)@\(version)" }

    /// The positions whose steps a payment of `amount` needs, in the rules' order.
    public func required(for amount: Money) -> [Position] {
        let tier = tiers.filter { $0.minimum <= amount }.max { $0.minimum < $1.minimum }
        let ids = Set(tier?.positions ?? [])
        return positions.filter { ids.contains($0.id) }
    }

    public func position(_ id: String) -> Position? {
        positions.first { $0.id == id }
    }

    /// Why the rules cannot be used (a tier naming an unknown position, no tier from 0), or nil.
    public var problem: String? {
        let known = Set(positions.map(\.id))
        if let unknown = tiers.flatMap(\.positions).first(where: { !known.contains($0) }) {
            return "审批规则 \(reference) 的金额档次引用了未定义的岗位“\(unknown)”"
        }
        if !tiers.contains(where: { $0.minimum == .zero }) { return "审批规则 \(reference) 缺少从 0 元起的档次" }
        return nil
    }
}
