import Foundation
import JixiaoCore
import JixiaoDocuments

/// What the server and the CLI do with what a reader returns, so a fuzz input reaches past the reader.
public enum Exercise {
    /// The built-in profiles, read once per process.
    public static let catalog: ProfileCatalog = {
        do { return try ProfileCatalog.builtin() } catch { fatalError("built-in profiles: \(error)") }
    }()

    /// Scores each evaluation by every built-in profile, runs the checks, and renders both as the CLI prints them.
    public static func scoreAndCheck(_ evaluations: [SelfEvaluation]) {
        for evaluation in evaluations {
            for profile in catalog.profiles {
                _ = ScoreSheetText.render(Scorer(profile: profile).score(evaluation))
                let findings = EvaluationChecks(profile: profile).findings(for: evaluation)
                _ = FindingsText.render(file: "fuzz", findings: findings)
            }
        }
    }

    /// Audits a report as `jixiao check` does and renders the findings.
    public static func audit(_ document: ReportDocument) {
        guard let audit = try? ReportAuditor(catalog: catalog).audit(document) else { return }
        _ = FindingsText.render(file: audit.file, findings: audit.findings)
    }
}
