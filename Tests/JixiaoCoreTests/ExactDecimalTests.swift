import Foundation
import PropertyBased
import Testing
import JixiaoCore

/// ExactDecimal against Foundation's Decimal as the reference, and its printing and rounding.
@Suite struct ExactDecimalTests {
    static func reference(_ value: ExactDecimal) -> Decimal { Decimal(string: value.description)! }

    @Test func parsesAndPrintsPlainNumerals() {
        for text in ["0", "8", "99.99", "-0.5", "1000", "0.0000001", "123456789012345678.25"] {
            #expect(ExactDecimal(text)?.description == text)
        }
        #expect(ExactDecimal("1,000.50")?.description == "1000.5")
        #expect(ExactDecimal("1E-3")?.description == "0.001")
        #expect(ExactDecimal("9.9999999999999995E-7")?.description == "0.00000099999999999999995")
        for bad in ["", ".", "1.", "1..2", "--1", "1-", "abc", "1e", "99999999999999999999999999999999999999999"] {
            #expect(ExactDecimal(bad) == nil, "\(bad)")
        }
    }

    @Test func equalValuesAreEqual() {
        #expect(ExactDecimal("1.50") == ExactDecimal("1.5"))
        #expect(ExactDecimal("0.0") == .zero)
        #expect(Set([ExactDecimal("10")!, ExactDecimal("10.00")!]).count == 1)
    }

    @Test func roundsHalfAwayFromZeroAndTruncates() {
        #expect(ExactDecimal("9.995")!.fixed(2) == "10.00")
        #expect(ExactDecimal("-2.345")!.rounded(scale: 2) == ExactDecimal("-2.35"))
        #expect(ExactDecimal("85.2299")!.truncated(scale: 2) == ExactDecimal("85.22"))
        #expect(ExactDecimal("8")!.fixed(2) == "8.00")
        #expect(ExactDecimal("0.5")!.fixed(0) == "1")
    }

    @Test func divisionKeepsThirtyDigitsAndRefusesZero() {
        #expect(ExactDecimal(10).divided(by: 4) == ExactDecimal("2.5"))
        #expect(ExactDecimal(1).divided(by: 3)?.description == "0.333333333333333333333333333333")
        #expect(ExactDecimal(2).divided(by: 3)?.description == "0.666666666666666666666666666667")
        #expect(ExactDecimal(1).divided(by: .zero) == nil)
        let rate = ExactDecimal("320.25")!.divided(by: ExactDecimal("320.28")!)!
        #expect((rate * 10).fixed(2) == "10.00")
        #expect((rate * 100).fixed(2) == "99.99")
    }

    @Test func arithmeticAgreesWithFoundationDecimal() async {
        let numeral = Gen<Int64>.value(in: -10_000_000_000...10_000_000_000)
        let scale = Gen<Int>.value(in: 0...8)
        await propertyCheck(count: 2_000, input: numeral, scale, numeral, scale) { a, sa, b, sb in
            let x = ExactDecimal(significand: Int128(a), exponent: -sa)
            let y = ExactDecimal(significand: Int128(b), exponent: -sb)
            let (dx, dy) = (Self.reference(x), Self.reference(y))
            #expect(Self.reference(x + y) == dx + dy)
            #expect(Self.reference(x - y) == dx - dy)
            #expect(Self.reference(x * y) == dx * dy)
            #expect((x < y) == (dx < dy))
            if b != 0, let quotient = x.divided(by: y) {
                let difference = (Self.reference(quotient) - dx / dy).magnitude
                #expect(difference <= (dx / dy).magnitude * Decimal(string: "1e-28")!)
            }
        }
    }

    @Test func overflowLosesPrecisionInsteadOfTrapping() {
        let huge = ExactDecimal(significand: Int128.max / 3)
        let product = huge * huge
        #expect(product > huge)
        let tiny = ExactDecimal(significand: 1, exponent: -60)
        #expect(huge + tiny >= huge)
    }

    @Test func codesAsAJSONNumberWithoutBinaryFloats() throws {
        struct Box: Codable { var value: ExactDecimal }
        let decoded = try JSONDecoder().decode(Box.self, from: Data(#"{"value": 93.68}"#.utf8))
        #expect(decoded.value == ExactDecimal("93.68"))
        let text = try JSONDecoder().decode(Box.self, from: Data(#"{"value": "0.07"}"#.utf8))
        #expect(text.value == ExactDecimal("0.07"))
        let encoded = String(decoding: try JSONEncoder().encode(Box(value: ExactDecimal("0.07")!)), as: UTF8.self)
        #expect(encoded == #"{"value":0.07}"#)
    }
}
