import Foundation
import JixiaoCore
import JixiaoOffice

/// The words that identify a 自评表's columns and rows (Resources/Layouts/self-evaluation.json): the indicator
/// table's columns, the budget block's columns and rows, the 总分 row. A province's way of writing a header is added to
/// the file as a synonym, not to the code.
struct SelfEvaluationLayout: Decodable, Sendable {
    /// Header words per indicator-table column: level1, level2, level3, target, actual, comparator, unit, weight,
    /// categoryWeight, score, note.
    var indicatorColumns: [String: [String]]
    /// Header words per budget-block column: initial, adjusted, spent, weight, rate, score.
    var budgetColumns: [String: [String]]
    /// Words that keep a header out of every column ("得分系数" is not 得分).
    var excluding: [String]
    /// Row labels of the budget block: total, appropriation, carryover, otherFunds.
    var budgetRows: [String: [String]]
    /// Labels of the row that closes the indicator table (总分).
    var totalRows: [String]

    /// The layout shipped with Jixiao.
    static let shipped: SelfEvaluationLayout = {
        do { return try RuleFiles.bundled("Layouts", file: "self-evaluation.json", as: SelfEvaluationLayout.self) } catch {
            fatalError("内置自评表表头用语文件无法读取：\(error)")
        }
    }()

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
    /// header contains; nil when it names none or holds an excluded word.
    func key(of header: String, in words: [String: [String]]) -> String? {
        let bare = Self.bare(header)
        guard !bare.isEmpty, !excluding.contains(where: bare.contains) else { return nil }
        if let exact = words.keys.sorted().first(where: { words[$0]!.contains(bare) }) { return exact }
        let contained = words.keys.sorted().compactMap { key -> (String, Int)? in
            guard let longest = words[key]!.filter({ bare.contains($0) }).map(\.count).max() else { return nil }
            return (key, longest)
        }
        return contained.max { $0.1 < $1.1 }?.0
    }

    /// For each key, the first column of `row` whose header names it.
    func columns(of row: Int, in sheet: Sheet, words: [String: [String]]) -> [String: Int] {
        var columns: [String: Int] = [:]
        for entry in sheet.entries(in: row) where entry.isOrigin {
            if let key = key(of: sheet.compactText(entry), in: words), columns[key] == nil {
                columns[key] = entry.columns.lowerBound
            }
        }
        return columns
    }

    /// Whether `label` (a row's compact text) is one of the row kinds' labels: a label equal to a word or containing it.
    func rowKind(of label: String, in rows: [String: [String]]) -> String? {
        rows.keys.sorted().first { rows[$0]!.contains(label) } ?? rows.keys.sorted().first { rows[$0]!.contains(where: label.contains) }
    }

    /// "(20分)" in "预算执行情况(万元)(20分)" or "得分(20分*执行率)": points a header states in brackets.
    static func statedPoints(in header: String) -> ExactDecimal? {
        guard let match = header.firstMatch(of: /[(（](\d+(?:\.\d+)?)分/) else { return nil }
        return ExactDecimal(String(match.1))
    }
}
