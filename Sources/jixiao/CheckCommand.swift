import ArgumentParser
import Foundation
import JixiaoCore
import JixiaoDocuments

/// `jixiao check FILE…`: the consistency audit of reports and tables.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "核查报告和自评表中的数字：合计、比率、占比、单位、恒等式、分值结构、得分")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, docx
    }

    @Argument(help: "报告或表格文件（.docx、.pdf、.txt、.xlsx、.csv、.json），或包含这些文件的目录")
    var files: [String]

    @OptionGroup var profiles: ProfileOptions

    @Option(name: .long, help: "输出格式：text、json，或 docx（为每个 .docx 输入生成带批注的副本）")
    var format: Format = .text

    @Option(name: .long, help: "--format docx 时批注版的输出目录（默认与输入文件同目录）")
    var out: String?

    @Flag(name: .customLong("fail-on-error"), help: "有错误级别的发现时以退出码 2 结束")
    var failOnError = false

    /// One file's findings, as JSON writes them.
    struct FileFindings: Encodable {
        var file: String
        var findings: [Finding]
    }

    func run() throws {
        let catalog = try profiles.catalog()
        let forced = try profiles.profile.map { _ in
            try profiles.resolve(for: SelfEvaluation(kind: .project, agency: Agency(name: "")), in: catalog)
        }
        let auditor = ReportAuditor(catalog: catalog, profile: forced)
        let urls = try BatchInputs.expand(files, extensions: ["docx", "pdf", "txt", "xlsx", "csv", "json"])
        var progress = ProgressBar(total: urls.count, enabled: urls.count > 1)
        let unit = auditor.auditBatch(urls) { progress.advance() }
        var results: [FileFindings] = []
        var failures = 0
        for (url, result) in zip(urls, unit.files) {
            switch result {
            case .success(let audit):
                results.append(FileFindings(file: url.relativePath, findings: audit.findings))
                if format == .docx {
                    do { try writeAnnotated(url, findings: audit.findings) } catch {
                        failures += 1
                        FileHandle.standardError.write(Data("错误：\(error)\n".utf8))
                    }
                }
            case .failure(let error):
                failures += 1
                FileHandle.standardError.write(Data("错误：\(error)\n".utf8))
            }
        }
        if !unit.across.isEmpty { results.append(FileFindings(file: "多文件核对", findings: unit.across)) }
        if urls.count > 1 { reportGroups(unit) }
        switch format {
        case .text:
            if !results.isEmpty {
                print(results.map { FindingsText.render(file: $0.file, findings: $0.findings) }.joined(separator: "\n\n"))
            }
        case .docx:
            break
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(results), as: UTF8.self))
        }
        if failures > 0 { throw ExitCode(1) }
        if failOnError, results.contains(where: { $0.findings.contains { $0.severity == .error } }) { throw ExitCode(2) }
    }

    /// Tells on standard error which files were compared with which: only files of one unit and one year are.
    private func reportGroups(_ batch: ReportAuditor.BatchAudit) {
        var lines = ["多文件核对只在同一单位、同一年度的文件之间进行（单位和年度取自文件标题或表格）。"]
        for (identity, names) in batch.groups.sorted(by: { $0.key.description < $1.key.description }) {
            lines.append("  \(identity)：\(names.joined(separator: "、"))")
        }
        if !batch.alone.isEmpty { lines.append("  未与其他文件核对：\(batch.alone.joined(separator: "、"))") }
        FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }

    /// Writes "<name>.jixiao-check.docx" with one comment per finding.
    private func writeAnnotated(_ url: URL, findings: [Finding]) throws {
        guard url.pathExtension.lowercased() == "docx" else {
            throw ValidationError("\(url.lastPathComponent)：--format docx 只适用于 .docx 输入（批注写在原文档上）")
        }
        let folder = out.map { URL(fileURLWithPath: $0) } ?? url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let target = folder.appendingPathComponent(url.deletingPathExtension().lastPathComponent + ".jixiao-check.docx")
        try AnnotatedReport.write(url, findings: findings).write(to: target)
        print("\(target.path)：\(findings.count) 条批注")
    }
}
