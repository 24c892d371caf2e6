import Foundation
import JixiaoCore

/// A report's outline and the sentences data can write, per province, year and kind of evaluation: data, not code.
/// Built-in outlines live in `Resources/Outlines`.
public struct ReportOutline: Codable, Sendable {
    public var id: String
    public var version: String
    public var name: String
    /// The kind of evaluation the outline reports: a department evaluation never comes out as a project report.
    public var evaluationKind: EvaluationKind
    /// The scoring profile the outline is written for (its management block's groups), where it is one; the report
    /// takes this outline when the evaluation is scored by that profile.
    public var profile: String?
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
    /// The tables after the text, in order, each with its caption ("附件2", "附件3").
    public var annexes: [Annex]

    /// A table annexed to the report.
    public struct Annex: Codable, Sendable {
        public var table: Table
        /// "附件1", "附件2　计分说明（{profileName}）"; placeholders are filled from ``ReportFacts``.
        public var caption: String

        public enum Table: String, Codable, Sendable {
            /// The 自评表 with the recomputed scores.
            case selfEvaluation
            /// The 基础数据表 of an overall evaluation.
            case baseData
            /// How every score was computed.
            case scoring
        }
    }

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
        /// Whether the management block (its groups, items and scores) follows the section's text.
        public var management: Bool?
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

    /// The built-in outline with `id` (its newest version).
    public static func builtin(_ id: String) throws -> ReportOutline {
        guard let outline = try builtins().first(where: { $0.id == id }) else { throw ReportError.missingOutline(id) }
        return outline
    }

    /// The built-in outline for `kind` and the profile in force (an id), its newest version.
    public static func builtin(for kind: EvaluationKind, profile: String? = nil) throws -> ReportOutline {
        try builtins().forKind(kind, profile: profile)
    }

    /// Every built-in outline, the newest version of each id, in id order.
    public static func builtins() throws -> [ReportOutline] {
        guard let folder = Bundle.module.resourceURL?.appendingPathComponent("Outlines"),
            let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path)
        else { throw ReportError.missingOutline("Resources/Outlines") }
        let all = try names.filter { $0.hasSuffix(".json") }.map {
            try JSONDecoder().decode(ReportOutline.self, from: Data(contentsOf: folder.appendingPathComponent($0)))
        }
        let newest = Dictionary(grouping: all, by: \.id).compactMapValues { versions in
            versions.max { $0.version.compare($1.version, options: .numeric) == .orderedAscending }
        }
        return newest.keys.sorted().compactMap { newest[$0] }
    }
}

extension [ReportOutline] {
    /// The outline for `kind` among these: the one written for `profile` (an id), else the first of the kind written
    /// for no profile; an error naming the kind when there is none.
    public func forKind(_ kind: EvaluationKind, profile: String? = nil) throws -> ReportOutline {
        let ofKind = filter { $0.evaluationKind == kind }
        guard let outline = ofKind.first(where: { $0.profile != nil && $0.profile == profile }) ?? ofKind.first(where: { $0.profile == nil }) ?? ofKind.first
        else { throw ReportError.missingOutline(kind.label) }
        return outline
    }
}

/// Why a report could not be produced.
public enum ReportError: Error, CustomStringConvertible {
    case missingOutline(String)
    /// An outline for one kind of evaluation asked to report another.
    case wrongKind(outline: String, evaluation: EvaluationKind)
    case converterMissing(String)
    case conversionFailed(String)

    public var description: String {
        switch self {
        case .missingOutline(let id): "没有报告提纲“\(id)”"
        case .wrongKind(let outline, let kind): "报告提纲“\(outline)”不是\(kind.label)自评报告的提纲，不能用于这份\(kind.label)自评"
        case .converterMissing(let detail): "生成 PDF 需要 LibreOffice：\(detail)"
        case .conversionFailed(let detail): "PDF 转换失败：\(detail)"
        }
    }
}
