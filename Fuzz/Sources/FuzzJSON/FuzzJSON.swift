import Foundation
import FuzzHarness
import JixiaoCore
import JixiaoDocuments

/// JSON bytes as the API and the import take them: self-evaluations decoded, scored and checked; final accounts
/// decoded, checked and written as a disclosure with its charts. The same bytes as a scoring profile a user adds
/// (`--profile`): when one decodes and the catalog accepts it, it scores the examples.
@main enum FuzzJSON {
    /// docs/examples' evaluations, for the profiles to score.
    static let examples: [SelfEvaluation] = {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../docs/examples").standardized
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted().flatMap { name in
            let url = folder.appendingPathComponent(name)
            return (try? SelfEvaluationImporter.fromJSON(Data(contentsOf: url), file: name)) ?? []
        }
    }()

    static func main() {
        _ = examples
        FuzzHarness.run(fuzzOneInput)
    }

    static let outline = try? DisclosureOutline.builtin()
    static let classifications = (try? RuleFiles.classifications()) ?? []

    static func test(_ data: Data) {
        if let evaluations = try? SelfEvaluationImporter.fromJSON(data, file: "fuzz.json") {
            Exercise.scoreAndCheck(evaluations)
        }
        if let accounts = try? FinalAccountsFile.decode(data, file: "fuzz.json"), let outline {
            _ = FinalAccountsChecks(classifications: classifications).findings(for: accounts)
            if let content = try? DisclosureContent.disclosure(accounts, outline: outline) {
                _ = try? ReportRenderers.docx(content)
                _ = ReportRenderers.html(content)
            }
        }
        guard let profile = try? ScoringProfile.decode(data, source: "fuzz.json") else { return }
        var catalog = Exercise.catalog
        guard (try? catalog.add(profile)) != nil else { return }
        for evaluation in examples {
            _ = ScoreSheetText.render(Scorer(profile: profile).score(evaluation))
            _ = EvaluationChecks(profile: profile).findings(for: evaluation)
        }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    FuzzJSON.test(FuzzHarness.data(bytes, count))
    return 0
}
