import PropertyBased
import Testing
import JixiaoCore

/// Whatever people paste into a cell, the reader returns a reading and never traps.
@Suite struct ValueReaderPropertyTests {
    /// Pieces of real indicator values, so random texts reach the reader's deeper paths.
    static let fragments = [
        "1.", "2.", "（1）", "①", "≥", "＞", "<=", "不少于", "以上", "以下", "约", "%", "％", "万元", "元", "次", "人",
        "2023年", "12月", "31日", "前", "、", "和", "，", "；", "。", "\n", "/", "是", "否", "完成", "基本", "9", "0",
        "１", ".", ",", "-", "～", "(", "）", "“", "LED", "5G", "全部完成", "98", "203.06", "1.203.06",
    ]

    @Test func arbitraryUnicodeNeverCrashes() async {
        // Every code point, surrogates (not scalars) mapped to U+FFFD.
        let scalars = Gen<UInt32>.value(in: 0...0x10FFFF).map { Unicode.Scalar($0) ?? "\u{FFFD}" }.array(of: 0...40)
        await propertyCheck(count: 2_000, input: scalars) { scalars in
            var text = String.UnicodeScalarView()
            text.append(contentsOf: scalars)
            _ = ValueReader.read(String(text)).summary
        }
    }

    @Test func shuffledFragmentsNeverCrash() async {
        let pieces = Gen<String?>.element(of: Self.fragments).array(of: 0...16)
        await propertyCheck(count: 3_000, input: pieces) { pieces in
            let value = ValueReader.read(pieces.compactMap { $0 }.joined())
            if case .list(let items) = value { #expect(items.count >= 2) }
        }
    }
}
