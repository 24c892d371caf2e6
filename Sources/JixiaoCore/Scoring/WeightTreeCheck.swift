import Foundation

/// Checks the weight tree of a self-evaluation: each level-1 header against the sum of its rows and against
/// the profile, all weights against 100 and the 总分 row, rows marked "/" that carry points, scores above weights.
struct WeightTreeCheck {
    let profile: ScoringProfile

    func problems(in evaluation: SelfEvaluation, sheet: ScoreSheet) -> [WeightProblem] {
        var problems: [WeightProblem] = []
        func add(_ rule: String, _ severity: WeightProblem.Severity, _ message: String,
                 expected: String, stated: String, source: SourceLocation? = nil) {
            problems.append(WeightProblem(
                rule: rule, severity: severity, message: message, expected: expected, stated: stated,
                source: source ?? evaluation.source))
        }
        let itemTotal = sheet.itemWeightTotal
        let executionWeight = sheet.execution.weight ?? 0
        let headers = evaluation.indicators.categories.compactMap(\.statedWeight)
        let headerTotal = headers.reduce(executionWeight, +)
        let rowPoints = evaluation.indicators.rowPoints
        if !rowPoints {
            // Points only in the headers: each category's stated scores must fit under its header.
            for category in evaluation.indicators.categories {
                let rows = category.groups.flatMap(\.indicators)
                let scored = rows.reduce(ExactDecimal(0)) { $0 + ($1.statedScore.value ?? 0) }
                if let header = category.statedWeight, scored > header {
                    add("weight.category-score", .error,
                        "\(category.name)：各行得分合计 \(scored.plainText)，超过表头分值 \(header.plainText)",
                        expected: "≤ \(header.plainText)", stated: scored.plainText, source: rows.first?.source?.at(.category))
                }
            }
        }
        // A management block that counts in the total (seed 001's 30 points) is scored beside the table's rows.
        let block = profile.management.map { $0.countsInTotal ? $0.weight : 0 } ?? 0
        let expected = (100 - block).plainText
        let blockNote = block == 0 ? "" : "（另有管理指标 \(block.plainText) 分）"
        if rowPoints, !evaluation.indicators.categories.isEmpty, itemTotal + block != 100 {
            let headerNote = headers.count == evaluation.indicators.categories.count
                ? "，而表头（含预算执行率 \(executionWeight.plainText) 分）合计 \(headerTotal.plainText)" : ""
            add("weight.total", .error,
                "各行分值（含预算执行率）合计 \(itemTotal.plainText)\(headerNote)，应为 \(expected)\(blockNote)",
                expected: expected, stated: itemTotal.plainText, source: evaluation.statedTotal.source?.at(.weight))
        }
        if headers.count == evaluation.indicators.categories.count, !headers.isEmpty, headerTotal + block != 100 {
            add("weight.header-total", .error, "一级指标表头分值合计 \(headerTotal.plainText)，应为 \(expected)\(blockNote)",
                expected: expected, stated: headerTotal.plainText)
        }
        if rowPoints, let statedWeight = evaluation.statedTotal.weight.value, statedWeight != itemTotal {
            add("weight.stated-total", .error,
                "总分栏分值为 \(statedWeight.plainText)，各行分值合计 \(itemTotal.plainText)",
                expected: itemTotal.plainText, stated: statedWeight.plainText, source: evaluation.statedTotal.source?.at(.weight))
        }
        var matchedRules: [ScoringProfile.CategoryRule] = []
        for category in evaluation.indicators.categories {
            let rows = category.groups.flatMap(\.indicators)
            let sum = rows.reduce(ExactDecimal(0)) { $0 + ($1.weight.value ?? 0) }
            if rowPoints, let header = category.statedWeight, header != sum {
                add("weight.category-sum", .error,
                    "\(category.name)：各行分值合计 \(sum.plainText)，表头为 \(header.plainText)",
                    expected: header.plainText, stated: sum.plainText, source: rows.first?.source?.at(.category))
            }
            if let rule = profile.category(named: category.name) {
                matchedRules.append(rule)
                if let header = category.statedWeight, header != rule.weight {
                    add("weight.profile-category", .warning,
                        "\(category.name)：表头 \(header.plainText) 分，评分规则 \(profile.reference) 规定 \(rule.weight.plainText) 分",
                        expected: rule.weight.plainText, stated: header.plainText, source: rows.first?.source?.at(.category))
                }
            } else {
                add("weight.unknown-category", .warning,
                    "一级指标“\(category.name)”不在评分规则 \(profile.reference) 中",
                    expected: profile.categories.map(\.name).joined(separator: "、"), stated: category.name,
                    source: rows.first?.source?.at(.category))
            }
        }
        for rule in profile.categories where !matchedRules.contains(rule) {
            add("weight.missing-category", .warning,
                "缺少一级指标“\(rule.name)”（评分规则 \(profile.reference) 规定 \(rule.weight.plainText) 分）",
                expected: rule.name, stated: "")
        }
        if executionWeight != profile.execution.weight {
            add("weight.profile-execution", .warning,
                "预算执行率分值为 \(executionWeight.plainText)，评分规则 \(profile.reference) 规定 \(profile.execution.weight.plainText) 分",
                expected: profile.execution.weight.plainText, stated: executionWeight.plainText,
                source: evaluation.budget.source?.at(.weight))
        }
        for row in sheet.rows where row.provenance.rule == .notApplicable && row.score != nil {
            add("weight.not-applicable-points", .error,
                "“\(row.group)”一行标为“/”（无指标值和实际值），却占分值 \(row.weight?.plainText ?? "—")、得分 \(row.statedScore?.plainText ?? "—")",
                expected: "0", stated: row.statedScore?.plainText ?? row.weight?.plainText ?? "",
                source: row.source?.at(.weight))
        }
        for row in sheet.allRows {
            if let stated = row.statedScore, let weight = row.weight, stated > weight {
                add("weight.score-above-weight", .error,
                    "“\(row.name)”得分 \(stated.plainText) 超过分值 \(weight.plainText)",
                    expected: "≤ \(weight.plainText)", stated: stated.plainText, source: row.source?.at(.score))
            }
        }
        if let statedScore = evaluation.statedTotal.score.value, statedScore != sheet.statedScoreTotal {
            add("weight.stated-score-total", .error,
                "总分栏得分为 \(statedScore.plainText)，各行得分合计 \(sheet.statedScoreTotal.plainText)",
                expected: sheet.statedScoreTotal.plainText, stated: statedScore.plainText,
                source: evaluation.statedTotal.source?.at(.score))
        }
        return problems
    }
}
