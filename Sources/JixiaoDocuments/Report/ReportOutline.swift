import Foundation

/// A report's outline and the sentences data can write, per province and year: data, not code.
/// Built-in outlines live in `Resources/Outlines`.
public struct ReportOutline: Codable, Sendable {
    public var id: String
    public var version: String
    public var name: String
    /// "{fiscalYear}年度{agency}项目支出\n绩效自评报告"; placeholders are filled from ``ReportFacts``.
    public var title: String
    public var subtitle: String?
    public var sections: [Section]
    /// Sentence templates by key.
    public var sentences: [String: String]
    /// Phrases the sentences use ("noAdjustment", "increase", "decrease").
    public var phrases: [String: String]
    /// What sections written from the data say ("problems", "suggestions"), by what the data show.
    public var fromData: [String: FromData]

    /// A heading with the unit's paragraphs (`narrative` key) and generated sentences, or sub-sections.
    public struct Section: Codable, Sendable {
        public var heading: String
        public var narrative: String?
        /// Sentences always written (the score, the grade: Jixiao's figures).
        public var sentences: [String]?
        /// Sentences written only where the unit wrote nothing, so its own paragraphs (with its amounts and units)
        /// are not said twice.
        public var defaultSentences: [String]?
        /// Where the unit wrote nothing: what the data show (a key of ``fromData``), then a visible placeholder.
        public var fromData: String?
        public var sections: [Section]?
    }

    /// The sentences of a section written from the data: one per kind of fact the data show, then a placeholder the
    /// unit replaces with its own words; `none` when the data show nothing of the kind.
    public struct FromData: Codable, Sendable {
        /// Execution under 100 %.
        public var execution: String
        /// An indicator that lost points ({indicator}, {weight}, {score}, {actual}, {target}).
        public var points: String
        /// Findings of the audit ({findingCount}, {firstFinding}).
        public var findings: String
        public var none: String
        public var placeholder: String
    }

    /// The built-in outline with `id`.
    public static func builtin(_ id: String = "sichuan-project") throws -> ReportOutline {
        guard let folder = Bundle.module.resourceURL?.appendingPathComponent("Outlines"),
            let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path)
        else { throw ReportError.missingOutline(id) }
        for name in names.sorted().reversed() where name.hasPrefix(id) && name.hasSuffix(".json") {
            return try JSONDecoder().decode(ReportOutline.self, from: Data(contentsOf: folder.appendingPathComponent(name)))
        }
        throw ReportError.missingOutline(id)
    }
}

/// Why a report could not be produced.
public enum ReportError: Error, CustomStringConvertible {
    case missingOutline(String)
    case converterMissing(String)
    case conversionFailed(String)

    public var description: String {
        switch self {
        case .missingOutline(let id): "没有报告提纲“\(id)”"
        case .converterMissing(let detail): "生成 PDF 需要 LibreOffice：\(detail)"
        case .conversionFailed(let detail): "PDF 转换失败：\(detail)"
        }
    }
}
