/// Reads time frames written for 时效 indicators: "2020年", "2023年全年", "2023年度", "2023年12月底前".
enum PeriodReader {
    static let qualifiers: Set<String> = [
        "", "度", "全年", "年度", "内", "底", "底前", "年底", "年底前", "年内", "上半年", "下半年", "前", "之前", "以内",
        "全年完成", "内完成", "底前完成",
    ]

    static func read(_ text: ArraySlice<Unicode.Scalar>) -> Period? {
        let start = text.startIndex
        guard text.count >= 5, text[start] == "1" || text[start] == "2",
            text[start..<start + 4].allSatisfy(Clause.isDigit), text[start + 4] == "年",
            let year = Int(ValueReader.string(text.prefix(4)))
        else { return nil }
        var rest = ValueReader.string(text.dropFirst(5))
        while let last = rest.last, "。.".contains(last) { rest.removeLast() }
        if qualifiers.contains(rest) || isMonthDeadline(rest) {
            return Period(year: year, qualifier: rest)
        }
        return nil
    }

    /// "12月", "12月底前", "6月30日前", "12月31日之前".
    private static func isMonthDeadline(_ text: String) -> Bool {
        var rest = Substring(text)
        func digits() -> Bool {
            let count = rest.prefix(while: { $0.isASCII && $0.isNumber }).count
            guard (1...2).contains(count) else { return false }
            rest = rest.dropFirst(count)
            return true
        }
        guard digits(), rest.first == "月" else { return false }
        rest = rest.dropFirst()
        if rest.first?.isNumber == true {
            guard digits(), rest.first == "日" || rest.first == "号" else { return false }
            rest = rest.dropFirst()
        }
        return ["", "底", "底前", "末", "前", "之前", "以前", "份"].contains(String(rest))
    }
}
