import Foundation

/// The execution-rate item (预算执行率): weight × min(the ``ExecutionRate``, cap).
struct ExecutionScoring {
    let profile: ScoringProfile

    func score(_ budget: Budget, rate execution: ExecutionRate) -> RowScore {
        let rule = profile.execution
        let weight = budget.executionWeight.value ?? rule.weight
        let basisName = execution.basisName
        let basis = execution.basisAmount
        var row = RowScore(
            category: "预算执行", group: "", name: "预算执行率",
            target: basis.map { "\(basisName) \($0.wanText)" } ?? "",
            actual: budget.total.spent.map { "全年执行数 \($0.wanText)" } ?? "",
            targetValue: basis.map { .quantity(Quantity(number: $0.amount(in: .wan), unit: "万元")) } ?? .empty,
            actualValue: budget.total.spent.map { .quantity(Quantity(number: $0.amount(in: .wan), unit: "万元")) } ?? .empty,
            weight: weight, statedScore: budget.statedExecutionScore.value, score: nil,
            provenance: Provenance(rule: .noData, formula: "", explanation: "", profile: profile.reference),
            deviationNoteMissing: false, source: budget.source)
        guard let basis, let spent = budget.total.spent else {
            row.provenance.explanation = "缺少\(basis == nil ? basisName : "全年执行数")，无法计算执行率（不按0分或满分处理）"
            return row
        }
        let formula = "分值 × min(全年执行数 / \(basisName), \((rule.cap * 100).plainText)%)"
        guard let rate = execution.rate else {
            row.provenance = Provenance(
                rule: .noData, formula: formula,
                explanation: "\(basisName)为 0，执行率的分母为零，无法计算", profile: profile.reference)
            return row
        }
        let counted = min(max(rate, 0), rule.cap)
        let score = weight * counted
        row.score = score
        row.provenance = Provenance(
            rule: .execution, formula: formula,
            explanation: "执行率 = \(spent.wanText) / \(basis.wanText) = \(Percent.text(rate))；"
                + "得分 = \(weight.plainText) × \(Percent.text(counted)) = \(score.fixed(2))",
            profile: profile.reference)
        return row
    }
}
