import Foundation
import Testing
import JixiaoCore

/// Numbers of any size: arithmetic always terminates, and input beyond the domain's range is refused with a
/// message, never carried (the attack report's rows 2 and 3: a weight of 1e40 or a score of 1e309 hung the server).
@Suite struct InputRangeTests {
    @Test func arithmeticOnFarApartExponentsTerminates() {
        let huge = ExactDecimal(significand: 1, exponent: 40)
        let tiny = ExactDecimal(significand: 5, exponent: -1)
        #expect(huge + tiny == huge)
        #expect(tiny + huge == huge)
        #expect(huge - tiny == huge)
        #expect(tiny < huge)
        #expect(!(huge < tiny))
        let farther = ExactDecimal(significand: Int128.max / 3, exponent: 309)
        #expect(farther + ExactDecimal(significand: 7, exponent: -400) == farther)
        #expect((huge * tiny).description.hasPrefix("5"))
        #expect(ExactDecimal.zero + huge == huge && huge + .zero == huge)
    }

    @Test func inputBeyondTheRangeIsRefusedWithItsReason() {
        for text in ["1e40", "1E+40", "1e39", "1e309", "1e18", "-1000000000000000000", "1e-31", "0.1234567890123456789012345678901"] {
            #expect(throws: NumeralError.outOfRange, "\(text)") { try ExactDecimal(parsing: text) }
            #expect(ExactDecimal(text) == nil)
        }
        for text in ["999999999999999999", "-999999999999999999.99", "5.55E-17", "1e-30", "0", "0e400", "1000000000", "100000000000000000"] {
            #expect(throws: Never.self, "\(text)") { try ExactDecimal(parsing: text) }
        }
        #expect(throws: NumeralError.outOfRange) { try ExactDecimal(parsing: "1.5e-9223372036854775808") }
        #expect(throws: NumeralError.notANumeral) { try ExactDecimal(parsing: "1e4x") }
        #expect(NumeralError.outOfRange.message(for: "1e40").contains("超出可处理的范围"))
    }

    @Test func jsonNumbersBeyondTheRangeAreRefused() {
        for json in ["1e40", "\"1e309\"", "100000000000000000000000000000000000000000"] {
            #expect(throws: DecodingError.self, "\(json)") {
                try JSONDecoder().decode([ExactDecimal].self, from: Data("[\(json)]".utf8))
            }
        }
    }

    @Test func storedTextMustBeTextXMLCanCarry() {
        var evaluation = SelfEvaluation(kind: .project, fiscalYear: 2023, agency: Agency(name: "某局"), project: "项目")
        #expect(EvaluationInput.problem(in: evaluation) == nil)
        for bad in ["名\u{FFFF}称", "名\u{FFFE}称", "名\u{0001}称", "名\u{0085}称", String(Character(Unicode.Scalar(0xFDD0)!))] {
            evaluation.project = bad
            #expect(EvaluationInput.problem(in: evaluation)?.contains("“项目名称”含有不可用的字符") == true, "\(bad.unicodeScalars.map(\.value))")
        }
        evaluation.project = "换行\n与制表\t可以"
        #expect(EvaluationInput.problem(in: evaluation) == nil)
        evaluation.project = String(repeating: "长", count: EvaluationInput.maximumNameCharacters + 1)
        #expect(EvaluationInput.problem(in: evaluation)?.contains("超过上限") == true)
        evaluation.project = "项目"
        for year in [-5, 0, 99999] {
            evaluation.fiscalYear = year
            #expect(EvaluationInput.problem(in: evaluation)?.contains("年度") == true, "\(year)")
        }
    }
}
