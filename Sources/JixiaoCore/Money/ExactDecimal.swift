/// An exact decimal number: an `Int128` significand times a power of ten. Weights, scores, rates and indicator
/// figures are held this way; addition, subtraction and multiplication are exact, division keeps 30 significant
/// digits, and nothing is rounded to print precision until a caller asks. No allocation, no binary floating point.
public struct ExactDecimal: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Kept without trailing zeros (and zero as 0 × 10⁰), so equal values compare equal memberwise.
    public private(set) var significand: Int128
    public private(set) var exponent: Int

    /// Significant digits kept by division, and when an exact result would not fit.
    static let divisionDigits = 30

    public init(significand: Int128, exponent: Int = 0) {
        self.significand = significand
        self.exponent = exponent
        normalize()
    }

    public init(_ integer: Int) {
        self.init(significand: Int128(integer))
    }

    public static let zero = ExactDecimal(0)

    private mutating func normalize() {
        if significand == 0 {
            exponent = 0
            return
        }
        while significand % 10 == 0 {
            significand /= 10
            exponent += 1
        }
    }

    /// 10ⁿ for 0 ≤ n ≤ 38.
    static let powers: [Int128] = (0...38).map { n in (0..<n).reduce(Int128(1)) { value, _ in value * 10 } }

    /// The number of decimal digits of |value| (1 for zero).
    static func digits(_ value: Int128) -> Int {
        var count = 1
        while count <= 38, value.magnitude >= UInt128(powers[count]) { count += 1 }
        return count
    }

    /// `value` divided by 10ⁿ, rounded half away from zero.
    static func shiftRight(_ value: Int128, by n: Int) -> Int128 {
        guard n > 0 else { return value }
        guard n <= 38 else { return 0 }
        let divisor = powers[n]
        let quotient = value / divisor
        let remainder = value % divisor
        if remainder.magnitude * 2 >= divisor.magnitude { return quotient + (value < 0 ? -1 : 1) }
        return quotient
    }

    /// This value with one digit fewer of precision.
    private func droppingDigit() -> ExactDecimal {
        ExactDecimal(significand: Self.shiftRight(significand, by: 1), exponent: exponent + 1)
    }

    /// The significand expressed at `target` (≤ exponent), or nil when it would not fit.
    private func significand(at target: Int) -> Int128? {
        let gap = exponent - target
        if gap == 0 || significand == 0 { return significand }
        guard gap <= 38 else { return nil }
        let (scaled, overflow) = significand.multipliedReportingOverflow(by: Self.powers[gap])
        return overflow ? nil : scaled
    }

    /// Both operands over a common exponent; the finer one loses digits only when aligning would overflow.
    ///
    /// Terminates for any operands: each round drops one digit of the finer operand, which either fits or reaches
    /// zero (a value too small to show beside the other) within 39 rounds; zero aligns at the other's exponent.
    static func aligned(_ lhs: ExactDecimal, _ rhs: ExactDecimal) -> (Int128, Int128, Int) {
        var (a, b) = (lhs, rhs)
        while true {
            if a.significand == 0 { return (0, b.significand, b.exponent) }
            if b.significand == 0 { return (a.significand, 0, a.exponent) }
            let target = min(a.exponent, b.exponent)
            if let x = a.significand(at: target), let y = b.significand(at: target) { return (x, y, target) }
            if a.exponent < b.exponent { a = a.droppingDigit() } else { b = b.droppingDigit() }
        }
    }

    public static func + (lhs: ExactDecimal, rhs: ExactDecimal) -> ExactDecimal {
        let (x, y, exponent) = aligned(lhs, rhs)
        let (sum, overflow) = x.addingReportingOverflow(y)
        if overflow { return ExactDecimal(significand: x / 10 + y / 10, exponent: exponent + 1) }
        return ExactDecimal(significand: sum, exponent: exponent)
    }

    public static func += (lhs: inout ExactDecimal, rhs: ExactDecimal) {
        lhs = lhs + rhs
    }

    public static prefix func - (value: ExactDecimal) -> ExactDecimal {
        ExactDecimal(significand: -value.significand, exponent: value.exponent)
    }

    public static func - (lhs: ExactDecimal, rhs: ExactDecimal) -> ExactDecimal {
        lhs + -rhs
    }

    public static func * (lhs: ExactDecimal, rhs: ExactDecimal) -> ExactDecimal {
        var (x, y) = (lhs, rhs)
        while true {
            let (product, overflow) = x.significand.multipliedReportingOverflow(by: y.significand)
            if !overflow { return ExactDecimal(significand: product, exponent: x.exponent + y.exponent) }
            // Round the longer operand by one digit until the product fits.
            if digits(x.significand) >= digits(y.significand) { x = x.droppingDigit() } else { y = y.droppingDigit() }
        }
    }

    /// The quotient to ``divisionDigits`` significant digits, rounded half away from zero; nil when dividing by zero.
    public func divided(by divisor: ExactDecimal) -> ExactDecimal? {
        guard divisor.significand != 0 else { return nil }
        if significand == 0 { return .zero }
        let negative = (significand < 0) != (divisor.significand < 0)
        var denominator = divisor.significand.magnitude
        var exponent = self.exponent - divisor.exponent
        // Keep remainder × 10 inside UInt128: a divisor above 10³⁷ loses its last digits.
        while denominator > UInt128.max / 10 {
            denominator = (denominator + 5) / 10
            exponent -= 1
        }
        var quotient = significand.magnitude / denominator
        var remainder = significand.magnitude % denominator
        var significant = quotient == 0 ? 0 : Self.digits(Int128(quotient))
        while remainder != 0 && significant < Self.divisionDigits {
            remainder *= 10
            quotient = quotient * 10 + remainder / denominator
            remainder %= denominator
            exponent -= 1
            if quotient != 0 { significant += 1 }
        }
        if remainder * 2 >= denominator { quotient += 1 }
        let magnitude = Int128(quotient)
        return ExactDecimal(significand: negative ? -magnitude : magnitude, exponent: exponent)
    }

    public static func < (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool {
        let (x, y, _) = aligned(lhs, rhs)
        return x < y
    }

    /// Rounded half away from zero to `scale` decimal places.
    public func rounded(scale: Int) -> ExactDecimal {
        guard -exponent > scale else { return self }
        return ExactDecimal(significand: Self.shiftRight(significand, by: -exponent - scale), exponent: -scale)
    }

    /// Truncated toward zero to `scale` decimal places.
    public func truncated(scale: Int) -> ExactDecimal {
        guard -exponent > scale else { return self }
        let drop = -exponent - scale
        return ExactDecimal(significand: drop > 38 ? 0 : significand / Self.powers[drop], exponent: -scale)
    }

    /// The plain numeral: "8", "99.99", "-0.5"; never scientific notation.
    public var description: String {
        format(decimals: max(0, -exponent))
    }

    /// Rounded to `scale` places and printed with exactly that many decimals ("10.00").
    public func fixed(_ scale: Int) -> String {
        rounded(scale: scale).format(decimals: max(0, scale))
    }

    /// Writes the numeral with exactly `decimals` places (≥ the value's own) into one buffer.
    private func format(decimals: Int) -> String {
        var digits: [UInt8] = []
        digits.reserveCapacity(48)
        var rest = significand.magnitude
        repeat {
            digits.append(UInt8(truncatingIfNeeded: rest % 10) + 0x30)
            rest /= 10
        } while rest > 0
        // digits hold the significand, least significant first; pad for exponent and decimals.
        let shift = exponent + decimals
        let whole = max(digits.count + shift - decimals, 1)
        let capacity = whole + decimals + 2 + max(shift, 0)
        return String(unsafeUninitializedCapacity: capacity) { buffer in
            var count = 0
            if significand < 0 {
                buffer[0] = UInt8(ascii: "-")
                count = 1
            }
            // Position p counts decimal places: p = decimals - 1 … 0 after the point, -1 … before it.
            for position in stride(from: whole - 1, through: -decimals, by: -1) {
                let index = position + decimals - shift
                buffer[count] = index >= 0 && index < digits.count ? digits[index] : UInt8(ascii: "0")
                count += 1
                if position == 0 && decimals > 0 {
                    buffer[count] = UInt8(ascii: ".")
                    count += 1
                }
            }
            return count
        }
    }

    /// |self|.
    public var magnitude: ExactDecimal {
        significand < 0 ? -self : self
    }

    /// This many percent as a fraction: 80 → 0.8, exactly.
    public var percent: ExactDecimal {
        ExactDecimal(significand: significand, exponent: exponent - 2)
    }

    /// The same as ``description``: the shortest plain numeral.
    public var plainText: String { description }
}

extension ExactDecimal: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) {
        self.init(value)
    }
}
