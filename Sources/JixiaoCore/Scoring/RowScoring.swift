import Foundation

/// Scores one indicator row from its readings: not applicable, no data, quantitative, qualitative, period,
/// lists part by part; and where only an evaluator can judge, keeps the stated score, capped, and says so.
struct RowScoring {
    let profile: ScoringProfile
    /// The direction for a target written without a comparator.
    let direction: Direction

    /// An evaluation of target against actual for a given weight.
    enum Outcome {
        case scored(ExactDecimal, ScoreRule, formula: String, explanation: String)
        case judgement(String)
    }

    /// `rowPoints` false: the table states no points per row (only in its headers), so a row's score is taken as stated.
    func score(
        target: IndicatorValue, actual: IndicatorValue, weight: ExactDecimal?, stated: ExactDecimal?, name: String,
        rowPoints: Bool = true
    ) -> (ExactDecimal?, Provenance) {
        func provenance(_ rule: ScoreRule, _ formula: String, _ explanation: String) -> Provenance {
            Provenance(rule: rule, formula: formula, explanation: explanation, profile: profile.reference)
        }
        let blank: (IndicatorValue) -> Bool = { $0 == .notApplicable || $0 == .empty }
        let named = !name.isEmpty && !NotApplicable.matches(name) && !name.hasSuffix("/") && !name.hasSuffix("：") && !name.hasSuffix(":")
        if target == .empty && actual == .empty && named && (weight ?? 0) > 0 {
            return (nil, provenance(.noData, "", "指标“\(name)”未填年度指标值和实际完成值：无数据，填报得分无法复核"))
        }
        if blank(target) && blank(actual) || NotApplicable.matches(name) {
            let points = (weight ?? 0) > 0 || (stated ?? 0) > 0
            let explanation = points
                ? "指标不适用（“/”或未填写指标值和实际值），不应占分值、不应得分"
                : "指标不适用，不计分"
            return (points ? 0 : nil, provenance(.notApplicable, "不适用", explanation))
        }
        guard let weight else {
            if !rowPoints, let stated {
                return (stated, provenance(.acceptedStated, "表中未列各行分值", "表中未列各行分值（分值只写在表头），采用填报得分 \(stated.plainText)"))
            }
            return (nil, provenance(.noData, "", "有指标值但分值未填或为“/”，无法计分"))
        }
        if blank(actual) {
            return (nil, provenance(.noData, "", "已设目标但未填实际完成值：无数据，不按0分或满分处理"))
        }
        switch evaluate(target: target, actual: actual, weight: weight, stated: stated) {
        case .scored(let score, let rule, let formula, let explanation):
            return (score, provenance(rule, formula, explanation))
        case .judgement(let reason):
            let kept = min(max(stated ?? 0, 0), weight)
            let note = stated == nil ? "未填报得分，按 0 分计" : "采用填报得分 \(kept.plainText)"
            return (kept, provenance(.acceptedStated, "需人工判定", "\(reason)；\(note)"))
        }
    }

    func evaluate(target: IndicatorValue, actual: IndicatorValue, weight: ExactDecimal, stated: ExactDecimal?) -> Outcome {
        if case .unreadable(let reason) = target { return .judgement("年度指标值无法读取：\(reason)") }
        if case .unreadable(let reason) = actual { return .judgement("实际完成值无法读取：\(reason)") }
        switch (target, actual) {
        case (_, .achievement(let level, let word)):
            return QualitativeBand(profile: profile).score(level: level, word: word, weight: weight, stated: stated)
        case (.quantity(let goal), .quantity(let result)):
            return QuantitativeFormula(profile: profile, direction: goal.comparator?.direction ?? direction)
                .score(target: goal, actual: result, weight: weight)
        case (.list(let goals), .list(let results)) where goals.count == results.count:
            return parts(goals, results, weight: weight, stated: stated)
        case (.period(let goal), .period(let result)):
            if goal == result {
                return .scored(weight, .period, formula: "时效：实际与目标一致 → 满分", explanation: "时效目标按期完成")
            }
            return .judgement("时效目标为\(IndicatorValue.period(goal).summary)，实际为\(IndicatorValue.period(result).summary)，需评价人判定")
        case (.statement(let goal), .statement(let result)) where goal == result:
            return .scored(
                weight, .matchingStatement, formula: "定性：实际完成值与目标表述一致 → 达成档上限",
                explanation: "实际完成值与年度指标值文字相同，按达成计")
        case (_, .statement):
            return .judgement("实际完成值为文字描述，需评价人判定档次")
        default:
            return .judgement("年度指标值（\(target.summary)）与实际完成值（\(actual.summary)）无法对应比较")
        }
    }

    /// A list target against a list actual: the weight is shared equally and each part scored on its own.
    private func parts(_ goals: [IndicatorValue], _ results: [IndicatorValue], weight: ExactDecimal, stated: ExactDecimal?) -> Outcome {
        let share = weight.divided(by: ExactDecimal(goals.count)) ?? weight
        var total = ExactDecimal(0)
        var explanations: [String] = []
        for (index, (goal, result)) in zip(goals, results).enumerated() {
            switch evaluate(target: goal, actual: result, weight: share, stated: nil) {
            case .scored(let score, _, _, let explanation):
                total += score
                explanations.append("第\(index + 1)项 \(score.fixed(2))/\(share.fixed(2))：\(explanation)")
            case .judgement(let reason):
                return .judgement("第\(index + 1)项：\(reason)")
            }
        }
        return .scored(
            total, .parts, formula: "分项：分值按项平均分配，逐项计分后相加",
            explanation: explanations.joined(separator: "；"))
    }
}
