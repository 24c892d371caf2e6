/// Checks a structured self-evaluation: its weight tree, every stated score against the recomputed one, missing
/// deviation notes, the stated execution rate against its amounts, and the signals a reviewer wants.
public struct EvaluationChecks: Sendable {
    public let profile: ScoringProfile

    public init(profile: ScoringProfile) {
        self.profile = profile
    }

    public func findings(for evaluation: SelfEvaluation) -> [Finding] {
        findings(for: evaluation, sheet: Scorer(profile: profile).score(evaluation))
    }

    /// The findings for `evaluation` whose score sheet by this profile is `sheet`.
    public func findings(for evaluation: SelfEvaluation, sheet: ScoreSheet) -> [Finding] {
        var findings = sheet.weightProblems.map { problem in
            Finding(
                rule: problem.rule, severity: problem.severity == .error ? .error : .warning,
                location: problem.source ?? evaluation.source ?? SourceLocation(), quote: problem.stated,
                expected: problem.expected, stated: problem.stated, explanation: problem.message)
        }
        findings += scoreDifferences(sheet, evaluation: evaluation)
        findings += unverifiableScores(sheet)
        findings += deviationNotes(sheet)
        findings += actualsWrittenAsTargets(sheet)
        findings += executionRate(evaluation, rate: sheet.executionRate)
        findings += fundLines(evaluation.budget)
        findings += BaseDataChecks().findings(for: evaluation)
        findings += ManagementChecks(profile: profile).findings(for: evaluation, sheet: sheet)
        findings += reviewerSignals(sheet, evaluation: evaluation)
        return findings
    }

    /// Rows whose stated score is not what the rules give (not-applicable rows are reported by the weight check).
    private func scoreDifferences(_ sheet: ScoreSheet, evaluation: SelfEvaluation) -> [Finding] {
        sheet.allRows.compactMap { row in
            guard let difference = row.difference, difference != 0, row.provenance.rule != .notApplicable,
                let recomputed = row.roundedScore
            else { return nil }
            return Finding(
                rule: "score.recomputed", severity: .warning,
                location: row.source?.at(.score) ?? evaluation.source ?? SourceLocation(),
                quote: "\(row.displayName) \(row.weight?.plainText ?? "") \(row.statedScore?.plainText ?? "")",
                expected: recomputed.fixed(2), stated: row.statedScore?.plainText ?? "",
                explanation: "“\(row.displayName)”填报得分 \(row.statedScore?.plainText ?? "—")，按评分规则 \(sheet.profile) 应为 \(recomputed.fixed(2))：\(row.provenance.explanation)")
        }
    }

    /// Points claimed on a row Jixiao cannot score (no target or actual, no 分值): the reviewer has to see them.
    private func unverifiableScores(_ sheet: ScoreSheet) -> [Finding] {
        sheet.rows.compactMap { row in
            guard row.provenance.rule == .noData, let stated = row.statedScore, stated > 0 else { return nil }
            return Finding(
                rule: "score.no-data", severity: .warning, location: row.source?.at(.target) ?? SourceLocation(),
                quote: "\(row.displayName)：\(row.target) → \(row.actual)", expected: "可复核的指标值和实际值",
                stated: "得分 \(stated.plainText)", explanation: "“\(row.displayName)”填报得分 \(stated.plainText)，但\(row.provenance.explanation)")
        }
    }

    private func deviationNotes(_ sheet: ScoreSheet) -> [Finding] {
        sheet.rows.filter(\.deviationNoteMissing).map { row in
            Finding(
                rule: "score.deviation-note", severity: .warning, location: row.source?.at(.note) ?? SourceLocation(),
                quote: "\(row.displayName)：\(row.target) → \(row.actual)", expected: "偏差原因分析及改进措施",
                stated: "无",
                explanation: "“\(row.displayName)”得分低于分值（或实际值远超目标），但未填写偏差原因分析及改进措施")
        }
    }

    /// "≥90%" written as an actual: a target expression where a measured value belongs.
    private func actualsWrittenAsTargets(_ sheet: ScoreSheet) -> [Finding] {
        sheet.rows.compactMap { row in
            guard case .quantity(let actual) = row.actualValue, let comparator = actual.comparator else { return nil }
            return Finding(
                rule: "value.actual-as-target", severity: .warning, location: row.source?.at(.actual) ?? SourceLocation(),
                quote: "\(row.displayName)：\(row.target) → \(row.actual)", expected: "实测值（如 \(actual.number.plainText)\(actual.unit ?? "")）",
                stated: row.actual,
                explanation: "实际完成值“\(row.actual)”写成了目标表达式（\(comparator.rawValue)），应填写实际达到的数值")
        }
    }

    /// 执行率 printed in the budget block against the rate by the profile's basis.
    private func executionRate(_ evaluation: SelfEvaluation, rate execution: ExecutionRate) -> [Finding] {
        guard let stated = evaluation.budget.statedExecutionRate.value, let spent = execution.spent,
            let basis = execution.basisAmount
        else { return [] }
        let printed = PrintedRate(
            name: "执行率", rule: "rate.execution", stated: stated,
            location: evaluation.budget.source?.at(.rate) ?? evaluation.source ?? SourceLocation())
        return printed.finding(
            numerator: ("全年执行数", spent.amount(in: .wan), spent.wanText),
            denominator: (execution.basisName, basis.amount(in: .wan), basis.wanText)).map { [$0] } ?? []
    }

    /// 年度资金总额 against its 其中 rows (本年财政拨款 + 上年结转资金 + 其他资金), each column on its own, to the
    /// rounding of two decimals per row.
    private func fundLines(_ budget: Budget) -> [Finding] {
        let columns: [(String, KeyPath<BudgetFigures, Money?>, RowField)] = [
            ("年初预算数", \.initialBudget, .initial), ("全年预算数", \.adjustedBudget, .target), ("全年执行数", \.spent, .actual),
        ]
        return columns.compactMap { name, figure, field in
            let parts = budget.fundLines.compactMap { line in line.figures[keyPath: figure].map { (line.source.label, $0) } }
            guard !parts.isEmpty, let total = budget.total[keyPath: figure] else { return nil }
            let sum = parts.reduce(ExactDecimal(0)) { $0 + $1.1.amount(in: .wan) }
            let printed = total.amount(in: .wan)
            guard !PrintedPrecision.sumMatches(total: printed, sum: sum, count: parts.count, decimals: 2) else { return nil }
            let list = parts.map { "\($0.0) \($0.1.wanText)" }.joined(separator: " + ")
            return Finding(
                rule: "budget.fund-lines", severity: .error, location: budget.source?.at(field) ?? SourceLocation(),
                quote: "年度资金总额 \(name) \(total.wanText)", expected: sum.plainText, stated: printed.plainText,
                explanation: "年度资金总额的\(name) \(total.wanText)万元，与其资金来源之和不符：\(list) = \(sum.plainText)万元")
        }
    }

    /// Full marks everywhere while money was left unspent; a grade with no score.
    private func reviewerSignals(_ sheet: ScoreSheet, evaluation: SelfEvaluation) -> [Finding] {
        var findings: [Finding] = []
        let location = evaluation.source ?? SourceLocation()
        let scored = sheet.rows.filter { $0.weight != nil && $0.statedScore != nil }
        if !scored.isEmpty, scored.allSatisfy({ $0.statedScore == $0.weight }),
            let spent = sheet.executionRate.spent, let basis = sheet.executionRate.basisAmount, spent < basis
        {
            findings.append(Finding(
                rule: "signal.full-marks-under-execution", severity: .warning, location: location,
                quote: "全年执行数 \(spent.wanText) / \(sheet.executionRate.basisName) \(basis.wanText)", expected: "扣分或说明", stated: "各指标均满分",
                explanation: "预算未执行完（\(spent.wanText) / \(basis.wanText) 万元），但所有绩效指标均填报满分，请核实"))
        }
        if evaluation.statedGrade != nil, evaluation.statedTotal.score.value == nil, scored.isEmpty {
            findings.append(Finding(
                rule: "signal.grade-without-score", severity: .warning, location: location,
                quote: evaluation.statedGrade ?? "", expected: "自评得分", stated: evaluation.statedGrade ?? "",
                explanation: "给出了评价等级“\(evaluation.statedGrade ?? "")”，却没有支撑等级的自评得分"))
        }
        return findings
    }
}
