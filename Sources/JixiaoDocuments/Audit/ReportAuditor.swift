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
        /// The unit and year the document states, nil when it states none.
        public var identity: DocumentIdentity?
        var prose: ReportProse
        var figures: KeyFigures
    }

    /// A batch audited: each file's result, the findings across the files of one unit and year, and which files were
    /// compared with which.
    public struct BatchAudit: Sendable {
        public var files: [Result<FileAudit, any Error>]
        public var across: [Finding]
        /// The files compared with each other, by the unit and year they share.
        public var groups: [DocumentIdentity: [String]]
        /// Files compared with none: alone in their unit and year, or stating none.
        public var alone: [String]
    }

    public func audit(_ url: URL) throws -> [Finding] {
        try auditFile(url).findings
    }

    /// Audits a batch: each file on its own, then, among the files of one unit and one year (as the documents state
    /// them), the same figures across them and the paragraphs they copy from each other. Unrelated files are checked
    /// file by file only. A file that cannot be read is reported and the rest still run.
    public func auditBatch(_ urls: [URL], progress: () -> Void = {}) -> BatchAudit {
        let files = urls.map { url in
            defer { progress() }
            return Result { try auditFile(url) }
        }
        let audits = files.compactMap { try? $0.get() }
        let grouped = Dictionary(grouping: audits.filter { $0.identity != nil }, by: { $0.identity! }).filter { $0.value.count > 1 }
        var across: [Finding] = []
        for identity in grouped.keys.sorted(by: { ($0.year, $0.unit) < ($1.year, $1.unit) }) {
            let group = grouped[identity]!
            // Copies inside one report are reported with that report; here only copies between reports.
            across += CrossDocumentChecks().findings(group.map(\.figures))
                + BoilerplateSignal().findings(in: group.map(\.prose), acrossReportsOnly: true)
        }
        let compared = Set(grouped.values.flatMap { $0.map(\.file) })
        return BatchAudit(
            files: files, across: across, groups: grouped.mapValues { $0.map(\.file) },
            alone: audits.map(\.file).filter { !compared.contains($0) })
    }

    func auditFile(_ url: URL) throws -> FileAudit {
        let name = url.lastPathComponent
        switch url.pathExtension.lowercased() {
        case "txt", "text": return try audit(PlainTextReport.read(url: url))
        case "docx": return try audit(DocxReport.read(url: url))
        case "pdf": return try audit(PdfReport.read(url: url))
        case "doc", "wps":
            throw OfficeError(file: name, reason: "旧版 Word 文档（.doc/.wps）无法读取；请在 Word/WPS 中另存为 .docx，或用 `soffice --headless --convert-to docx` 转换后再检查")
        default:
            if let accounts = try FinalAccountsFile.load(url) {
                let prose = ReportProse(paragraphs: [])
                return FileAudit(
                    file: name, findings: FinalAccountsChecks(classifications: try RuleFiles.classifications()).findings(for: accounts),
                    identity: DocumentIdentity(unit: accounts.agency.name, year: accounts.fiscalYear), prose: prose,
                    figures: KeyFigures(file: name, prose: prose, evaluations: []))
            }
            let evaluations = try SelfEvaluationImporter.load(url)
            let prose = ReportProse(paragraphs: [])
            return FileAudit(
                file: name, findings: try evaluations.flatMap(findings), identity: DocumentIdentity.of(prose: prose, evaluations: evaluations),
                prose: prose, figures: KeyFigures(file: name, prose: prose, evaluations: evaluations))
        }
    }

    public func audit(_ document: ReportDocument) throws -> FileAudit {
        let prose = ReportProse(paragraphs: document.paragraphs)
        var results = ProseChecks().findings(in: prose) + ReviewerSignals().findings(in: prose)
            + BoilerplateSignal().findings(in: [prose])
        // A table that does not read as a self-evaluation is simply not one; the prose checks still cover the file.
        var evaluations = document.tables.flatMap { table in
            (try? SelfEvaluationSheetReader(sheet: table, file: document.file).read()) ?? []
        }
        try? SelfEvaluationImporter.attachBaseData(to: &evaluations, from: document.tables, file: document.file)
        for evaluation in evaluations where evaluation.indicators.indicators.contains(where: { $0.weight.value != nil }) {
            results += try findings(for: evaluation)
        }
        let projectTables = document.tables.filter { table in
            !table.rows(1...max(table.rowCount, 1), where: { $0 == "项目名称" }).isEmpty
        }.count
        results += CrossSectionChecks().findings(prose: prose, evaluations: evaluations, projectTables: projectTables)
        results += try disclosureFindings(document, prose: prose)
        return FileAudit(
            file: document.file, findings: results, identity: DocumentIdentity.of(prose: prose, evaluations: evaluations),
            prose: prose, figures: KeyFigures(file: document.file, prose: prose, evaluations: evaluations))
    }

    /// A disclosure's statements read from its tables (each titled by the paragraphs just above it), checked against
    /// the identities, its sentences and its charts' data; with no statement, its charts' template names only.
    func disclosureFindings(_ document: ReportDocument, prose: ReportProse) throws -> [Finding] {
        let reader = FinalAccountsReader(file: document.file)
        let charts = DisclosureChartChecks(file: document.file)
        var tables = document.titledTables.map { FinalAccountsReader.Table(title: $0.title, sheet: $0.sheet) }
        // Statements printed as lines of text (a PDF's text, a text file) when no table is one.
        if !tables.contains(where: { reader.statement(of: $0) != nil }) { tables = reader.tables(fromLines: document.paragraphs) }
        guard !tables.isEmpty else { return charts.findings(document.charts, accounts: nil) }
        let identity = DocumentIdentity.of(prose: prose, evaluations: [])
        let year = identity?.year ?? document.paragraphs.prefix(10).lazy.compactMap { paragraph in
            paragraph.text.firstMatch(of: /(20[0-9]{2})年/).flatMap { Int($0.1) }
        }.first ?? 0
        guard let (accounts, problems) = reader.read(tables, agency: identity?.unit ?? "", year: year) else {
            return charts.findings(document.charts, accounts: nil)
        }
        var findings = problems + FinalAccountsChecks(classifications: try RuleFiles.classifications()).findings(for: accounts)
        if year == 0 { findings.removeAll { $0.rule == "final.code" } }
        findings += DisclosureSentenceChecks(labels: reader.layout.figureLabels).findings(prose: prose, accounts: accounts)
            + charts.findings(document.charts, accounts: accounts)
        guard tables.contains(where: \.tokens) else { return findings }
        // Statements read from lines of text have no columns: what they give is for a reviewer to verify, not an error.
        return findings.map { finding in
            var softened = finding
            softened.severity = .warning
            softened.explanation += "（决算表按文字行读取，列位置无法确认，请核对原表）"
            return softened
        }
    }

    func findings(for evaluation: SelfEvaluation) throws -> [Finding] {
        let chosen = try profile ?? catalog.defaultProfile(for: evaluation.kind)
        return EvaluationChecks(profile: chosen).findings(for: evaluation)
    }
}
