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
        case text, json
    }

    @Argument(help: "报告或表格文件（.docx、.txt、.xlsx、.csv、.json）")
    var files: [String]

    @OptionGroup var profiles: ProfileOptions

    @Option(name: .long, help: "输出格式：text 或 json")
    var format: Format = .text

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
        var results: [FileFindings] = []
        var failures = 0
        for file in files {
            do {
                results.append(FileFindings(file: file, findings: try auditor.audit(URL(fileURLWithPath: file))))
            } catch {
                failures += 1
                FileHandle.standardError.write(Data("错误：\(error)\n".utf8))
            }
        }
        switch format {
        case .text:
            if !results.isEmpty {
                print(results.map { FindingsText.render(file: $0.file, findings: $0.findings) }.joined(separator: "\n\n"))
            }
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(results), as: UTF8.self))
        }
        if failures > 0 { throw ExitCode(1) }
        if failOnError, results.contains(where: { $0.findings.contains { $0.severity == .error } }) { throw ExitCode(2) }
    }
}
