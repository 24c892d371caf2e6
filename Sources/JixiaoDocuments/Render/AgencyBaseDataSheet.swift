import Foundation
import JixiaoCore
import JixiaoOffice

/// 附件2 部门（单位）整体支出绩效评价基础数据表 as a worksheet in the form's layout: the staff, the cost lines under
/// 上年决算数 · 本年预算数 · 本年决算数 with their numbering and "其中", 政府采购金额, 基本支出预算调整, 楼堂馆所 and
/// 厉行节约保障措施. Read back by ``AgencyBaseDataReader`` into the same model.
struct AgencyBaseDataSheet {
    let data: AgencyBaseData
    let year: Int?

    func worksheet(name: String = "附件2 基础数据表") -> WorksheetContent {
        var sheet = WorksheetContent(name: name)
        sheet.columnWidths = [1: 30, 2: 12, 3: 14, 4: 12, 5: 12, 6: 12, 7: 14]
        let yearText = year.map(String.init) ?? ""
        let previousText = year.map { String($0 - 1) } ?? "上"
        func cell(_ row: Int, _ column: Int) -> CellReference { CellReference(row: row, column: column) }
        func money(_ value: Money?) -> WorksheetContent.Value { value.map { .number($0.amount(in: .wan).plainText) } ?? .text("") }
        sheet.merge(CellRange(start: cell(1, 1), end: cell(1, 7)), .text("\(yearText)年度部门（单位）整体支出绩效评价基础数据表"), style: .title)
        sheet.merge(CellRange(start: cell(2, 1), end: cell(3, 1)), .text("财政供养人员情况（人）"))
        for (column, header) in ["编制数", "\(yearText)年实际在职人数", "控制率", "年末实有人数"].enumerated() {
            sheet.set(cell(2, column + 2), .text(header))
        }
        let staffing = data.staffing
        sheet.set(cell(3, 2), staffing.authorized.map { .number(String($0)) } ?? .text(""))
        sheet.set(cell(3, 3), staffing.inPost.map { .number(String($0)) } ?? .text(""))
        sheet.set(cell(3, 4), staffing.statedRate.value.map { .text($0.plainText + "%") } ?? .text(""))
        sheet.set(cell(3, 5), staffing.yearEnd.map { .number(String($0)) } ?? .text(""))
        sheet.set(cell(4, 1), .text("经费控制情况（万元）"))
        for (column, header) in ["\(previousText)年决算数", "\(yearText)年预算数", "\(yearText)年决算数"].enumerated() {
            sheet.set(cell(4, column + 2), .text(header))
        }
        var row = 5
        for (index, line) in data.costLines.enumerated() {
            sheet.set(cell(row, 1), .text(data.label(of: index)), style: .text)
            sheet.set(cell(row, 2), money(line.figures.previousActual), style: .amount)
            sheet.set(cell(row, 3), money(line.figures.budget), style: .amount)
            sheet.set(cell(row, 4), money(line.figures.actual), style: .amount)
            row += 1
        }
        for (label, figures) in [("政府采购金额", data.procurement), ("部门基本支出预算调整", data.basicBudgetAdjustment)] {
            sheet.set(cell(row, 1), .text(label), style: .text)
            sheet.set(cell(row, 2), money(figures.previousActual), style: .amount)
            sheet.set(cell(row, 3), money(figures.budget), style: .amount)
            sheet.set(cell(row, 4), money(figures.actual), style: .amount)
            row += 1
        }
        sheet.set(cell(row, 1), .text("楼堂馆所控制情况（\(yearText)年完工项目）"), style: .text)
        for (column, header) in ["批复规模（㎡）", "实际规模（㎡）", "规模控制率", "预算投资（万元）", "实际投资（万元）", "投资概算控制率"].enumerated() {
            sheet.set(cell(row, column + 2), .text(header))
        }
        row += 1
        for building in data.buildings {
            sheet.set(cell(row, 2), building.approvedArea.map { .number($0.plainText) } ?? .text(""))
            sheet.set(cell(row, 3), building.actualArea.map { .number($0.plainText) } ?? .text(""))
            sheet.set(cell(row, 5), money(building.budgetedInvestment), style: .amount)
            sheet.set(cell(row, 6), money(building.actualInvestment), style: .amount)
            row += 1
        }
        sheet.set(cell(row, 1), .text("厉行节约保障措施"), style: .text)
        sheet.merge(CellRange(start: cell(row, 2), end: cell(row, 7)), .text(data.savingMeasures), style: .text)
        sheet.border(CellRange(start: cell(2, 1), end: cell(row, 7)))
        return sheet
    }
}
