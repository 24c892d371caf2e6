import ArgumentParser
import Foundation
import JixiaoCore
import JixiaoDocuments

/// `jixiao score FILE…`: recomputes every score of a self-evaluation table by a scoring profile.
struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "按评分规则重算自评表得分，列出每项差异及原因、总分、等级和分值结构问题")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "自评表文件（.xlsx、.csv、.json），或包含这些文件的目录")
    var files: [String]

    @OptionGroup var profiles: ProfileOptions

    @Option(name: .long, help: "输出格式：text 或 json")
    var format: Format = .text

    func run() throws {
        let catalog = try profiles.catalog()
        var sheets: [ScoreSheet] = []
        var failures = 0
        let urls = try BatchInputs.expand(files)
        var progress = ProgressBar(total: urls.count, enabled: urls.count > 1)
        for url in urls {
            defer { progress.advance() }
            do {
                for evaluation in try SelfEvaluationImporter.load(url) {
                    let profile = try profiles.resolve(for: evaluation, in: catalog)
                    sheets.append(Scorer(profile: profile).score(evaluation))
                }
            } catch {
                failures += 1
                FileHandle.standardError.write(Data("错误：\(error)\n".utf8))
            }
        }
        switch format {
        case .text where sheets.isEmpty:
            break
        case .text:
            print(sheets.map(ScoreSheetText.render).joined(separator: "\n\n"))
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let data = try encoder.encode(sheets)
            print(String(decoding: data, as: UTF8.self))
        }
        if failures > 0 { throw ExitCode(1) }
    }
}
