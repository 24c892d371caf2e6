/// A version of the 政府收支分类科目 as data: the codes and names of the 支出功能分类 (类 3 digits, 款 5, 项 7) or of the
/// 部门预算支出经济分类 (类 3, 款 5) for the years it covers, and which levels the file lists completely. A code at a
/// complete level that is not listed is not that year's; at a level the file lists only in part it cannot be told.
public struct Classification: Hashable, Sendable, Codable {
    /// Which classification.
    public enum Kind: String, Hashable, Sendable, Codable {
        /// 支出功能分类
        case functional
        /// 部门预算支出经济分类
        case economic

        public var label: String { self == .functional ? "支出功能分类" : "部门预算支出经济分类" }
    }

    public var kind: Kind
    public var firstYear: Int
    public var lastYear: Int
    /// Where the list comes from, and what of it is checked.
    public var source: String
    /// Code lengths listed completely (3 for the 类).
    public var completeLevels: [Int]
    public var items: [Item]

    /// A code and its name.
    public struct Item: Hashable, Sendable, Codable {
        public var code: String
        public var name: String
    }

    public func covers(_ year: Int) -> Bool { (firstYear...lastYear).contains(year) }

    /// The name of `code`, when listed.
    public func name(of code: String) -> String? {
        items.first { $0.code == code }?.name
    }

    /// Why `code` cannot be a code of this classification in `year`: not 3, 5 or 7 digits, or not listed at a level
    /// listed completely; nil when it can be (or cannot be told).
    public func problem(with code: String) -> String? {
        let lengths = kind == .functional ? [3, 5, 7] : [3, 5]
        guard code.allSatisfy(\.isASCII), code.allSatisfy(\.isNumber), lengths.contains(code.count) else {
            return "“\(code)”不是\(kind.label)科目编码（应为 \(lengths.map(String.init).joined(separator: "、")) 位数字）"
        }
        for length in lengths where length <= code.count && completeLevels.contains(length) {
            let prefix = String(code.prefix(length))
            if name(of: prefix) == nil {
                return "“\(code)”的\(length == 3 ? "类" : length == 5 ? "款" : "项")级编码 \(prefix) 不在 \(firstYear)–\(lastYear) 年度\(kind.label)科目中"
            }
        }
        return nil
    }
}

extension [Classification] {
    /// The classification of `kind` covering `year`.
    public func of(_ kind: Classification.Kind, year: Int) -> Classification? {
        first { $0.kind == kind && $0.covers(year) }
    }
}
