import ArgumentParser
import Foundation
import JixiaoCore
import JixiaoDocuments

/// `jixiao report FILE…|FOLDER… --format …`: the self-evaluation report and 自评表 written from the data.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "由数据生成项目支出、部门整体支出绩效自评报告或部门决算公开文本（含附表、图表和计分说明）：DOCX、XLSX、PDF、HTML、Markdown")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case docx, xlsx, pdf, html, md
    }

    @Argument(help: "自评数据文件（.json、.xlsx、.csv）、部门决算数据（.json）或含这些文件的文件夹")
    var inputs: [String]

    @Option(name: .long, help: "输出格式：docx、xlsx、pdf、html、md")
    var format: Format = .docx

    @Option(name: .long, help: "输出目录")
    var out: String

    @Option(name: .long, help: "报告提纲（内置：sichuan-project 项目支出，hunan-agency、sichuan-agency 部门整体；默认按自评的类别和评分规则选）")
    var outline: String?

    @OptionGroup var profiles: ProfileOptions

    @Option(name: .long, help: "支付台账（.xlsx、.csv）：全年执行数按审批齐全的支付计算")
    var ledger: String?

    @Option(name: .long, help: "支付台账的审批规则：内置 id 或 JSON 文件路径")
    var rules: String = "seeds-2023"

    func run() throws {
        let files = try BatchInputs.expand(inputs)
        let catalog = try profiles.catalog()
        let chosenOutline = try outline.map { try ReportOutline.builtin($0) }
        let outlines = try ReportOutline.builtins()
        let folder = URL(fileURLWithPath: out)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        if format == .pdf { _ = try PDFConverter.converter() }
        var progress = ProgressBar(total: files.count, enabled: files.count > 1)
        var failures = 0
        var written = 0
        var names: [String: String] = [:]
        let payments = try ledger.map { try ledgerReview($0) }
        var ledgerUsed = false
        for file in files {
            do {
                if let accounts = try FinalAccountsFile.load(file) {
                    let content = try DisclosureContent.disclosure(accounts, outline: DisclosureOutline.builtin())
                    try write(content, workbook: { try DisclosureWorkbook.data(accounts, outline: DisclosureOutline.builtin()) },
                              to: folder, name: FinalAccountsFile.name(accounts, format: format.rawValue))
                    written += 1
                    progress.advance()
                    continue
                }
                for loaded in try SelfEvaluationImporter.load(file) {
                    var evaluation = loaded
                    if let (ledger, review) = payments, ledger.project == evaluation.project, ledger.fiscalYear == evaluation.fiscalYear {
                        evaluation = evaluation.executing(review)
                        ledgerUsed = true
                    }
                    let name = ReportFileName.name(evaluation, format: format.rawValue)
                    if let earlier = names[name] {
                        throw ValidationError("\(file.lastPathComponent) 与 \(earlier) 是同一单位、同一项目、同一年度的自评，输出文件 \(name) 已由 \(earlier) 生成，未覆盖")
                    }
                    names[name] = file.lastPathComponent
                    let assessment = Assessment(evaluation, profile: try profiles.resolve(for: evaluation, in: catalog))
                    let reportOutline = try chosenOutline ?? outlines.forKind(evaluation.kind, profile: assessment.profile.id)
                    try write(evaluation, assessment: assessment, outline: reportOutline, to: folder, name: name)
                    written += 1
                }
            } catch {
                failures += 1
                FileHandle.standardError.write(Data("\n错误：\(error)\n".utf8))
            }
            progress.advance()
        }
        if let (ledger, _) = payments, !ledgerUsed {
            failures += 1
            FileHandle.standardError.write(Data("错误：支付台账是\(ledger.fiscalYear.map { "\($0) 年度" } ?? "")“\(ledger.project)”的，输入中没有这个项目这一年度的自评\n".utf8))
        }
        print("已生成 \(written) 份\(format.rawValue.uppercased())，输出目录 \(folder.path)\(failures > 0 ? "；\(failures) 个文件失败" : "")")
        if failures > 0 { throw ExitCode(1) }
    }

    /// The ledger read and reviewed; a ledger with problems is refused before anything is written.
    private func ledgerReview(_ path: String) throws -> (PaymentLedger, LedgerReview) {
        let approvalRules = try RuleFiles.approvalRules(rules)
        let ledger = try PaymentLedgerImporter.load(URL(fileURLWithPath: path), rules: approvalRules)
        let review = LedgerReview(ledger, rules: approvalRules)
        guard review.problems.isEmpty else {
            throw ValidationError("支付台账 \(path) 有 \(review.problems.count) 处问题：\n" + review.problems.map { "  - \($0)" }.joined(separator: "\n"))
        }
        return (ledger, review)
    }

    private func write(_ evaluation: SelfEvaluation, assessment: Assessment, outline: ReportOutline, to folder: URL, name: String) throws {
        try write(ReportContent.report(evaluation, assessment: assessment, outline: outline),
                  workbook: { try SelfEvaluationWorkbook.data(evaluation, scores: .recomputed(assessment.sheet)) }, to: folder, name: name)
    }

    /// `content` in the chosen format; `workbook` gives the XLSX (the 自评表, or the statements of final accounts).
    private func write(_ content: ReportContent, workbook: () throws -> Data, to folder: URL, name: String) throws {
        let target = folder.appendingPathComponent(name)
        switch format {
        case .docx: try ReportRenderers.docx(content).write(to: target)
        case .xlsx: try workbook().write(to: target)
        case .html: try Data(ReportRenderers.html(content).utf8).write(to: target)
        case .md: try Data(ReportRenderers.markdown(content).utf8).write(to: target)
        case .pdf:
            // The intermediate DOCX goes to a folder of its own so a DOCX already in `folder` is left alone.
            let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-pdf-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: scratch) }
            let docx = scratch.appendingPathComponent((name as NSString).deletingPathExtension + ".docx")
            try ReportRenderers.docx(content).write(to: docx)
            _ = try PDFConverter.convert(docx, into: folder)
        }
    }
}
