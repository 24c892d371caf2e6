/// Checks the unit's review of its management block against the profile's: deductions beyond an item's points or
/// beyond its group's header ("预算编审管理（6分）"), items the profile does not have, and full marks the unit gives a
/// rate its bands do not (seed 001's 结转结余率 of 22.35 % against a 5 % target).
public struct ManagementChecks: Sendable {
    public let profile: ScoringProfile

    public init(profile: ScoringProfile) {
        self.profile = profile
    }

    public func findings(for evaluation: SelfEvaluation, sheet: ScoreSheet) -> [Finding] {
        guard let rules = profile.management, evaluation.kind == .agency else { return [] }
        var findings: [Finding] = []
        func location(_ judgment: ManagementJudgment?) -> SourceLocation {
            judgment?.source ?? evaluation.source ?? SourceLocation()
        }
        // The last review of an item stands, as in the scoring.
        var review: [ManagementJudgment] = []
        for judgment in evaluation.managementReview {
            if let index = review.firstIndex(where: { $0.indicator == judgment.indicator }) { review[index] = judgment } else { review.append(judgment) }
        }
        for judgment in review {
            guard let rule = rules.indicators.first(where: { $0.id == judgment.indicator }) else {
                findings.append(Finding(
                    rule: "management.unknown", severity: .warning, location: location(judgment), quote: judgment.indicator,
                    expected: rules.indicators.map(\.id).joined(separator: "、"), stated: judgment.indicator,
                    explanation: "自评中的管理指标“\(judgment.indicator)”不在评分规则 \(profile.reference) 中，未计分"))
                continue
            }
            if let weight = rule.weight, judgment.pointsLost > weight {
                findings.append(Finding(
                    rule: "management.points", severity: .error, location: location(judgment), quote: rule.name,
                    expected: "≤ \(weight.plainText)", stated: judgment.pointsLost.plainText,
                    explanation: "“\(rule.name)”扣 \(judgment.pointsLost.plainText) 分，超过该项分值 \(weight.plainText) 分"))
            }
        }
        for group in rules.groups {
            let ids = Set(rules.indicators(in: group.name).map(\.id))
            let judged = review.filter { ids.contains($0.indicator) }
            let lost = judged.reduce(ExactDecimal(0)) { $0 + $1.pointsLost }
            if lost > group.weight {
                findings.append(Finding(
                    rule: "management.group", severity: .error, location: location(judged.first), quote: group.name,
                    expected: "≤ \(group.weight.plainText)", stated: lost.plainText,
                    explanation: "“\(group.name)”各项扣分合计 \(lost.plainText) 分，超过其标题的 \(group.weight.plainText) 分"))
            }
        }
        for score in sheet.management where score.rate != nil {
            guard let rule = rules.indicators.first(where: { $0.id == score.id }), !rule.bands.isEmpty,
                let judgment = evaluation.managementReview.last(where: { $0.indicator == score.id }),
                let lost = score.pointsLost, lost > judgment.pointsLost
            else { continue }
            findings.append(Finding(
                rule: "management.score", severity: .warning, location: location(judgment), quote: score.name,
                expected: "扣 \(lost.rounded(scale: 2).plainText) 分", stated: "扣 \(judgment.pointsLost.plainText) 分",
                explanation: "单位自评“\(score.name)”\(judgment.pointsLost == 0 ? "计满分" : "扣 \(judgment.pointsLost.plainText) 分")，但\(score.provenance.explanation)"))
        }
        return findings
    }
}
