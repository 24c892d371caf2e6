import Foundation

/// Scores a self-evaluation by a ``ScoringProfile``: the execution item, every indicator row, the total and
/// the grade, each with its ``Provenance``. Pure and deterministic: the CLI, the web pages and the reports
/// all call this one scorer, so they can never disagree about a number.
public struct Scorer: Sendable {
    public let profile: ScoringProfile

    public init(profile: ScoringProfile) {
        self.profile = profile
    }

    public func score(_ evaluation: SelfEvaluation) -> ScoreSheet {
        let rate = ExecutionRate(evaluation.budget, basis: profile.execution.basis)
        let execution = ExecutionScoring(profile: profile).score(evaluation.budget, rate: rate)
        var rows: [RowScore] = []
        for category in evaluation.indicators.categories {
            for group in category.groups {
                for indicator in group.indicators {
                    rows.append(score(indicator, category: category.name, group: group.name, rowPoints: evaluation.indicators.rowPoints))
                }
            }
        }
        let managementScoring = ManagementScoring(profile: profile)
        let management = managementScoring.scores(evaluation)
        let block = managementScoring.total(management.items, groups: management.groups)
        let exact = ([execution] + rows).reduce(ExactDecimal(0)) { $0 + ($1.score ?? 0) } + (block ?? 0)
        let total = exact.rounded(scale: profile.scoreDecimals)
        // A management group whose score cannot be known, or a report without any indicator table (seed 001: only its
        // management block is scored), leaves the total incomplete: no grade is given for it.
        let incomplete = block == nil || (evaluation.indicators.categories.isEmpty && !profile.categories.isEmpty)
        let grade = incomplete ? nil : profile.grade(for: total)
        let sheet = ScoreSheet(
            title: evaluation.title,
            profile: profile.reference,
            profileName: profile.name,
            execution: execution,
            executionRate: rate,
            rows: rows,
            management: management.items,
            managementGroups: management.groups,
            exactTotal: exact,
            total: total,
            grade: grade?.grade,
            gradeLabel: grade?.label,
            statedTotal: evaluation.statedTotal,
            statedGrade: evaluation.statedGrade,
            weightProblems: []
        )
        var checked = sheet
        checked.weightProblems = WeightTreeCheck(profile: profile).problems(in: evaluation, sheet: sheet)
        return checked
    }

    /// Scores one indicator row.
    public func score(_ indicator: Indicator, category: String, group: String, rowPoints: Bool = true) -> RowScore {
        let target = ValueReader.read(indicator.target)
        let actual = ValueReader.read(indicator.actual)
        let weight = indicator.weight.value
        let stated = indicator.statedScore.value
        let rowScoring = RowScoring(profile: profile, direction: profile.direction(category: category, group: group))
        let (score, provenance) = rowScoring.score(
            target: target, actual: actual, weight: weight, stated: stated, name: indicator.name, rowPoints: rowPoints)
        var row = RowScore(
            category: category, group: group, name: indicator.name,
            target: indicator.target, actual: indicator.actual,
            targetValue: target, actualValue: actual,
            weight: weight, statedScore: stated, score: score, provenance: provenance,
            deviationNoteMissing: false, source: indicator.source)
        row.deviationNoteMissing = DeviationNoteRequirement(rule: profile.deviationNote)
            .isMissing(row: row, note: indicator.deviationNote)
        return row
    }
}
