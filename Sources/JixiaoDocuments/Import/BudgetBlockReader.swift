import Foundation
import JixiaoCore
import JixiaoOffice

/// Reads the budget block (年度预算申请 / 项目资金 / 预算执行情况): the row of 年初预算数 · 全年预算数 · 全年执行数 ·
/// 分值 · 执行率 · 得分 however a province names them (``SelfEvaluationLayout``), the total and fund-source rows
/// under it, and "label：amount" cells such as "项目支出：96.44".
struct BudgetBlockReader {
    let sheet: Sheet
    let file: String
    var layout: SelfEvaluationLayout = .shipped

    func read(rows: ClosedRange<Int>) throws -> Budget? {
        guard let (header, columns) = sheet.occupiedRows(in: rows).lazy.compactMap({ row -> (Int, [String: Int])? in
            let columns = layout.columns(of: row, in: sheet, words: layout.budgetColumns)
            return columns["adjusted"] != nil || columns["spent"] != nil ? (row, columns) : nil
        }).first else { return nil }
        let numbers = CellNumbers(sheet: sheet, file: file)
        let (initial, adjusted, spent) = (columns["initial"], columns["adjusted"], columns["spent"])
        let (weight, rate, score) = (columns["weight"], columns["rate"], columns["score"])
        let firstFigure = [initial, adjusted, spent].compactMap { $0 }.min() ?? 1
        var budget = Budget()
        for row in sheet.occupiedRows(in: (header + 1)...max(header + 1, rows.upperBound)) where row <= rows.upperBound {
            let label = sheet.entries(in: row).filter { $0.columns.lowerBound < max(firstFigure, 2) }
                .map(sheet.compactText).last { !$0.isEmpty } ?? ""
            func figures() throws -> BudgetFigures {
                BudgetFigures(
                    initialBudget: try numbers.money(row: row, column: initial, field: "年初预算数"),
                    adjustedBudget: try numbers.money(row: row, column: adjusted, field: "全年预算数"),
                    spent: try numbers.money(row: row, column: spent, field: "全年执行数"))
            }
            switch HeaderWords.key(of: label, in: layout.budgetRows) {
            case "total":
                budget.total = try figures()
                budget.executionWeight = try numbers.stated(row: row, column: weight, field: "执行率分值")
                budget.statedExecutionRate = try numbers.percent(row: row, column: rate, field: "执行率")
                budget.statedExecutionScore = try numbers.stated(row: row, column: score, field: "执行率得分")
                budget.source = sheet.location(
                    file, row: row, column: spent ?? firstFigure,
                    fields: [.initial: initial, .target: adjusted, .actual: spent, .weight: weight, .rate: rate, .score: score])
            case let kind?:
                if let source = FundSource(rawValue: kind) {
                    let figures = try figures()
                    if figures != BudgetFigures() { budget.fundLines.append(FundLine(source: source, figures: figures)) }
                }
            case nil: break
            }
            budget.breakdown += labeledAmounts(in: row)
        }
        // "预算执行情况（万元）（20分）", "得分（20分*执行率）": the execution item's points in a header, no 分值 column.
        if weight == nil, let points = sheet.entries(in: header).lazy.compactMap({ HeaderWords.points(in: sheet.compactText($0)) }).first {
            budget.executionWeight = .value(points)
        }
        if budget.total == BudgetFigures(), !budget.fundLines.isEmpty { budget.total = Self.sum(budget.fundLines) }
        return budget
    }

    /// An empty 年度资金总额 row stands for the sum of its 其中 rows.
    static func sum(_ lines: [FundLine]) -> BudgetFigures {
        func total(_ figure: KeyPath<BudgetFigures, Money?>) -> Money? {
            let values = lines.compactMap { $0.figures[keyPath: figure] }
            return values.isEmpty ? nil : values.dropFirst().reduce(values[0]) { $0 + $1 }
        }
        return BudgetFigures(initialBudget: total(\.initialBudget), adjustedBudget: total(\.adjustedBudget), spent: total(\.spent))
    }

    /// "其中：基本支出：223.84" → 基本支出 223.84万元, for every such cell of `row`.
    private func labeledAmounts(in row: Int) -> [LabeledAmount] {
        sheet.entries(in: row).filter(\.isOrigin).compactMap { entry -> LabeledAmount? in
            let text = sheet.compactText(entry).replacingOccurrences(of: "其中:", with: "")
                .replacingOccurrences(of: "其中：", with: "")
            guard let colon = text.lastIndex(where: { $0 == "：" || $0 == ":" }) else { return nil }
            let label = String(text[..<colon])
            let numeral = String(text[text.index(after: colon)...])
            guard !label.isEmpty, let amount = ExactDecimal(numeral), let money = Money(amount, unit: .wan) else { return nil }
            return LabeledAmount(label: label, amount: money, source: sheet.location(file, row: row, column: entry.columns.lowerBound))
        }
    }
}
