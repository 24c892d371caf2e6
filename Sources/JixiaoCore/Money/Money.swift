import Foundation

/// An amount of money held exactly as an integer number of 分 (fen, 0.01 元); never binary floating point.
public struct Money: Hashable, Comparable, Sendable, Codable {
    /// The amount in 分.
    public var fen: Int64

    public init(fen: Int64) {
        self.fen = fen
    }

    public static let zero = Money(fen: 0)

    /// The amount given in `unit`, rounded half-up to the nearest 分 (spreadsheets store 93.68 as 93.68000000000001).
    public init?(_ amount: ExactDecimal, unit: MoneyUnit) {
        let fen = (amount * ExactDecimal(significand: 1, exponent: unit.fenExponent)).rounded(scale: 0)
        guard fen.exponent <= 18 else { return nil }
        let (whole, overflow) = fen.significand.multipliedReportingOverflow(by: ExactDecimal.powers[fen.exponent])
        guard !overflow, let value = Int64(exactly: whole) else { return nil }
        self.fen = value
    }

    /// The amount expressed in `unit`, exactly.
    public func amount(in unit: MoneyUnit) -> ExactDecimal {
        ExactDecimal(significand: Int128(fen), exponent: -unit.fenExponent)
    }

    /// The amount in 万元 with two decimals, as the official tables print it ("40.91").
    public var wanText: String {
        amount(in: .wan).fixed(2)
    }

    /// This amount as a share of `whole`, exactly; nil when `whole` is zero (a rate with a zero denominator is no rate).
    public func ratio(to whole: Money) -> ExactDecimal? {
        ExactDecimal(significand: Int128(fen)).divided(by: ExactDecimal(significand: Int128(whole.fen)))
    }

    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.fen < rhs.fen }
    public static func + (lhs: Money, rhs: Money) -> Money { Money(fen: lhs.fen + rhs.fen) }
    public static func - (lhs: Money, rhs: Money) -> Money { Money(fen: lhs.fen - rhs.fen) }
}

extension Money {
    /// Encoded as a decimal string in 万元, the unit of the official tables, so JSON never carries a binary float.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let amount: ExactDecimal
        do {
            amount = try container.decode(ExactDecimal.self)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "金额应为以万元计的数字")
        }
        guard let money = Money(amount, unit: .wan) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "金额超出范围：\(amount)")
        }
        self = money
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(amount(in: .wan).plainText)
    }
}
