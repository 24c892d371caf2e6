import Foundation
import JixiaoCore
import JixiaoOffice

/// Audits files: reports (DOCX, plain text) through the prose checks and the checks of every self-evaluation
/// table they contain; tables (XLSX, CSV, JSON) through the structured checks.
public struct ReportAuditor: Sendable {
    public let catalog: ProfileCatalog
    /// A profile forced for every table; nil to take the default for each table's kind.
    public let profile: ScoringProfile?

    public init(catalog: ProfileCatalog, profile: ScoringProfile? = nil) {
        self.catalog = catalog
        self.profile = profile
    }

    public func audit(_ url: URL) throws -> [Finding] {
        switch url.pathExtension.lowercased() {
        case "txt", "text": return try audit(PlainTextReport.read(url: url))
        case "docx": return try audit(DocxReport.read(url: url))
        case "doc", "wps":
            throw OfficeError(file: url.lastPathComponent, reason: "旧版 Word 文档（.doc/.wps）无法读取；请在 Word/WPS 中另存为 .docx，或用 `soffice --headless --convert-to docx` 转换后再检查")
        default: return try SelfEvaluationImporter.load(url).flatMap(findings)
        }
    }

    public func audit(_ document: ReportDocument) throws -> [Finding] {
        var results = ProseChecks().findings(in: document.paragraphs)
        // A table that does not read as a self-evaluation is simply not one; the prose checks still cover the file.
        let evaluations = document.tables.flatMap { table in
            (try? SelfEvaluationSheetReader(sheet: table, file: document.file).read()) ?? []
        }
        for evaluation in evaluations where evaluation.indicators.indicators.contains(where: { $0.weight.value != nil }) {
            results += try findings(for: evaluation)
        }
        let projectTables = document.tables.filter { table in
            (1...max(table.rowCount, 1)).contains { row in (1...max(table.columnCount, 1)).contains { table.compactText(row: row, column: $0) == "项目名称" } }
        }.count
        return results + CrossSectionChecks().findings(
            paragraphs: document.paragraphs, evaluations: evaluations, projectTables: projectTables)
    }

    func findings(for evaluation: SelfEvaluation) throws -> [Finding] {
        let chosen = try profile ?? catalog.defaultProfile(for: evaluation.kind)
        return EvaluationChecks(profile: chosen).findings(for: evaluation)
    }
}
