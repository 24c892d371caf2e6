import Foundation
import Testing
import JixiaoCore
import JixiaoDocuments

/// `jixiao check` on the five seeds against `../shared/ground-truth/seed-inconsistencies.json`: which listed
/// inconsistencies are reported, and whether any check the ground truth marks consistent is reported as an error.
@Suite struct GroundTruthTests {

    struct Inconsistency: Decodable {
        var id: String
        var seed_file: String
        var quote: String
        var expected: String
        var stated: String
        var checker_expectation: String
    }

    struct ConsistentCheck: Decodable {
        var id: String
        var seed_file: String
        var computation: String
    }

    struct GroundTruth: Decodable {
        var inconsistencies: [Inconsistency]
        var consistent_checks: [ConsistentCheck]
    }

    /// The numerals in a text, normalised ("29.50" → "29.5", "27." → "27").
    static func numerals(_ text: String) -> Set<String> {
        var found = Set<String>()
        var current = ""
        func flush() {
            defer { current = "" }
            while current.hasSuffix(".") { current.removeLast() }
            // 0 names nothing in particular (every report is full of 0万元), so it never makes a match.
            guard !current.isEmpty, let value = ExactDecimal(current), value != .zero else { return }
            found.insert(value.plainText)
        }
        let characters = Array(text)
        for (index, character) in characters.enumerated() {
            // "13,583.48" is one number: a comma between digits with three digits after it groups thousands.
            let groups = character == "," && !current.isEmpty && index + 3 < characters.count
                && characters[(index + 1)...(index + 3)].allSatisfy(\.isNumber) && !(index + 4 < characters.count && characters[index + 4].isNumber)
            if groups { continue }
            if character.isASCII && (character.isNumber || character == ".") { current.append(character) } else { flush() }
        }
        flush()
        return found
    }

    /// A finding reports an inconsistency when its own stated or expected figure is one of the inconsistency's,
    /// and its quote sits on the inconsistency's quoted text.
    /// Reviewer signals (copied paragraphs, "no problems") are hints, not reports of an inconsistency.
    static func reports(_ finding: Finding, _ item: Inconsistency) -> Bool {
        !finding.rule.hasPrefix("signal.")
            && !numerals("\(finding.stated) \(finding.expected)").isDisjoint(with: numerals("\(item.stated) \(item.expected) \(item.quote)"))
            && !numerals("\(finding.quote) \(finding.stated)").isDisjoint(with: numerals(item.quote))
    }

    /// An error finding contradicts a consistent check when it names two of the check's figures.
    static func contradicts(_ finding: Finding, _ check: ConsistentCheck) -> Bool {
        numerals("\(finding.stated) \(finding.expected) \(finding.quote)").intersection(numerals(check.computation)).count >= 2
    }

    struct Outcome {
        var table: String
        var mustMissed: [String]
        var shouldMissed: [String]
        var shouldRecall: Double
        var falseErrors: [String]
        var errorsIn000And002: [String]
    }

    static func evaluate() throws -> Outcome {
        let truth = try JSONDecoder().decode(
            GroundTruth.self, from: Data(contentsOf: TestPaths.shared.appendingPathComponent("ground-truth/seed-inconsistencies.json")))
        let auditor = ReportAuditor(catalog: try ProfileCatalog.builtin())
        let seeds = Set(truth.inconsistencies.map(\.seed_file)).union(truth.consistent_checks.map(\.seed_file)).sorted()
        var rows = ["| seed | must_flag | should_flag | may_flag | consistent checks flagged as error | findings (errors) |",
                    "|---|---|---|---|---|---|"]
        var mustMissed: [String] = []
        var shouldMissed: [String] = []
        var falseErrors: [String] = []
        var errorsIn000And002: [String] = []
        var shouldTotal = 0
        var shouldFound = 0
        for seed in seeds {
            let findings = try auditor.audit(TestPaths.shared.appendingPathComponent("seeds/\(seed)"))
            let items = truth.inconsistencies.filter { $0.seed_file == seed }
            func recall(_ kind: String) -> (Int, Int, [String]) {
                let listed = items.filter { $0.checker_expectation == kind }
                let missed = listed.filter { item in !findings.contains { Self.reports($0, item) } }.map(\.id)
                return (listed.count - missed.count, listed.count, missed)
            }
            let must = recall("must_flag")
            let should = recall("should_flag")
            let may = recall("may_flag")
            mustMissed += must.2
            shouldMissed += should.2
            shouldTotal += should.1
            shouldFound += should.0
            let errors = findings.filter { $0.severity == .error }
            let unexplained = errors.filter { finding in !items.contains { Self.reports(finding, $0) } }
            let contradicted = truth.consistent_checks.filter { $0.seed_file == seed }
                .filter { check in unexplained.contains { Self.contradicts($0, check) } }.map(\.id)
            falseErrors += contradicted
            if seed.hasPrefix("000") || seed.hasPrefix("002") { errorsIn000And002 += errors.map(\.explanation) }
            let checks = truth.consistent_checks.filter { $0.seed_file == seed }.count
            rows.append("| \(seed.prefix(3)) | \(must.0)/\(must.1) | \(should.0)/\(should.1) | \(may.0)/\(may.1) | \(contradicted.count)/\(checks) | \(findings.count) (\(errors.count)) |")
        }
        return Outcome(
            table: rows.joined(separator: "\n"), mustMissed: mustMissed, shouldMissed: shouldMissed,
            shouldRecall: shouldTotal == 0 ? 1 : Double(shouldFound) / Double(shouldTotal),
            falseErrors: falseErrors, errorsIn000And002: errorsIn000And002)
    }

    @Test func consistentChecksAreNeverReportedAsErrors() throws {
        let outcome = try Self.evaluate()
        print(outcome.table)
        #expect(outcome.falseErrors.isEmpty, "consistent checks reported as errors: \(outcome.falseErrors)")
    }

    @Test func seedsZeroAndTwoHaveNoErrors() throws {
        #expect(try Self.evaluate().errorsIn000And002.isEmpty)
    }

    @Test func reportsTheInconsistenciesACorrectCheckerMustFlag() throws {
        let outcome = try Self.evaluate()
        print("must_flag missed: \(outcome.mustMissed); should_flag missed: \(outcome.shouldMissed); recall \(outcome.shouldRecall)")
        #expect(outcome.mustMissed.isEmpty, "must_flag missed: \(outcome.mustMissed)")
        #expect(outcome.shouldRecall >= 0.8, "should_flag recall \(outcome.shouldRecall)")
    }
}
