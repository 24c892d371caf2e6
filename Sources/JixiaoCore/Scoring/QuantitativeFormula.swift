import Foundation

/// The quantitative formulas of DOMAIN.md §3: positive (actual/target, capped at the weight), negative
/// (full up to the target, falling to 0 at `negativeZeroAtMultiple` × target), and equality.
struct QuantitativeFormula {
    let profile: ScoringProfile
    let direction: Direction

    func score(target: Quantity, actual: Quantity, weight: ExactDecimal) -> RowScoring.Outcome {
        guard let (goal, result) = comparable(target, actual) else {
            return .judgement("单位不一致（目标 \(target.unit ?? "无单位")，实际 \(actual.unit ?? "无单位")），无法按公式计分")
        }
        var notes: [String] = []
        if let written = actual.comparator {
            notes.append("实际完成值写成了“\(actual.text)”，按 \(actual.number.plainText) 计（\(written.rawValue)不是实际值的写法）")
        }
        let counted = max(result, 0)
        if result < 0 { notes.append("实际值为负，按 0 计") }
        let t = goal.plainText
        let a = counted.plainText
        let w = weight.plainText
        let score: ExactDecimal
        let formula: String
        let explanation: String
        let rule: ScoreRule
        switch direction {
        case .positive:
            rule = .positive
            formula = "正向：实际 ≥ 目标 → 满分；否则 分值 × 实际 / 目标"
            if counted >= goal || goal <= 0 {
                score = weight
                explanation = "实际 \(a) ≥ 目标 \(t)，得满分 \(w)"
            } else {
                score = (weight * counted).divided(by: goal) ?? .zero  // goal > 0 here
                explanation = "实际 \(a) < 目标 \(t)：\(w) × \(a) / \(t) = \(score.fixed(2))"
            }
        case .negative:
            rule = .negative
            let multiple = profile.negativeZeroAtMultiple
            formula = "反向：实际 ≤ 目标 → 满分；目标 < 实际 < \(multiple.plainText)×目标 → 分值 × (1 − (实际 − 目标) / 目标)；否则 0"
            if goal <= 0 {
                score = counted <= 0 ? weight : 0
                explanation = "目标为 0：实际 \(a) \(counted <= 0 ? "≤ 0，得满分" : "> 0，得 0 分")"
            } else if counted <= goal {
                score = weight
                explanation = "实际 \(a) ≤ 目标 \(t)，得满分 \(w)"
            } else if counted >= goal * multiple {
                score = 0
                explanation = "实际 \(a) ≥ \(multiple.plainText) × 目标 \(t)，得 0 分"
            } else {
                score = weight * (1 - ((counted - goal).divided(by: goal) ?? .zero))  // goal > 0 here
                explanation = "实际 \(a) 超出目标 \(t)：\(w) × (1 − (\(a) − \(t)) / \(t)) = \(score.fixed(2))"
            }
        case .equality:
            rule = .equality
            formula = "等于：目标为 0 时实际 ≤ 0 得满分，否则按正向计"
            if goal == 0 {
                score = counted <= 0 ? weight : 0
                explanation = "目标为 0：实际 \(a) \(counted <= 0 ? "≤ 0，得满分" : "> 0，得 0 分")"
            } else if counted >= goal {
                score = weight
                explanation = "实际 \(a) 达到目标 \(t)，得满分 \(w)"
            } else {
                score = (weight * counted).divided(by: goal) ?? .zero  // goal > 0 here
                explanation = "实际 \(a) < 目标 \(t)：\(w) × \(a) / \(t) = \(score.fixed(2))"
            }
        }
        return .scored(score, rule, formula: formula, explanation: (notes + [explanation]).joined(separator: "；"))
    }

    /// Target and actual in one unit: money converted to 万元; a missing unit takes the other's.
    private func comparable(_ target: Quantity, _ actual: Quantity) -> (ExactDecimal, ExactDecimal)? {
        if let goal = target.money, let result = actual.money {
            return (goal.amount(in: .wan), result.amount(in: .wan))
        }
        if target.unit == nil || actual.unit == nil || target.unit == actual.unit {
            return (target.number, actual.number)
        }
        return nil
    }
}
