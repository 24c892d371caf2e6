/// Checks that join figures from different parts of one report: what the prose says against the tables, and
/// one section's claims against another's totals.
public struct CrossSectionChecks: Sendable {
    public init() {}

    /// `projectTables` is how many project result tables (项目绩效目标完成情况表 / 自评表) the report holds.
    public func findings(prose: ReportProse, evaluations: [SelfEvaluation], projectTables: Int = 0) -> [Finding] {
        let paragraphs = prose.paragraphs
        let sentences = prose.allSentences
        // Clauses are only needed to compare prose with tables.
        let clauses = evaluations.isEmpty ? [] : paragraphs.flatMap { paragraph in
            paragraph.text.split(whereSeparator: { "；;。".contains($0) }).map {
                ProseSentence(text: String($0), location: paragraph.location)
            }
        }
        return zeroBalance(sentences) + listTotals(sentences) + staffCounts(sentences, evaluations: evaluations)
            + paidAgainstTables(clauses, evaluations: evaluations) + breakdowns(clauses, evaluations: evaluations)
            + baseDataMentions(clauses, evaluations: evaluations)
            + projectCounts(sentences, tables: projectTables) + contracts(paragraphs)
    }

    /// The table's "项目支出：96.44" against the prose's "项目支出96.41万元".
    private func breakdowns(_ clauses: [ProseSentence], evaluations: [SelfEvaluation]) -> [Finding] {
        var findings: [Finding] = []
        for evaluation in evaluations {
            for item in evaluation.budget.breakdown where ["基本支出", "项目支出"].contains(item.label) {
                let stated = item.amount.amount(in: .wan)
                let mentions = clauses.flatMap { clause in
                    clause.amounts.filter { $0.lead.hasSuffix(item.label) || $0.lead.hasSuffix(item.label + "合计") }.map { (clause, $0) }
                }
                guard let (clause, figure) = mentions.first(where: { $0.1.wan != stated }),
                    !mentions.contains(where: { $0.1.wan == stated })
                else { continue }
                findings.append(Finding(
                    rule: "cross.breakdown", severity: .warning, location: item.source ?? clause.location,
                    quote: "\(item.label)：\(item.amount.wanText)", expected: figure.printed, stated: item.amount.wanText + "万元",
                    explanation: "自评表中\(item.label)为 \(item.amount.wanText)万元，正文为 \(figure.printed)（\(clause.quote)）"))
            }
        }
        return findings
    }

    /// The prose's 项目支出 / 公用经费 of this year against the 基础数据表's 本年决算数 ("公用经费20.66万元" beside 20.67).
    private func baseDataMentions(_ clauses: [ProseSentence], evaluations: [SelfEvaluation]) -> [Finding] {
        let lines: [(String, CostLineKind)] = [("项目支出", .projects), ("公用经费", .publicFunds)]
        return evaluations.compactMap(\.baseData).flatMap { data in
            lines.compactMap { label, kind -> Finding? in
                guard let line = data.line(kind), let actual = line.figures.actual?.amount(in: .wan) else { return nil }
                let mentions = clauses.flatMap { clause in
                    clause.amounts.filter { $0.lead.hasSuffix(label) && FigureRole.of($0) == .current }.map { (clause, $0) }
                }
                guard let (clause, figure) = mentions.first(where: { $0.1.wan != actual }),
                    !mentions.contains(where: { $0.1.wan == actual })
                else { return nil }
                return Finding(
                    rule: "cross.base-data", severity: .warning, location: clause.location, quote: clause.quote,
                    expected: actual.plainText + "万元", stated: figure.printed,
                    explanation: "正文中\(label)为 \(figure.printed)，基础数据表本年决算数为 \(actual.plainText)万元")
            }
        }
    }

    /// "对3个项目开展了绩效目标完成情况自评" while the report holds four project result tables.
    private func projectCounts(_ sentences: [ProseSentence], tables: Int) -> [Finding] {
        guard tables >= 2 else { return [] }
        let clauses = sentences.filter { $0.has("个项目") }.flatMap { sentence in
            sentence.text.split(whereSeparator: { "，,".contains($0) }).map { ProseSentence(text: String($0), location: sentence.location) }
        }
        return clauses.compactMap { sentence in
            guard sentence.has("自评") || sentence.has("绩效评价"),
                let count = sentence.figures.first(where: { $0.kind == .count(unit: "个") && sentence.has("\($0.numeral)个项目") }),
                count.value != ExactDecimal(tables)
            else { return nil }
            return sentence.finding(
                "cross.project-count", .warning, expected: "\(tables)个", stated: count.printed,
                "文中称对 \(count.printed)项目开展评价，报告所附项目绩效目标完成情况表共 \(tables) 张")
        }
    }

    /// "以120.80万元中标" where the section's funds were 80万元 and nothing explains the rest.
    private func contracts(_ paragraphs: [Paragraph]) -> [Finding] {
        var findings: [Finding] = []
        for (index, paragraph) in paragraphs.enumerated() {
            let sentence = ProseSentence(text: paragraph.text, location: paragraph.location)
            guard let award = sentence.amounts.first(where: { $0.lead.hasSuffix("以") && sentence.has("中标") }),
                let price = award.wan
            else { continue }
            let window = paragraphs[max(0, index - 15)..<index]
            let funds = window.reversed().lazy.compactMap { earlier in
                ProseSentence(text: earlier.text, location: earlier.location).amounts.last { $0.lead.hasSuffix("资金") }
            }.first
            guard let funds, let available = funds.wan, price > available else { continue }
            findings.append(sentence.finding(
                "cross.contract", .warning, expected: "≤ \(funds.printed)", stated: award.printed,
                "中标金额 \(award.printed) 超过本项目资金 \(funds.printed)，差额 \((price - available).plainText)万元的来源未说明"))
        }
        return findings
    }

    /// "重点行业领域安全专项整治50万元，已支付45万元" in the prose against the table's row for that indicator
    /// (目标 50万元, 实际 46万元): the amount paid must be the actual the table reports.
    private func paidAgainstTables(_ clauses: [ProseSentence], evaluations: [SelfEvaluation]) -> [Finding] {
        var findings: [Finding] = []
        for evaluation in evaluations {
            for indicator in evaluation.indicators.indicators {
                guard case .quantity(let target) = ValueReader.read(indicator.target), let goal = target.money,
                    case .quantity(let actual) = ValueReader.read(indicator.actual), let result = actual.money
                else { continue }
                var name = indicator.name.trimmingCharacters(in: .whitespacesAndNewlines)
                if let colon = name.firstIndex(where: { $0 == "：" || $0 == ":" }) { name = String(name[name.index(after: colon)...]) }
                name = String(name.prefix { !"（(。".contains($0) })
                guard name.count >= 4 else { continue }
                for clause in clauses where clause.text.holds(name) {
                    guard clause.amounts.contains(where: { $0.wan == goal.amount(in: .wan) }),
                        let paid = clause.amounts.first(where: { $0.lead.hasSuffix("已支付") }), let value = paid.wan,
                        value != result.amount(in: .wan)
                    else { continue }
                    findings.append(clause.finding(
                        "cross.paid", .error, expected: result.wanText + "万元", stated: paid.printed,
                        "正文称“\(name)”已支付 \(paid.printed)，而绩效目标完成情况表中该指标实际完成值为 \(indicator.actual)"))
                }
            }
        }
        return findings.uniqued()
    }

    /// "结转结余额为0" while the report's own budget and spending leave money unspent.
    private func zeroBalance(_ sentences: [ProseSentence]) -> [Finding] {
        guard let claim = sentences.first(where: { $0.has("结转结余额为0") || $0.has("结余结转额为0") }) else { return [] }
        for sentence in sentences where sentence.has("完成预算数") || sentence.has("预算完成率") {
            let amounts = sentence.amounts
            guard let budget = amounts.first(where: { RateRule.side(of: $0) == .denominator })?.wan,
                let spent = amounts.first(where: { RateRule.side(of: $0) == .numerator })?.wan, spent < budget,
                let share = (budget - spent).divided(by: budget)
            else { continue }
            let unspent = budget - spent
            return [claim.finding(
                "cross.balance", .error, expected: "\(unspent.plainText)万元（\((share * 100).fixed(2))%）", stated: "0",
                "文中称结转结余额为 0，但本报告预算 \(budget.plainText)万元、完成 \(spent.plainText)万元，未执行 \(unspent.plainText)万元（占 \((share * 100).fixed(2))%）")]
        }
        return []
    }

    /// Items listed as "…预算数为A万元，决算数为B万元" against a total "完成预算数Y万元" stated elsewhere: Y = Σ B.
    private func listTotals(_ sentences: [ProseSentence]) -> [Finding] {
        let items = sentences.compactMap { sentence -> ExactDecimal? in
            guard sentence.amounts.count == 2, RateRule.side(of: sentence.amounts[0]) == .denominator,
                RateRule.side(of: sentence.amounts[1]) == .numerator, sentence.amounts[1].lead.contains("决算")
            else { return nil }
            return sentence.amounts[1].wan
        }
        guard items.count >= 2 else { return [] }
        let sum = items.reduce(ExactDecimal.zero, +)
        return sentences.compactMap { sentence in
            guard let total = sentence.amounts.first(where: { $0.lead.hasSuffix("完成预算数") }), let stated = total.wan,
                !PrintedPrecision.sumMatches(total: stated, sum: sum, count: items.count, decimals: 2)
            else { return nil }
            return sentence.finding(
                "cross.list-total", .warning, expected: sum.plainText + "万元", stated: total.printed,
                "完成预算数 \(total.printed) 与前文分列的 \(items.count) 项决算数之和 \(sum.plainText)万元 不符")
        }
    }

    /// An indicator that counts 在职 and 退休 people beyond the 年末实有人数 the report states.
    private func staffCounts(_ sentences: [ProseSentence], evaluations: [SelfEvaluation]) -> [Finding] {
        guard let staffing = sentences.first(where: { $0.has("年末实有人数") }),
            let total = staffing.figures.first(where: { $0.lead.hasSuffix("年末实有人数") })?.value
        else { return [] }
        var findings: [Finding] = []
        for evaluation in evaluations {
            for indicator in evaluation.indicators.indicators {
                guard case .list(let parts) = ValueReader.read(indicator.actual) else { continue }
                let counted = parts.compactMap { part -> (String, ExactDecimal)? in
                    guard case .quantity(let quantity) = part, quantity.unit == "名" || quantity.unit == "人" else { return nil }
                    return (quantity.label, quantity.number)
                }
                guard counted.contains(where: { $0.0.contains("在职") }), counted.contains(where: { $0.0.contains("退休") }) else { continue }
                let sum = counted.reduce(ExactDecimal.zero) { $0 + $1.1 }
                guard sum > total else { continue }
                findings.append(Finding(
                    rule: "cross.staff", severity: .error, location: indicator.source?.at(.actual) ?? staffing.location,
                    quote: indicator.actual, expected: "≤ \(total.plainText)人", stated: "\(sum.plainText)人",
                    explanation: "指标实际完成值“\(indicator.actual.replacingOccurrences(of: "\n", with: ""))”合计 \(sum.plainText) 人，多于正文所述年末实有人数 \(total.plainText) 人（\(staffing.quote)）"))
            }
        }
        return findings
    }
}
