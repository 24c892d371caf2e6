/// Checks an agency's 基础数据表 on its own and against the 自评表 beside it: the 控制率 it prints against its staff
/// figures, each cost line against its parts (numbered items are all of it, "其中" items only some of it), and the
/// amounts the 自评表's budget block states for the same lines.
public struct BaseDataChecks: Sendable {
    public init() {}

    public func findings(for evaluation: SelfEvaluation) -> [Finding] {
        guard let data = evaluation.baseData else { return [] }
        return staffRate(data.staffing) + parts(data) + againstBudgetBlock(data, evaluation.budget)
    }

    /// The printed 在职人员控制率 against 实际在职人数 / 编制数, to the printed precision.
    private func staffRate(_ staffing: Staffing) -> [Finding] {
        guard let stated = staffing.statedRate.value, let inPost = staffing.inPost, let authorized = staffing.authorized else { return [] }
        let printed = PrintedRate(
            name: "在职人员控制率", rule: "basedata.rate", stated: stated, location: staffing.source?.at(.rate) ?? SourceLocation())
        return printed.finding(
            numerator: ("实际在职人数", ExactDecimal(inPost), String(inPost)),
            denominator: ("编制数", ExactDecimal(authorized), String(authorized))).map { [$0] } ?? []
    }

    /// Each line against its parts, column by column.
    private func parts(_ data: AgencyBaseData) -> [Finding] {
        data.costLines.indices.flatMap { index -> [Finding] in
            let line = data.costLines[index]
            let parts = data.parts(of: index)
            guard !parts.isEmpty else { return [] }
            return CostFigures.columns.compactMap { name, figure, field in
                guard let total = line.figures[keyPath: figure]?.amount(in: .wan) else { return nil }
                let values = parts.compactMap { part in part.figures[keyPath: figure].map { (part.name, $0.amount(in: .wan)) } }
                guard !values.isEmpty else { return nil }
                let sum = values.reduce(ExactDecimal(0)) { $0 + $1.1 }
                let fits = PrintedPrecision.sumMatches(total: total, sum: sum, count: values.count, decimals: 2)
                let complete = parts.allSatisfy(\.isCompletePart)
                guard !fits, complete || sum > total else { return nil }
                let list = values.map { "\($0.0) \($0.1.plainText)" }.joined(separator: " + ")
                let location = line.source?.at(field) ?? SourceLocation()
                if complete {
                    return Finding(
                        rule: "basedata.sum", severity: .error, location: location, quote: "\(line.name) \(name) \(total.plainText)",
                        expected: sum.plainText, stated: total.plainText,
                        explanation: "基础数据表“\(line.name)”的\(name) \(total.plainText)万元，与其各项之和不符：\(list) = \(sum.plainText)万元")
                }
                return Finding(
                    rule: "basedata.subset", severity: .error, location: location, quote: "\(line.name) \(name) \(total.plainText)",
                    expected: "≥ \(sum.plainText)", stated: total.plainText,
                    explanation: "基础数据表“\(line.name)”的\(name) \(total.plainText)万元，小于其中所列各项之和：\(list) = \(sum.plainText)万元")
            }
        }
    }

    /// 项目支出 / 公用经费 in the 自评表's budget block ("项目支出：96.44", a split of the year's budget or spending)
    /// against the base data's 本年决算数: a difference is either money left unspent or a slip, for a reviewer.
    private func againstBudgetBlock(_ data: AgencyBaseData, _ budget: Budget) -> [Finding] {
        let kinds: [String: CostLineKind] = ["项目支出": .projects, "公用经费": .publicFunds]
        return budget.breakdown.compactMap { item in
            guard let kind = kinds[item.label], let line = data.line(kind), let actual = line.figures.actual,
                actual != item.amount
            else { return nil }
            return Finding(
                rule: "basedata.cross-table", severity: .warning, location: item.source ?? SourceLocation(),
                quote: "\(item.label)：\(item.amount.wanText)", expected: actual.wanText, stated: item.amount.wanText,
                explanation: "自评表中“\(item.label)”为 \(item.amount.wanText)万元，基础数据表中本年决算数为 \(actual.wanText)万元，相差 \((item.amount.amount(in: .wan) - actual.amount(in: .wan)).plainText)万元：请核实是全年预算与决算之差（应有相应结余）还是填写有误")
        }
    }
}
