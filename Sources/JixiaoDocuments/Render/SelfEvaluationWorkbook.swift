import Foundation
import JixiaoCore
import JixiaoOffice

/// The 自评表 as an XLSX workbook: the table in the official layout, the 基础数据表 of an overall evaluation and, when
/// scored, a sheet that shows how every score was computed.
public enum SelfEvaluationWorkbook {
    public static func data(_ evaluation: SelfEvaluation, scores: SelfEvaluationSheetLayout.Scores = .stated) throws -> Data {
        let layout = SelfEvaluationSheetLayout(evaluation: evaluation, scores: scores)
        var sheets = [layout.worksheet()]
        if let baseData = evaluation.baseData {
            sheets.append(AgencyBaseDataSheet(data: baseData, year: evaluation.fiscalYear).worksheet())
        }
        if case .recomputed(let scoreSheet) = scores { sheets.append(annex(scoreSheet)) }
        return try WorkbookWriter.write(sheets, title: layout.title)
    }

    /// 计分说明: each row's rule, formula, explanation and profile.
    static func annex(_ sheet: ScoreSheet) -> WorksheetContent {
        var annex = WorksheetContent(name: "计分说明")
        annex.columnWidths = [1: 5, 2: 20, 3: 6, 4: 7, 5: 7, 6: 26, 7: 44]
        annex.landscape = true
        let headers = ["序号", "指标", "分值", "填报得分", "重算得分", "计分公式", "计算过程"]
        for (column, header) in headers.enumerated() { annex.set(CellReference(row: 1, column: column + 1), .text(header)) }
        annex.printTitleRows = 1...1
        // The indicator rows, then the management block: each item, then each group with its points (小计).
        var lines: [(name: String, weight: String, stated: String, score: String, formula: String, explanation: String)] =
            sheet.allRows.map { row in
                (row.displayName, row.weight?.description ?? "/", row.statedScore?.description ?? "",
                 row.roundedScore?.fixed(2) ?? "", row.provenance.formula, row.provenance.explanation)
            }
        lines += sheet.management.map { item in
            let explanation = item.reason.isEmpty ? item.provenance.explanation : "\(item.provenance.explanation)（单位自评：\(item.reason)）"
            return (item.name, item.weight?.plainText ?? "/", "", item.score?.fixed(2) ?? "", item.provenance.formula, explanation)
        }
        lines += sheet.managementGroups.map { group in
            ("\(group.name)小计", group.weight.plainText, "", group.score?.fixed(2) ?? "", "分值 − 各项扣分", group.explanation)
        }
        for (index, row) in lines.enumerated() {
            let line = index + 2
            annex.set(CellReference(row: line, column: 1), .number(String(index + 1)))
            annex.set(CellReference(row: line, column: 2), .text(row.name), style: .text)
            annex.set(CellReference(row: line, column: 3), row.weight == "/" ? .text("/") : .number(row.weight))
            annex.set(CellReference(row: line, column: 4), row.stated.isEmpty ? .text("") : .number(row.stated))
            annex.set(CellReference(row: line, column: 5), row.score.isEmpty ? .text("") : .number(row.score))
            annex.set(CellReference(row: line, column: 6), .text(row.formula), style: .text)
            annex.set(CellReference(row: line, column: 7), .text(row.explanation), style: .text)
        }
        let last = lines.count + 2
        annex.merge(CellRange(start: CellReference(row: last, column: 1), end: CellReference(row: last, column: 4)), .text("合计（\(sheet.profileName)）"))
        annex.set(CellReference(row: last, column: 5), .number(sheet.total.fixed(2)))
        annex.set(CellReference(row: last, column: 6), .text("等级：\(sheet.gradeLabel ?? "—")"), style: .text)
        return annex
    }
}
