import JixiaoCore

/// The fields of an evaluation as "path → printed value", so two versions can be compared field by field for the
/// history ("指标/产出指标/数量指标/培训次数/实际完成值": "3次" → "4次").
enum EvaluationDiff {
    static func fields(_ evaluation: SelfEvaluation) -> [String: String] {
        var fields: [String: String] = [
            "单位": evaluation.agency.name, "项目": evaluation.project ?? "",
            "年度": evaluation.fiscalYear.map(String.init) ?? "",
            "年度总体目标/预期目标": evaluation.goal.expected, "年度总体目标/实际完成情况": evaluation.goal.actual,
        ]
        let total = evaluation.budget.total
        fields["预算/年初预算数"] = total.initialBudget?.wanText ?? ""
        fields["预算/全年预算数"] = total.adjustedBudget?.wanText ?? ""
        fields["预算/全年执行数"] = total.spent?.wanText ?? ""
        fields["预算/执行率分值"] = evaluation.budget.executionWeight.text
        fields["预算/执行率得分"] = evaluation.budget.statedExecutionScore.text
        for category in evaluation.indicators.categories {
            fields["指标/\(category.name)/表头分值"] = category.statedWeight?.plainText ?? ""
            for group in category.groups {
                for (index, indicator) in group.indicators.enumerated() {
                    let path = "指标/\(category.name)/\(group.name)/\(indicator.name.isEmpty ? "第\(index + 1)行" : indicator.name)"
                    fields[path + "/年度指标值"] = indicator.target
                    fields[path + "/实际完成值"] = indicator.actual
                    fields[path + "/分值"] = indicator.weight.text
                    fields[path + "/得分"] = indicator.statedScore.text
                    fields[path + "/偏差原因分析"] = indicator.deviationNote
                }
            }
        }
        for (key, paragraphs) in evaluation.narrative { fields["报告/\(key)"] = paragraphs.joined(separator: "\n") }
        return fields
    }

    /// (field, old, new) for every field that differs, in field order.
    static func changes(from old: SelfEvaluation, to new: SelfEvaluation) -> [(String, String, String)] {
        let before = fields(old)
        let after = fields(new)
        return Set(before.keys).union(after.keys).sorted().compactMap { key in
            let (a, b) = (before[key] ?? "", after[key] ?? "")
            return a == b ? nil : (key, a, b)
        }
    }
}
