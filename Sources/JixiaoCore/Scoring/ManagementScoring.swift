/// One management indicator scored: its rate (nil when a figure is missing or the denominator is zero: no data, never
/// 0 % or 100 %), or the unit's deduction for a checklist item; the points it loses, its score, and why.
public struct ManagementScore: Hashable, Sendable, Encodable {
    public var id: String
    public var name: String
    public var group: String
    /// The item's points; nil where the rules publish only its group's.
    public var weight: ExactDecimal?
    /// The rate in percent, exact; nil for a checklist item or without data.
    public var rate: ExactDecimal?
    /// The points the item loses; nil when that cannot be known (no data, no review).
    public var pointsLost: ExactDecimal?
    /// weight − points lost, when the item has its own points and the block counts in the total.
    public var score: ExactDecimal?
    /// The unit's words about the item, from its review.
    public var reason: String
    public var provenance: Provenance

    /// The rate rounded to two decimals for display ("71.43%"), "无数据", or "" for a checklist item.
    public var rateText: String { rate.map { $0.fixed(2) + "%" } ?? (provenance.formula.isEmpty ? "" : "无数据") }
}

/// One group of the management block scored as its header prints it: its points less what its items lose.
public struct ManagementGroupScore: Hashable, Sendable, Encodable {
    public var name: String
    public var weight: ExactDecimal
    /// nil when an item's loss cannot be known.
    public var score: ExactDecimal?
    public var explanation: String
}

/// Computes a profile's management block (``ManagementRules``) from an agency evaluation: its base data, its budget
/// block and the unit's review of the checklist items.
public struct ManagementScoring: Sendable {
    public let profile: ScoringProfile

    public init(profile: ScoringProfile) {
        self.profile = profile
    }

    /// Every indicator of the profile's management block, and its groups; empty when the profile has none or the
    /// evaluation is not an agency's.
    public func scores(_ evaluation: SelfEvaluation) -> (items: [ManagementScore], groups: [ManagementGroupScore]) {
        guard let rules = profile.management, evaluation.kind == .agency else { return ([], []) }
        let items = rules.indicators.map { score($0, evaluation) }
        let groups = rules.groups.map { group in
            score(group, items: items.filter { $0.group == group.name })
        }
        return (items, groups)
    }

    /// The block's points in the total: the groups' where it has groups, else the items'; 0 when it does not count;
    /// nil when a group's score cannot be known (the total is then not the evaluation's, and no grade is given).
    public func total(_ items: [ManagementScore], groups: [ManagementGroupScore]) -> ExactDecimal? {
        guard profile.management?.countsInTotal == true else { return 0 }
        if groups.isEmpty { return items.reduce(0) { $0 + ($1.score ?? 0) } }
        guard groups.allSatisfy({ $0.score != nil }) else { return nil }
        return groups.reduce(0) { $0 + ($1.score ?? 0) }
    }

    public func score(_ rule: ManagementIndicatorRule, _ evaluation: SelfEvaluation) -> ManagementScore {
        let judgment = evaluation.managementReview.last { $0.indicator == rule.id }
        let counts = profile.management?.countsInTotal == true
        var result = ManagementScore(
            id: rule.id, name: rule.name, group: rule.group, weight: rule.weight, rate: nil, pointsLost: nil, score: nil,
            reason: judgment?.reason ?? "",
            provenance: Provenance(rule: .noData, formula: rule.formula?.text(named: rule.name) ?? "", explanation: "", profile: profile.reference))
        let outcome = rule.formula != nil || rule.fallback != nil
            ? rated(rule, evaluation, judgment: judgment, counts: counts) : reviewed(rule, judgment)
        result.rate = outcome.rate
        guard outcome.scored else {
            result.provenance.explanation = outcome.explanation
            return result
        }
        var explanation = outcome.explanation
        result.pointsLost = outcome.lost
        let capacity = rule.weight ?? profile.management?.groups.first { $0.name == rule.group }?.weight
        if let lost = outcome.lost, let capacity, lost > capacity {
            explanation += "；扣分 \(lost.plainText) 超过分值 \(capacity.plainText)，按扣完计"
            result.pointsLost = capacity
        }
        if counts, let weight = rule.weight, let lost = result.pointsLost {
            result.score = weight - lost
        } else if !counts {
            explanation += "（本评分规则中不单独计分）"
        }
        result.provenance = Provenance(rule: .management, formula: result.provenance.formula, explanation: explanation, profile: profile.reference)
        return result
    }

    /// What scoring an item gave: its rate, the points it loses (nil: cannot be known), why, and whether it was scored at
    /// all (else it has no data).
    private struct Outcome {
        var rate: ExactDecimal?
        var lost: ExactDecimal?
        var explanation: String
        var scored = true
    }

    /// A rate item: by its bands, or, where the rules publish none, by the unit's review (which stands even when the
    /// figures give no rate).
    private func rated(_ rule: ManagementIndicatorRule, _ evaluation: SelfEvaluation, judgment: ManagementJudgment?, counts: Bool) -> Outcome {
        let computed = rate(rule, evaluation)
        let noData = rule.formula.map { noDataReason($0, evaluation, name: rule.name) } ?? "\(rule.name)无数据"
        guard computed != nil || (rule.bands.isEmpty && judgment != nil && counts) else {
            return Outcome(explanation: noData, scored: false)
        }
        var outcome = Outcome(rate: computed?.0, explanation: computed?.1 ?? noData)
        guard counts || !rule.bands.isEmpty else { return outcome }  // computed and checked only
        guard let rate = computed?.0, !rule.bands.isEmpty else {
            outcome.explanation += "；评分规则未公布本项计分标准"
            guard let judgment else {
                outcome.explanation += "，单位未自评：得分无法确定"
                return outcome
            }
            outcome.lost = judgment.pointsLost
            outcome.explanation += judgment.pointsLost == 0 ? "，按单位自评计满分" : "，按单位自评扣 \(judgment.pointsLost.plainText) 分"
            return outcome
        }
        let band = rule.bands.first { $0.contains(rate) }
        let share = band?.share(of: rate) ?? 0
        outcome.explanation += "，" + (band.map { "在“\($0.text)”档" } ?? "不在任何得分档")
        if let weight = rule.weight {
            outcome.lost = weight - weight * share
            if counts { outcome.explanation += "，得 \(weight.plainText) × \(share.plainText) = \((weight * share).rounded(scale: 2).plainText) 分" }
        } else if share == 1 {
            outcome.lost = 0
            outcome.explanation += "（满分档），不扣分"
        } else {
            outcome.explanation += "，未达满分档，但评分规则未公布本项分值：扣分无法确定"
        }
        return outcome
    }

    /// A checklist item: what the unit's review deducts; no data without one.
    private func reviewed(_ rule: ManagementIndicatorRule, _ judgment: ManagementJudgment?) -> Outcome {
        guard let judgment else {
            return Outcome(explanation: "单位未对“\(rule.name)”自评（标准：\(rule.criteria.joined(separator: "；"))）：无数据", scored: false)
        }
        return Outcome(
            lost: judgment.pointsLost,
            explanation: judgment.pointsLost == 0 ? "单位自评计满分" : "单位自评扣 \(judgment.pointsLost.plainText) 分")
    }

    /// The rate of the rule's formula and how it was computed, or its fallback indicator's where it has no data (or
    /// no figures of its own: 支付进度率 where the forms hold no payment schedule). A fallback's own fallback is not
    /// followed, so no profile can send the scoring round in a circle.
    private func rate(_ rule: ManagementIndicatorRule, _ evaluation: SelfEvaluation, followingFallback: Bool = true) -> (ExactDecimal, String)? {
        if let formula = rule.formula, let top = evaluation.value(of: formula.numerator),
            let bottom = evaluation.value(of: formula.denominator),
            let quotient = (formula.kind == .change ? top - bottom : top).divided(by: bottom) {
            let rate = quotient * 100
            let dividend = formula.kind == .change ? "（\(top.plainText) − \(bottom.plainText)）" : top.plainText
            return (rate, "\(rule.name) = \(dividend) / \(bottom.plainText) = \(rate.fixed(2))%")
        }
        guard followingFallback, let id = rule.fallback,
            let substitute = profile.management?.indicators.first(where: { $0.id == id && $0.formula != nil }),
            let (rate, computed) = self.rate(substitute, evaluation, followingFallback: false)
        else { return nil }
        let why = rule.formula.map { noDataReason($0, evaluation, name: rule.name) } ?? "表中没有\(rule.name)的计算数据"
        return (rate, "\(why)，按评分规则以\(substitute.name)代替：\(computed)")
    }

    private func noDataReason(_ formula: RateFormula, _ evaluation: SelfEvaluation, name: String) -> String {
        if evaluation.value(of: formula.numerator) == nil { return "未填\(formula.numerator)：\(name)无数据，不按 0 或 100% 计" }
        if evaluation.value(of: formula.denominator) == nil { return "未填\(formula.denominator)：\(name)无数据，不按 0 或 100% 计" }
        return "\(formula.denominator)为 0，\(name)的分母为零：无数据，不按 0 或 100% 计"
    }

    private func score(_ group: ManagementGroupRule, items: [ManagementScore]) -> ManagementGroupScore {
        let unknown = items.filter { $0.pointsLost == nil }
        guard unknown.isEmpty else {
            return ManagementGroupScore(
                name: group.name, weight: group.weight, score: nil,
                explanation: "“\(unknown.map(\.name).joined(separator: "”“"))”的扣分无法确定，本组得分无法确定")
        }
        let losses = items.filter { $0.pointsLost != 0 }
        let lost = items.reduce(ExactDecimal(0)) { $0 + ($1.pointsLost ?? 0) }
        let score = max(group.weight - lost, 0)
        let detail = losses.isEmpty ? "各项均不扣分"
            : losses.map { "“\($0.name)”扣 \(($0.pointsLost ?? 0).rounded(scale: 2).plainText) 分" }.joined(separator: "，")
        return ManagementGroupScore(
            name: group.name, weight: group.weight, score: profile.management?.countsInTotal == true ? score : nil,
            explanation: "\(group.name)（\(group.weight.plainText)分）：\(detail)，得 \(score.rounded(scale: 2).plainText) 分")
    }
}
