import Foundation
import JixiaoCore
import JixiaoOffice

/// Reads the budget block (年度预算申请): the row of 年初预算数 · 全年预算数 · 全年执行数 · 分值 · 执行率 · 得分,
/// the total and fund-source rows under it, and "label：amount" cells such as "项目支出：96.44".
struct BudgetBlockReader {
    let sheet: Sheet
    let file: String

    func read(rows: ClosedRange<Int>) throws -> Budget? {
        guard let header = sheet.rows(rows, where: { $0 == "年初预算数" || $0 == "全年预算数" }).first else { return nil }
        let numbers = CellNumbers(sheet: sheet, file: file)
        let initial = sheet.column(in: header, where: { $0 == "年初预算数" })
        let adjusted = sheet.column(in: header, where: { $0 == "全年预算数" })
        let spent = sheet.column(in: header, where: { $0 == "全年执行数" })
        let weight = sheet.column(in: header, where: { $0 == "分值" })
        let rate = sheet.column(in: header, where: { $0 == "执行率" })
        let score = sheet.column(in: header, where: { $0 == "得分" })
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
            if label.contains("资金总额") || label == "合计" {
                budget.total = try figures()
                budget.executionWeight = try numbers.stated(row: row, column: weight, field: "执行率分值")
                budget.statedExecutionRate = try numbers.percent(row: row, column: rate, field: "执行率")
                budget.statedExecutionScore = try numbers.stated(row: row, column: score, field: "执行率得分")
                budget.source = sheet.location(
                    file, row: row, column: spent ?? firstFigure,
                    fields: [.initial: initial, .target: adjusted, .actual: spent, .weight: weight, .rate: rate, .score: score])
            } else if let source = Self.fundSource(label) {
                let figures = try figures()
                if figures != BudgetFigures() { budget.fundLines.append(FundLine(source: source, figures: figures)) }
            }
            budget.breakdown += labeledAmounts(in: row)
        }
        return budget
    }

    static func fundSource(_ label: String) -> FundSource? {
        if label.contains("上年结转") { return .carryover }
        if label.contains("其他资金") { return .otherFunds }
        if label.contains("财政拨款") { return .appropriation }
        return nil
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
