import Foundation
import JixiaoCore

/// A final-accounts disclosure's outline (第一部分 部门概况 … 第五部分 附表) with the standard sentences its figures write,
/// the phrases of their lists and changes, its charts and the statement set annexed: data, one file per province and
/// year style, in `Resources/Disclosures`.
public struct DisclosureOutline: Codable, Sendable {
    public var id: String
    public var version: String
    public var name: String
    /// "{agency}{fiscalYear}年度部门决算"
    public var title: String
    public var sections: [Section]
    /// Sentence templates by key; placeholders are filled by ``DisclosureFacts``.
    public var sentences: [String: String]
    /// List items, changes and separators ("shareItem", "increase", "decrease", "flat", "listSeparator" …).
    public var phrases: [String: String]
    public var charts: [String: ChartSpec]
    /// 名词解释: the terms every disclosure explains.
    public var glossary: [String]
    /// The statement sets (附表) by id: their statements in order.
    public var statementSets: [String: [StatementSpec]]

    /// A heading with its sentences, the unit's paragraphs, a chart, the 一般公共预算 items or the statements.
    public struct Section: Codable, Sendable {
        public var heading: String
        public var sentences: [String]?
        public var narrative: String?
        public var chart: String?
        /// Each 一般公共预算财政拨款支出 项 as a numbered paragraph.
        public var items: Bool?
        public var glossary: Bool?
        public var statements: Bool?
        public var sections: [Section]?
    }

    /// A chart: bars of figures this year against last, or a pie of a list ("income", "spendingKinds", "classes",
    /// "officialExpenses").
    public struct ChartSpec: Codable, Sendable {
        public var kind: String
        public var title: String
        /// For bars: each category's label and ``AccountsFigure``.
        public var figures: [[String]]?
        /// For pies: the list drawn.
        public var list: String?
        /// For pies: the series' name.
        public var series: String?
    }

    /// One statement of a set: its number and title, and which of Jixiao's tables lays it out.
    public struct StatementSpec: Codable, Sendable {
        public var title: String
        public var table: StatementTable
    }

    /// The built-in outline with `id` (its newest version).
    public static func builtin(_ id: String? = nil) throws -> DisclosureOutline {
        let all = try RuleFiles.bundled("Disclosures", as: DisclosureOutline.self)
        let matching = all.filter { id == nil || $0.id == id }
        guard let outline = matching.max(by: { $0.version.compare($1.version, options: .numeric) == .orderedAscending }) else {
            throw ReportError.missingOutline(id ?? "Resources/Disclosures")
        }
        return outline
    }
}
