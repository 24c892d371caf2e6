import JixiaoCore
import JixiaoOffice

/// The 自评表 in the official layout (seed 004's 附件3, the MOF form): title, unit, budget block, goal block and the
/// 3-level indicator table with merged level-1 and level-2 cells and the 总分 row. The importer reads it back.
public struct SelfEvaluationSheetLayout {
    /// Which scores the 得分 column shows.
    public enum Scores {
        /// The unit's own (for a faithful copy of its table).
        case stated
        /// Jixiao's, from a score sheet (for the table Jixiao produces).
        case recomputed(ScoreSheet)
    }

    public let evaluation: SelfEvaluation
    public let scores: Scores

    public init(evaluation: SelfEvaluation, scores: Scores = .stated) {
        self.evaluation = evaluation
        self.scores = scores
    }

    /// The title: "2023年度部门（单位）整体支出绩效自评表" / "2023年度项目支出绩效自评表".
    public var title: String {
        let year = evaluation.fiscalYear.map { "\($0)年度" } ?? ""
        return year + (evaluation.kind == .agency ? "部门（单位）整体支出绩效自评表" : "项目支出绩效自评表")
    }

    public func worksheet(name: String = "自评表") -> WorksheetContent {
        var sheet = WorksheetContent(name: name)
        sheet.columnWidths = [1: 6, 2: 12, 3: 12, 4: 22, 5: 16, 6: 16, 7: 12, 8: 13, 9: 14]
        var row = 1
        func ref(_ column: Int, _ line: Int? = nil) -> CellReference { CellReference(row: line ?? row, column: column) }
        func range(_ from: Int, _ to: Int, rows: Int = 1) -> CellRange { CellRange(start: ref(from), end: ref(to, row + rows - 1)) }
        sheet.merge(range(1, 9), .text(title), style: .title)
        row += 1
        if let project = evaluation.project {
            sheet.merge(range(1, 3), .text("项目名称"))
            sheet.merge(range(4, 9), .text(project), style: .text)
            row += 1
        }
        sheet.merge(range(1, 3), .text(evaluation.kind == .agency ? "预算部门（单位）名称" : "预算单位"))
        sheet.merge(range(4, 9), .text(evaluation.agency.name), style: .text)
        row += 1
        row = budgetBlock(&sheet, at: row)
        row = goalBlock(&sheet, at: row)
        indicatorTable(&sheet, at: row)
        if let used = sheet.usedRange { sheet.border(CellRange(start: CellReference(row: 2, column: 1), end: used.end)) }
        return sheet
    }

    private func budgetBlock(_ sheet: inout WorksheetContent, at start: Int) -> Int {
        let budget = evaluation.budget
        let lines = budget.fundLines.count + budget.breakdown.count + 2
        sheet.merge(CellRange(start: CellReference(row: start, column: 1), end: CellReference(row: start + lines - 1, column: 1)), .text("年度预算申请（万元）"))
        let headers = ["", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]
        for (offset, header) in headers.enumerated() { sheet.set(CellReference(row: start, column: 2 + offset), .text(header)) }
        var row = start + 1
        func amounts(_ figures: BudgetFigures) {
            for (column, money) in [(3, figures.initialBudget), (4, figures.adjustedBudget), (5, figures.spent)] {
                sheet.set(CellReference(row: row, column: column), money.map { .number($0.amount(in: .wan).description) } ?? .text(""), style: .amount)
            }
        }
        sheet.set(CellReference(row: row, column: 2), .text("年度资金总额"))
        amounts(budget.total)
        sheet.set(CellReference(row: row, column: 6), Self.value(budget.executionWeight))
        sheet.set(CellReference(row: row, column: 7), executionRate.map { .number($0.description) } ?? .text(""), style: .percent)
        sheet.set(CellReference(row: row, column: 8), executionScore)
        row += 1
        for line in budget.fundLines {
            sheet.set(CellReference(row: row, column: 2), .text("其中：" + line.source.label))
            amounts(line.figures)
            row += 1
        }
        for item in budget.breakdown {
            sheet.merge(CellRange(start: CellReference(row: row, column: 2), end: CellReference(row: row, column: 8)),
                        .text("\(item.label)：\(item.amount.amount(in: .wan).description)"), style: .text)
            row += 1
        }
        return row
    }

    private func goalBlock(_ sheet: inout WorksheetContent, at row: Int) -> Int {
        sheet.merge(CellRange(start: CellReference(row: row, column: 1), end: CellReference(row: row + 1, column: 1)), .text("年度总体目标"))
        sheet.merge(CellRange(start: CellReference(row: row, column: 2), end: CellReference(row: row, column: 5)), .text("预期目标"))
        sheet.merge(CellRange(start: CellReference(row: row, column: 6), end: CellReference(row: row, column: 9)), .text("实际完成情况"))
        sheet.merge(CellRange(start: CellReference(row: row + 1, column: 2), end: CellReference(row: row + 1, column: 5)), .text(evaluation.goal.expected), style: .text)
        sheet.merge(CellRange(start: CellReference(row: row + 1, column: 6), end: CellReference(row: row + 1, column: 9)), .text(evaluation.goal.actual), style: .text)
        return row + 2
    }

    private func indicatorTable(_ sheet: inout WorksheetContent, at header: Int) {
        let rows = evaluation.indicators.indicators.count
        sheet.merge(CellRange(start: CellReference(row: header, column: 1), end: CellReference(row: header + max(rows, 1), column: 1)), .text("绩效指标"))
        for (offset, title) in ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"].enumerated() {
            sheet.set(CellReference(row: header, column: 2 + offset), .text(title))
        }
        sheet.printTitleRows = header...header
        var row = header + 1
        var rowScores = recomputedRows.makeIterator()
        for category in evaluation.indicators.categories {
            let categoryRows = category.groups.reduce(0) { $0 + $1.indicators.count }
            guard categoryRows > 0 else { continue }
            let name = category.name + (category.statedWeight.map { "（\($0.plainText)分）" } ?? "")
            sheet.merge(CellRange(start: CellReference(row: row, column: 2), end: CellReference(row: row + categoryRows - 1, column: 2)), .text(name))
            for group in category.groups where !group.indicators.isEmpty {
                sheet.merge(CellRange(start: CellReference(row: row, column: 3), end: CellReference(row: row + group.indicators.count - 1, column: 3)), .text(group.name))
                for indicator in group.indicators {
                    sheet.set(CellReference(row: row, column: 4), .text(indicator.name), style: .text)
                    sheet.set(CellReference(row: row, column: 5), .text(indicator.target))
                    sheet.set(CellReference(row: row, column: 6), .text(indicator.actual))
                    sheet.set(CellReference(row: row, column: 7), Self.value(indicator.weight))
                    let recomputed = rowScores.next()
                    sheet.set(CellReference(row: row, column: 8), recomputed.map(Self.score) ?? Self.value(indicator.statedScore))
                    sheet.set(CellReference(row: row, column: 9), .text(indicator.deviationNote), style: .text)
                    row += 1
                }
            }
        }
        sheet.merge(CellRange(start: CellReference(row: row, column: 1), end: CellReference(row: row, column: 6)), .text("总分"))
        sheet.set(CellReference(row: row, column: 7), Self.value(evaluation.statedTotal.weight))
        switch scores {
        case .stated: sheet.set(CellReference(row: row, column: 8), Self.value(evaluation.statedTotal.score))
        case .recomputed(let scoreSheet): sheet.set(CellReference(row: row, column: 8), .number(scoreSheet.total.fixed(2)))
        }
    }

    private var recomputedRows: [RowScore?] {
        if case .recomputed(let sheet) = scores { return sheet.rows.map { $0 } }
        return []
    }

    /// The rate as a fraction, to the hundredth of a percent: the stated one for a faithful copy; the score sheet's
    /// (by the profile's basis) for the table Jixiao produces.
    private var executionRate: ExactDecimal? {
        guard case .recomputed(let sheet) = scores else {
            return evaluation.budget.statedExecutionRate.value.map { $0.divided(by: 100) ?? 0 }
        }
        return sheet.executionRate.rate.map { $0.rounded(scale: 4) }
    }

    private var executionScore: WorksheetContent.Value {
        if case .recomputed(let sheet) = scores { return Self.score(sheet.execution) }
        return Self.value(evaluation.budget.statedExecutionScore)
    }

    static func score(_ row: RowScore?) -> WorksheetContent.Value {
        guard let row else { return .text("") }
        if row.provenance.rule == .notApplicable && row.weight == nil { return .text("/") }
        return row.roundedScore.map { .number($0.fixed(2)) } ?? .text("")
    }

    static func value(_ number: StatedNumber) -> WorksheetContent.Value {
        switch number {
        case .absent: .text("")
        case .notApplicable: .text("/")
        case .value(let value): .number(value.description)
        }
    }
}
