import Foundation
import FuzzHarness
import JixiaoCore

/// UTF-8 text as people type it into a cell: every line read as an indicator value, each pair of lines scored as
/// a row's target and actual under every built-in profile, and every numeral on the lines parsed as an
/// `ExactDecimal` and combined with the others (add, subtract, multiply, divide, compare, round, print).
@main enum FuzzValue {
    static func main() {
        FuzzHarness.run(fuzzOneInput)
    }

    static func test(_ data: Data) {
        let text = String(decoding: data, as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).prefix(8).map(String.init)
        for line in lines {
            let value = ValueReader.read(line)
            _ = (value.summary, value.kind)
        }
        _ = ValueReader.read(text).summary
        for (target, actual) in zip(lines, lines.dropFirst()) {
            let row = Indicator(name: "指标", target: target, actual: actual, weight: .value(ExactDecimal(10)))
            for profile in Exercise.catalog.profiles {
                _ = Scorer(profile: profile).score(row, category: "产出指标", group: "数量指标")
            }
        }
        let numbers = text.split(whereSeparator: { $0.isWhitespace }).prefix(6).compactMap { ExactDecimal($0) }
        for a in numbers {
            _ = (a.description, a.fixed(2), a.rounded(scale: 1), a.truncated(scale: 0), a.percent, a.magnitude)
            for b in numbers {
                let results = [a + b, a - b, a * b, a.divided(by: b) ?? .zero]
                _ = results.map(\.description)
                _ = (a < b, a == b, Money(a, unit: .wan)?.wanText)
            }
        }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    FuzzValue.test(FuzzHarness.data(bytes, count))
    return 0
}
