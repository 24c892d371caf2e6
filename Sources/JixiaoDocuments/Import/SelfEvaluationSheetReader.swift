import Foundation
import JixiaoCore
import JixiaoOffice

/// Finds self-evaluation tables in a sheet by their header words, whatever their row and column positions,
/// and reads each into a ``SelfEvaluation``. A sheet may hold several tables one under another.
public struct SelfEvaluationSheetReader {
    let sheet: Sheet
    let file: String

    public init(sheet: Sheet, file: String) {
        self.sheet = sheet
        self.file = file
    }

    public func read() throws -> [SelfEvaluation] {
        guard sheet.rowCount > 0 else { return [] }
        let layout = SelfEvaluationLayout.shipped
        let headers = sheet.occupiedRows(in: 1...sheet.rowCount).filter { row in
            sheet.entries(in: row).contains { layout.key(of: sheet.compactText($0), in: layout.indicatorColumns) == "level3" }
        }
        var evaluations: [SelfEvaluation] = []
        var regionStart = 1
        for (index, header) in headers.enumerated() {
            guard let columns = IndicatorTableColumns(sheet: sheet, row: header) else {
                throw sheet.location(file, row: header, column: 1).error(
                    "第 \(header) 行像是指标表表头，但缺少表头："
                        + IndicatorTableColumns.requiredHeaders.joined(separator: "、") + " 中的某些列")
            }
            let limit = index + 1 < headers.count ? headers[index + 1] - 1 : sheet.rowCount
            let table = try IndicatorTableReader(sheet: sheet, file: file).read(header: header, columns: columns, until: limit)
            let above = regionStart...max(regionStart, header - 1)
            let project = labelledValue(["项目名称"], in: above)
            let budget = try BudgetBlockReader(sheet: sheet, file: file).read(rows: above)
            // A table of several target blocks (湖北：年度绩效目标1、年度绩效目标2) repeats its header row with nothing of
            // its own above: the block continues the evaluation above it.
            if let last = evaluations.indices.last, project == nil, budget == nil {
                evaluations[last].indicators.categories += table.tree.categories
                if table.statedTotal != StatedTotal() { evaluations[last].statedTotal = table.statedTotal }
                regionStart = table.lastRow + 1
                continue
            }
            let title = sheet.occupiedRows(in: regionStart...header).lazy.map { sheet.compactText(row: $0, column: 1) }
                .first { $0.contains("年度") } ?? ""
            evaluations.append(SelfEvaluation(
                kind: title.contains("整体") || project == nil ? .agency : .project,
                fiscalYear: Self.year(in: title),
                agency: Agency(name: labelledValue(["单位）名称", "单位名称", "预算单位", "部门名称"], in: above) ?? ""),
                project: project,
                budget: budget ?? Budget(),
                goal: GoalBlockReader(sheet: sheet).read(rows: above) ?? PerformanceGoal(),
                indicators: table.tree,
                statedTotal: table.statedTotal,
                source: SourceLocation(file: file, sheet: sheet.name, cell: "A\(header)")))
            regionStart = table.lastRow + 1
        }
        return evaluations
    }

    /// The text in the first non-empty cell to the right of a cell whose text contains one of `labels`.
    private func labelledValue(_ labels: [String], in rows: ClosedRange<Int>) -> String? {
        for row in sheet.occupiedRows(in: rows) {
            let entries = sheet.entries(in: row).filter(\.isOrigin)
            for (position, entry) in entries.enumerated() where labels.contains(where: sheet.compactText(entry).contains) {
                let value = entries[(position + 1)...].lazy
                    .map { $0.value.text.trimmingCharacters(in: .whitespacesAndNewlines) }
                    .first { !$0.isEmpty }
                if let value { return value }
            }
        }
        return nil
    }

    /// The four-digit year in "2023年度部门（单位）整体支出绩效自评表".
    static func year(in title: String) -> Int? {
        let scalars = Array(title.unicodeScalars)
        for start in scalars.indices where start + 4 < scalars.count && scalars[start + 4] == "年" {
            let digits = String(String.UnicodeScalarView(scalars[start..<start + 4]))
            if let year = Int(digits), (1990...2100).contains(year) { return year }
        }
        return nil
    }
}
