import Foundation

/// The result of scoring one self-evaluation: each row stated beside recomputed, the total, the grade,
/// and the problems of the weight tree.
public struct ScoreSheet: Hashable, Sendable, Encodable {
    public var title: String
    public var profile: String
    public var profileName: String
    public var execution: RowScore
    /// 预算执行率 by the profile's basis: the one figure every page, report and list shows.
    public var executionRate: ExecutionRate
    public var rows: [RowScore]
    /// The management indicators computed from the base data (an agency's overall evaluation under a profile that
    /// has them); part of the total only when the profile says so.
    public var management: [ManagementScore]
    /// The management block's groups with their points, where the profile scores it group by group.
    public var managementGroups: [ManagementGroupScore]
    /// The recomputed total, exact.
    public var exactTotal: ExactDecimal
    /// The recomputed total rounded once, at the end.
    public var total: ExactDecimal
    public var grade: Grade?
    public var gradeLabel: String?
    public var statedTotal: StatedTotal
    public var statedGrade: String?
    public var weightProblems: [WeightProblem]

    /// The management block's points as its groups' headers print them.
    public var managementWeight: ExactDecimal { managementGroups.reduce(0) { $0 + $1.weight } }

    /// The management block's score, its groups' together; nil when a group's cannot be known.
    public var managementTotal: ExactDecimal? {
        managementGroups.contains { $0.score == nil } ? nil : managementGroups.reduce(0) { $0 + ($1.score ?? 0) }
    }

    /// The execution item followed by every indicator row.
    public var allRows: [RowScore] { [execution] + rows }

    /// Sum of the stated weights of all rows, execution included.
    public var itemWeightTotal: ExactDecimal {
        allRows.reduce(0) { $0 + ($1.weight ?? 0) }
    }

    /// Sum of the stated scores of all rows, execution included.
    public var statedScoreTotal: ExactDecimal {
        allRows.reduce(0) { $0 + ($1.statedScore ?? 0) }
    }

    /// Rows whose recomputed score differs from the stated one.
    public var differences: [RowScore] {
        allRows.filter { $0.difference.map { $0 != 0 } ?? false }
    }
}

/// One row scored: what was stated, what Jixiao computes, and why.
public struct RowScore: Hashable, Sendable, Encodable {
    public var category: String
    public var group: String
    public var name: String
    public var target: String
    public var actual: String
    public var targetValue: IndicatorValue
    public var actualValue: IndicatorValue
    public var weight: ExactDecimal?
    public var statedScore: ExactDecimal?
    /// The recomputed score, exact; nil when there is nothing to score (not applicable, no data).
    public var score: ExactDecimal?
    public var provenance: Provenance
    /// The deviation explanation is required by the profile but missing.
    public var deviationNoteMissing: Bool
    public var source: SourceLocation?

    /// The name to show: the level-3 name on one line, or the level-2 name when the row has none ("/").
    public var displayName: String {
        let flat = name.split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.isEmpty || NotApplicable.matches(flat) ? "\(group)（\(flat.isEmpty ? "未填" : flat)）" : flat
    }

    /// The inputs of the computation by name, as printed: the target and actual as read, the weight, the stated score.
    public var inputs: [Provenance.Input] {
        [
            Provenance.Input("年度指标值", targetValue.summary),
            Provenance.Input("实际完成值", actualValue.summary),
            Provenance.Input("分值", weight?.plainText ?? "—"),
            Provenance.Input("填报得分", statedScore?.plainText ?? "—"),
        ]
    }

    /// The recomputed score rounded for display.
    public var roundedScore: ExactDecimal? { score?.rounded(scale: 2) }

    /// Recomputed (rounded) minus stated; nil when either is missing.
    public var difference: ExactDecimal? {
        switch (roundedScore, statedScore) {
        case (let score?, let stated?): score - stated
        case (nil, let stated?) where stated != 0: -stated
        default: nil
        }
    }
}
