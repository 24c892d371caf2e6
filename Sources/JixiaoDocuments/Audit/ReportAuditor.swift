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

    /// One file's findings, with what the cross-document checks need from it.
    public struct FileAudit: Sendable {
        public var file: String
        public var findings: [Finding]
        var prose: ReportProse
        var figures: KeyFigures
    }

    public func audit(_ url: URL) throws -> [Finding] {
        try auditFile(url).findings
    }

    /// Audits several documents of one unit: each on its own, then the same figures across them and the
    /// paragraphs they copy from each other. A file that cannot be read is reported and the rest still run.
    public func auditUnit(_ urls: [URL]) -> (files: [Result<FileAudit, any Error>], across: [Finding]) {
        let files = urls.map { url in Result { try auditFile(url) } }
        let audits = files.compactMap { try? $0.get() }
        guard audits.count > 1 else { return (files, []) }
        // Copies inside one report are reported with that report; here only copies between reports.
        let across = CrossDocumentChecks().findings(audits.map(\.figures))
            + BoilerplateSignal().findings(in: audits.map(\.prose), acrossReportsOnly: true)
        return (files, across)
    }

    func auditFile(_ url: URL) throws -> FileAudit {
        let name = url.lastPathComponent
        switch url.pathExtension.lowercased() {
        case "txt", "text": return try audit(PlainTextReport.read(url: url))
        case "docx": return try audit(DocxReport.read(url: url))
        case "doc", "wps":
            throw OfficeError(file: name, reason: "旧版 Word 文档（.doc/.wps）无法读取；请在 Word/WPS 中另存为 .docx，或用 `soffice --headless --convert-to docx` 转换后再检查")
        default:
            let evaluations = try SelfEvaluationImporter.load(url)
            let prose = ReportProse(paragraphs: [])
            return FileAudit(
                file: name, findings: try evaluations.flatMap(findings), prose: prose,
                figures: KeyFigures(file: name, prose: prose, evaluations: evaluations))
        }
    }

    public func audit(_ document: ReportDocument) throws -> FileAudit {
        let prose = ReportProse(paragraphs: document.paragraphs)
        var results = ProseChecks().findings(in: prose) + ReviewerSignals().findings(in: prose)
            + BoilerplateSignal().findings(in: [prose])
        // A table that does not read as a self-evaluation is simply not one; the prose checks still cover the file.
        let evaluations = document.tables.flatMap { table in
            (try? SelfEvaluationSheetReader(sheet: table, file: document.file).read()) ?? []
        }
        for evaluation in evaluations where evaluation.indicators.indicators.contains(where: { $0.weight.value != nil }) {
            results += try findings(for: evaluation)
        }
        let projectTables = document.tables.filter { table in
            !table.rows(1...max(table.rowCount, 1), where: { $0 == "项目名称" }).isEmpty
        }.count
        results += CrossSectionChecks().findings(prose: prose, evaluations: evaluations, projectTables: projectTables)
        return FileAudit(
            file: document.file, findings: results, prose: prose,
            figures: KeyFigures(file: document.file, prose: prose, evaluations: evaluations))
    }

    func findings(for evaluation: SelfEvaluation) throws -> [Finding] {
        let chosen = try profile ?? catalog.defaultProfile(for: evaluation.kind)
        return EvaluationChecks(profile: chosen).findings(for: evaluation)
    }
}
