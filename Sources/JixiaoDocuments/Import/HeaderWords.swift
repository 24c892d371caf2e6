import JixiaoCore
import JixiaoOffice

/// Matching a table's header (or row label) against the words a layout file lists for each column or row kind.
enum HeaderWords {
    /// The longest text read as a header or a row label ("未完成原因及拟采取的改进措施", "楼堂馆所控制情况（2023年完工项目）").
    static let maximumCharacters = 40

    /// "全年预算数(A)" → "全年预算数": a header's compact text without its bracketed parts.
    static func bare(_ header: String) -> String {
        var result = ""
        var depth = 0
        for character in header {
            if character == "(" || character == "（" { depth += 1; continue }
            if character == ")" || character == "）" { depth = max(0, depth - 1); continue }
            if depth == 0 { result.append(character) }
        }
        return result
    }

    /// The key among `words` a header names: a header equal to a word wins, else the key whose longest word the
    /// header contains; nil when it names none or holds an `excluding` word.
    static func key(of header: String, in words: [String: [String]], excluding: [String] = []) -> String? {
        // A header or a row label is short; a long cell is text, and matching it would only cost time.
        guard header.count <= maximumCharacters else { return nil }
        let bare = bare(header)
        guard !bare.isEmpty, !excluding.contains(where: { includes(bare, $0) }) else { return nil }
        if let exact = words.keys.sorted().first(where: { words[$0]!.contains(bare) }) { return exact }
        let contained = words.keys.sorted().compactMap { key -> (String, Int)? in
            guard let longest = words[key]!.filter({ includes(bare, $0) }).map(\.count).max() else { return nil }
            return (key, longest)
        }
        return contained.max { $0.1 < $1.1 }?.0
    }

    /// Whether `text` holds `word`, compared as UTF-8 bytes (a header is matched against dozens of words: Foundation's
    /// locale-aware search is many times slower and adds nothing for these texts).
    static func includes(_ text: String, _ word: String) -> Bool {
        var text = text
        var word = word
        return text.withUTF8 { haystack in
            word.withUTF8 { needle in
                guard let first = needle.first, needle.count <= haystack.count else { return false }
                var start = 0
                while start + needle.count <= haystack.count {
                    if haystack[start] == first {
                        var offset = 1
                        while offset < needle.count, haystack[start + offset] == needle[offset] { offset += 1 }
                        if offset == needle.count { return true }
                    }
                    start += 1
                }
                return false
            }
        }
    }

    /// For each key, the first column of `row` whose header names it.
    static func columns(of row: Int, in sheet: Sheet, words: [String: [String]], excluding: [String] = []) -> [String: Int] {
        var columns: [String: Int] = [:]
        for entry in sheet.entries(in: row) where entry.isOrigin {
            if let key = key(of: sheet.compactText(entry), in: words, excluding: excluding), columns[key] == nil {
                columns[key] = entry.columns.lowerBound
            }
        }
        return columns
    }

    /// The points a header states in brackets: 40 in "产出指标（40分）" or "(40)", 20 in "预算执行情况(万元)(20分)" and in
    /// "得分(20分*执行率)"; nil when it states none.
    static func points(in header: String) -> ExactDecimal? {
        // Most headers have no bracket: the expression is built only for those that do.
        guard header.contains(where: { $0 == "(" || $0 == "（" }) else { return nil }
        return header.firstMatch(of: /[(（]([0-9]+(?:\.[0-9]+)?)分?[)）*×]/).flatMap { ExactDecimal(String($0.1)) }
    }
}
