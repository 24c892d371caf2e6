import Foundation
import JixiaoCore
import JixiaoOffice

/// Reads the indicator table below a header row: the 3-level tree with fill-down of merged or blank
/// level-1/level-2 cells, weights from "产出指标（40分）" headers, and the 总分 row.
struct IndicatorTableReader {
    let sheet: Sheet
    let file: String

    struct Table {
        var tree: IndicatorTree
        var statedTotal: StatedTotal
        /// The last row that belongs to the table (the 总分 row when there is one).
        var lastRow: Int
    }

    func read(header: Int, columns: IndicatorTableColumns, until limit: Int) throws -> Table {
        let numbers = CellNumbers(sheet: sheet, file: file)
        var categories: [IndicatorCategory] = []
        var statedTotal = StatedTotal()
        var level1 = ""
        var level1Cell = ""
        var level2 = ""
        var lastRow = limit
        for row in sheet.occupiedRows(in: (header + 1)...max(header + 1, limit)) where row <= limit {
            let leading = sheet.entries(in: row).lazy.filter { $0.columns.lowerBound <= columns.level3 }
                .map(sheet.compactText).first { !$0.isEmpty } ?? ""
            if leading.hasPrefix("总分") || leading.hasPrefix("合计") {
                statedTotal = StatedTotal(
                    weight: try numbers.stated(row: row, column: columns.weight, field: "总分栏分值"),
                    score: try numbers.stated(row: row, column: columns.score, field: "总分栏得分"),
                    source: sheet.location(
                        file, row: row, column: columns.weight ?? columns.level1,
                        fields: [.weight: columns.weight, .score: columns.score]))
                if statedTotal.weight == .absent, statedTotal.score == .absent { statedTotal = shiftedTotal(row: row) }
                lastRow = row
                break
            }
            let name = sheet.text(row: row, column: columns.level3).trimmingCharacters(in: .whitespacesAndNewlines)
            let target = sheet.text(row: row, column: columns.target).trimmingCharacters(in: .whitespacesAndNewlines)
            let actual = sheet.text(row: row, column: columns.actual).trimmingCharacters(in: .whitespacesAndNewlines)
            let category = sheet.compactText(row: row, column: columns.level1)
            let group = sheet.compactText(row: row, column: columns.level2)
            if !category.isEmpty {
                level1 = category
                level1Cell = CellReference(row: row, column: columns.level1).description
            }
            if !group.isEmpty { level2 = group }
            let weight = try numbers.stated(row: row, column: columns.weight, field: "分值")
            let score = try numbers.stated(row: row, column: columns.score, field: "得分")
            if name.isEmpty && target.isEmpty && actual.isEmpty && weight == .absent && score == .absent { continue }
            guard !level1.isEmpty else {
                throw sheet.location(file, row: row, column: columns.level1).error("指标行缺少一级指标")
            }
            let (categoryName, categoryWeight) = Self.splitWeight(level1)
            if categories.last?.name != categoryName {
                categories.append(IndicatorCategory(name: categoryName, statedWeight: categoryWeight))
                level2 = group
            }
            let groupName = level2.isEmpty ? categoryName : level2
            if categories[categories.count - 1].groups.last?.name != groupName {
                categories[categories.count - 1].groups.append(IndicatorGroup(name: groupName))
            }
            let note = columns.note.map { sheet.text(row: row, column: $0).trimmingCharacters(in: .whitespacesAndNewlines) } ?? ""
            let indicator = Indicator(
                name: name, target: target, actual: actual, weight: weight, statedScore: score,
                deviationNote: note,
                source: rowLocation(row, columns: columns, categoryCell: level1Cell))
            let last = categories.count - 1
            categories[last].groups[categories[last].groups.count - 1].indicators.append(indicator)
        }
        return Table(tree: IndicatorTree(categories: categories), statedTotal: statedTotal, lastRow: lastRow)
    }

    /// Row `row` anchored at its 分值 (or name) cell, with the cell of each field.
    private func rowLocation(_ row: Int, columns: IndicatorTableColumns, categoryCell: String) -> SourceLocation {
        var location = sheet.location(
            file, row: row, column: columns.weight ?? columns.level3,
            fields: [.name: columns.level3, .target: columns.target, .actual: columns.actual,
                     .weight: columns.weight, .score: columns.score, .note: columns.note])
        location.fields?[.category] = categoryCell
        return location
    }

    /// The 总分 row of a table flattened to text, where the merged 总分 cell shifts the figures left: the row's
    /// numbers in order (a merged number once for each of its columns) are the total weight and the total score.
    private func shiftedTotal(row: Int) -> StatedTotal {
        let numbers = sheet.entries(in: row).flatMap { entry -> [(ExactDecimal, Int)] in
            guard let number = ExactDecimal(sheet.compactText(entry)) else { return [] }
            return Array(repeating: (number, entry.columns.lowerBound), count: entry.columns.count)
        }
        guard numbers.count == 2 else { return StatedTotal() }
        return StatedTotal(
            weight: .value(numbers[0].0), score: .value(numbers[1].0),
            source: sheet.location(file, row: row, column: numbers[0].1, fields: [.weight: numbers[0].1, .score: numbers[1].1]))
    }

    /// "产出指标(40分)" → ("产出指标", 40); "满意度指标" → ("满意度指标", nil).
    static func splitWeight(_ header: String) -> (String, ExactDecimal?) {
        guard let open = header.firstIndex(where: { $0 == "(" || $0 == "（" }) else { return (header, nil) }
        let name = String(header[..<open])
        var inside = header[header.index(after: open)...]
        while let last = inside.last, last == ")" || last == "）" || last == "分" { inside = inside.dropLast() }
        return (name, ExactDecimal(String(inside)))
    }
}
