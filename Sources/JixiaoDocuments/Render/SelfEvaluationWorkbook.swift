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
        for (index, row) in sheet.allRows.enumerated() {
            let line = index + 2
            annex.set(CellReference(row: line, column: 1), .number(String(index + 1)))
            annex.set(CellReference(row: line, column: 2), .text(row.displayName), style: .text)
            annex.set(CellReference(row: line, column: 3), row.weight.map { .number($0.description) } ?? .text("/"))
            annex.set(CellReference(row: line, column: 4), row.statedScore.map { .number($0.description) } ?? .text(""))
            annex.set(CellReference(row: line, column: 5), row.roundedScore.map { .number($0.fixed(2)) } ?? .text(""))
            annex.set(CellReference(row: line, column: 6), .text(row.provenance.formula), style: .text)
            annex.set(CellReference(row: line, column: 7), .text(row.provenance.explanation), style: .text)
        }
        let last = sheet.allRows.count + 2
        annex.merge(CellRange(start: CellReference(row: last, column: 1), end: CellReference(row: last, column: 4)), .text("合计（\(sheet.profileName)）"))
        annex.set(CellReference(row: last, column: 5), .number(sheet.total.fixed(2)))
        annex.set(CellReference(row: last, column: 6), .text("等级：\(sheet.gradeLabel ?? "—")"), style: .text)
        return annex
    }
}
