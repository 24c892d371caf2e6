import Foundation
import JixiaoCore
import JixiaoOffice

/// The monitoring table (绩效运行监控表) as the official form lays it out: 年初预算数 · 1–N月执行数 · 全年预计执行数, then per
/// indicator 年度指标值 · 1–N月完成情况 · 完成目标可能性 · 偏差原因 · 措施; as XLSX, and as DOCX through the report renderer.
public enum MonitoringTable {
    public static func worksheet(_ report: MonitoringReport) -> WorksheetContent {
        var sheet = WorksheetContent(name: "运行监控表")
        let month = report.lastMonth ?? 0
        let months = month > 0 ? "1–\(month)月" : "尚未报送"
        func ref(_ row: Int, _ column: Int) -> CellReference { CellReference(row: row, column: column) }
        sheet.merge(CellRange(start: ref(1, 1), end: ref(1, 7)), .text("\(report.fiscalYear)年度项目绩效运行监控表（\(months)）"), style: .title)
        sheet.merge(CellRange(start: ref(2, 1), end: ref(2, 2)), .text("项目名称"))
        sheet.merge(CellRange(start: ref(2, 3), end: ref(2, 7)), .text(report.project), style: .text)
        sheet.merge(CellRange(start: ref(3, 1), end: ref(3, 2)), .text("预算单位"))
        sheet.merge(CellRange(start: ref(3, 3), end: ref(3, 7)), .text(report.agency.name), style: .text)
        let money: [(String, Money?)] = [("年初预算数（万元）", report.initialBudget), ("\(month > 0 ? months : "1–N月")执行数（万元）", report.spent(through: month)),
                                          ("全年预计执行数（万元）", report.projectedSpent)]
        for (offset, (label, amount)) in money.enumerated() {
            sheet.merge(CellRange(start: ref(4, 1 + offset * 2), end: ref(4, 2 + offset * 2)), .text(label))
            sheet.merge(CellRange(start: ref(5, 1 + offset * 2), end: ref(5, 2 + offset * 2)), amount.map { .number($0.amount(in: .wan).plainText) } ?? .text(""), style: .amount)
        }
        let rate = report.spent(through: month).flatMap {
            $0.ratio(to: report.basis)
        }
        sheet.set(ref(4, 7), .text("执行率"))
        sheet.set(ref(5, 7), rate.map { .number($0.rounded(scale: 4).description) } ?? .text(""), style: .percent)
        let headers = ["绩效指标", "年度指标值", "\(month > 0 ? months : "1–N月")完成情况", "完成比例", "完成目标可能性", "偏差原因", "措施"]
        for (column, header) in headers.enumerated() { sheet.set(ref(6, column + 1), .text(header), style: CellStyle(bold: true)) }
        sheet.printTitleRows = 6...6
        for (index, indicator) in report.indicators.enumerated() {
            let row = 7 + index
            let values: [(WorksheetContent.Value, CellStyle)] = [
                (.text(indicator.name), .text), (.text(indicator.target), .body), (.text(indicator.progress), .text),
                (indicator.completion.map { .number($0.description) } ?? .text(""), .percent), (.text(indicator.likelihood.label), .body),
                (.text(indicator.reason), .text), (.text(indicator.measures), .text),
            ]
            for (column, (value, style)) in values.enumerated() { sheet.set(ref(row, column + 1), value, style: style) }
        }
        if let used = sheet.usedRange { sheet.border(CellRange(start: ref(2, 1), end: used.end)) }
        sheet.columnWidths = [1: 20, 2: 14, 3: 20, 4: 12, 5: 14, 6: 22, 7: 22]
        sheet.landscape = true
        return sheet
    }

    public static func xlsx(_ report: MonitoringReport) throws -> Data {
        try WorkbookWriter.write([worksheet(report)], title: "\(report.project)运行监控表")
    }

    /// The table in a GB/T 9704 document, with the warnings and answers beneath it.
    public static func docx(_ report: MonitoringReport, warnings: [Monitor.Warning]) throws -> Data {
        var blocks: [ReportContent.Block] = [.table(worksheet(report), headerRows: 0)]
        if !warnings.isEmpty {
            blocks.append(.heading(1, "预警及答复"))
            blocks += warnings.map { .paragraph($0.message) }
        }
        return try ReportRenderers.docx(ReportContent(title: "\(report.fiscalYear)年度\(report.project)\n绩效运行监控表", subtitle: "（\(report.agency.name)）", blocks: blocks))
    }
}
