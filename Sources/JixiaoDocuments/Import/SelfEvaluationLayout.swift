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

    /// The key among `words` a header names (``HeaderWords/key(of:in:excluding:)``).
    func key(of header: String, in words: [String: [String]]) -> String? {
        HeaderWords.key(of: header, in: words, excluding: excluding)
    }

    /// For each key, the first column of `row` whose header names it.
    func columns(of row: Int, in sheet: Sheet, words: [String: [String]]) -> [String: Int] {
        HeaderWords.columns(of: row, in: sheet, words: words, excluding: excluding)
    }

}
