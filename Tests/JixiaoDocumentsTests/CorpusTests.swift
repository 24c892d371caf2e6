import Foundation
import Testing
import JixiaoCore
import JixiaoDocuments

/// `jixiao check` on the development corpus of real published documents that are not the seeds (`docs/corpus/`:
/// final-accounts disclosures, project and department evaluations of several provinces, each folder hand-checked in its
/// `expectations.json`): which listed errors are reported (recall), how many error findings are listed errors or
/// judgement calls (precision), and which error findings contradict a figure the expectations mark consistent.
@Suite struct CorpusTests {
    static let corpus = TestPaths.repository.appendingPathComponent("docs/corpus")
    static let folders = ["final-accounts", "project-evaluations", "agency-evaluations"]

    /// One hand-checked figure: an error, a judgement call or a consistent check.
    struct Expectation {
        var id: String
        var quote: String
        var stated: String
        var expected: String

        init(_ object: [String: Any]) {
            id = object["id"] as? String ?? ""
            quote = object["quote"] as? String ?? ""
            stated = "\(object["stated"] ?? "")"
            expected = "\(object["expected"] ?? object["computed"] ?? "")"
        }
    }

    static func expectations(in folder: URL) throws -> [(file: String, errors: [Expectation], calls: [Expectation], consistent: [Expectation])] {
        let data = try Data(contentsOf: folder.appendingPathComponent("expectations.json"))
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let files = try #require(root["files"] as? [String: [String: Any]])
        func list(_ entry: [String: Any], _ key: String) -> [Expectation] {
            (entry[key] as? [[String: Any]] ?? []).map(Expectation.init)
        }
        return files.keys.sorted().map { name in
            let entry = files[name]!
            return (name, list(entry, "errors"), list(entry, "judgement_calls"), list(entry, "consistent"))
        }
    }

    /// A finding reports an expected figure when it names one of its figures and quotes its text.
    static func reports(_ finding: Finding, _ item: Expectation) -> Bool {
        let numerals = GroundTruthTests.numerals
        return !finding.rule.hasPrefix("signal.")
            && !numerals("\(finding.stated) \(finding.expected)").isDisjoint(with: numerals("\(item.stated) \(item.expected) \(item.quote)"))
            && numerals("\(finding.quote) \(finding.stated)").intersection(numerals(item.quote)).count >= min(2, numerals(item.quote).count)
    }

    @Test func recallAndPrecisionOnTheCorpus() throws {
        let auditor = ReportAuditor(catalog: try ProfileCatalog.builtin())
        var expectedErrors = 0, found = 0, errorFindings = 0, rightErrors = 0, documents = 0
        var contradictions: [String] = []
        var missed: [String] = []
        var wrong: [String] = []
        for name in Self.folders {
            let folder = Self.corpus.appendingPathComponent(name)
            var folderErrors = 0, folderFound = 0, folderFindings = 0, folderRight = 0
            for (file, errors, calls, consistent) in try Self.expectations(in: folder) {
                documents += 1
                let findings = try auditor.audit(folder.appendingPathComponent(file))
                folderErrors += errors.count
                for error in errors {
                    if findings.contains(where: { Self.reports($0, error) }) { folderFound += 1 } else { missed.append("\(file) \(error.id)") }
                }
                for finding in findings where finding.severity == .error {
                    folderFindings += 1
                    if (errors + calls).contains(where: { Self.reports(finding, $0) }) {
                        folderRight += 1
                    } else {
                        wrong.append("\(file)：\(finding.rule) \(finding.stated) → \(finding.expected)")
                    }
                    for check in consistent where Self.reports(finding, check) && !(errors + calls).contains(where: { Self.reports(finding, $0) }) {
                        contradictions.append("\(file) \(check.id)：\(finding.rule) \(finding.stated) → \(finding.expected)")
                    }
                }
            }
            print("corpus \(name): errors found \(folderFound)/\(folderErrors); error findings right \(folderRight)/\(folderFindings)")
            expectedErrors += folderErrors
            found += folderFound
            errorFindings += folderFindings
            rightErrors += folderRight
        }
        let recall = Double(found) / Double(max(expectedErrors, 1))
        let precision = Double(rightErrors) / Double(max(errorFindings, 1))
        print("corpus (\(documents) documents): errors found \(found)/\(expectedErrors) (recall \(String(format: "%.2f", recall))); error findings right \(rightErrors)/\(errorFindings) (precision \(String(format: "%.2f", precision)))")
        print("corpus missed: \(missed)")
        print("corpus wrong: \(wrong)")
        print("corpus contradictions: \(contradictions)")
        #expect(documents >= 20)
        #expect(expectedErrors >= 10)
        // Every error-level finding on the corpus is a listed error or judgement call; none contradicts a figure the
        // expectations mark consistent. Recall is measured and kept from falling.
        #expect(contradictions.isEmpty)
        #expect(wrong.isEmpty)
        #expect(found * 2 >= expectedErrors)
    }
}
