import Foundation
import JixiaoCore
import JixiaoOffice

/// Reads the indicator table below a header row: the 3-level tree with fill-down of merged or blank
/// level-1/level-2 cells, weights from "产出指标（40分）" headers or a 自评权重 column, comparator and unit columns
/// folded into the values, and the 总分 row.
struct IndicatorTableReader {
    let sheet: Sheet
    let file: String
    var layout: SelfEvaluationLayout = .shipped

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
        var level1Weight: ExactDecimal?
        var level2 = ""
        var lastRow = limit
        for row in sheet.occupiedRows(in: (header + 1)...max(header + 1, limit)) where row <= limit {
            let leading = sheet.entries(in: row).lazy.filter { $0.columns.lowerBound <= columns.level3 }
                .map(sheet.compactText).first { !$0.isEmpty } ?? ""
            if layout.totalRows.contains(where: leading.hasPrefix) {
                statedTotal = try totalRow(row, columns: columns, numbers: numbers)
                lastRow = row
                break
            }
            let name = text(row, columns.level3)
            let (target, actual) = values(row, columns: columns)
            let category = sheet.compactText(row: row, column: columns.level1)
            let group = columns.level2.map { sheet.compactText(row: row, column: $0) } ?? ""
            if !category.isEmpty {
                level1 = category
                level1Cell = CellReference(row: row, column: columns.level1).description
                level1Weight = try numbers.stated(row: row, column: columns.categoryWeight, field: "自评权重").value
            }
            if !group.isEmpty { level2 = group }
            let weight = try numbers.stated(row: row, column: columns.weight, field: "分值")
            let score = try numbers.stated(row: row, column: columns.score, field: "得分")
            // An empty row, or the template's placeholder ("指标2：", "……") left unfilled.
            if target.isEmpty && actual.isEmpty && weight == .absent && score == .absent && Self.isPlaceholder(name) { continue }
            guard !level1.isEmpty else {
                throw sheet.location(file, row: row, column: columns.level1).error("指标行缺少一级指标")
            }
            let (categoryName, headerWeight) = Self.splitWeight(level1)
            if categories.last?.name != categoryName {
                categories.append(IndicatorCategory(name: categoryName, statedWeight: headerWeight ?? level1Weight))
                level2 = group
            }
            let groupName = level2.isEmpty ? categoryName : Self.splitWeight(level2).0
            if categories[categories.count - 1].groups.last?.name != groupName {
                categories[categories.count - 1].groups.append(IndicatorGroup(name: groupName))
            }
            let indicator = Indicator(
                name: name, target: target, actual: actual, weight: weight, statedScore: score,
                deviationNote: columns.note.map { text(row, $0) } ?? "",
                source: rowLocation(row, columns: columns, categoryCell: level1Cell))
            let last = categories.count - 1
            categories[last].groups[categories[last].groups.count - 1].indicators.append(indicator)
        }
        return Table(
            tree: IndicatorTree(categories: categories, rowPoints: columns.weight != nil),
            statedTotal: statedTotal, lastRow: lastRow)
    }

    private func text(_ row: Int, _ column: Int) -> String {
        sheet.text(row: row, column: column).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// What a comparator column may hold.
    static let comparators: Set = ["≥", "≤", "=", ">", "<", "＝", "＞", "＜", "≧", "≦"]

    /// The target and the actual as one would write them in one cell: a comparator column's "≥" before the target,
    /// a unit column's "%" after a bare number.
    private func values(_ row: Int, columns: IndicatorTableColumns) -> (String, String) {
        var target = text(row, columns.target)
        var actual = text(row, columns.actual)
        if let column = columns.comparator {
            let comparator = sheet.compactText(row: row, column: column)
            if Self.comparators.contains(comparator), !target.isEmpty {
                target = comparator + target
            }
        }
        if let column = columns.unit {
            let unit = sheet.compactText(row: row, column: column)
            let bare = { (value: String) in ExactDecimal(String(value.drop { Self.comparators.contains(String($0)) })) != nil }
            if !unit.isEmpty, unit != "/" {
                if bare(target) { target += unit }
                if bare(actual) { actual += unit }
            }
        }
        return (target, actual)
    }

    /// The 总分 row: its 分值 and 得分 under their columns or, flattened to text, the row's two numbers.
    private func totalRow(_ row: Int, columns: IndicatorTableColumns, numbers: CellNumbers) throws -> StatedTotal {
        let total = StatedTotal(
            weight: try numbers.stated(row: row, column: columns.weight, field: "总分栏分值"),
            score: try numbers.stated(row: row, column: columns.score, field: "总分栏得分"),
            source: sheet.location(
                file, row: row, column: columns.weight ?? columns.score ?? columns.level1,
                fields: [.weight: columns.weight, .score: columns.score]))
        if total.weight != .absent || total.score != .absent { return total }
        return shiftedTotal(row: row, rowPoints: columns.weight != nil)
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
    /// numbers in order (a merged number once for each of its columns) are the total weight and the total score; a
    /// table without row points prints only the score.
    private func shiftedTotal(row: Int, rowPoints: Bool) -> StatedTotal {
        let numbers = sheet.entries(in: row).flatMap { entry -> [(ExactDecimal, Int)] in
            guard let number = ExactDecimal(Self.withoutPointsUnit(sheet.compactText(entry))) else { return [] }
            return Array(repeating: (number, entry.columns.lowerBound), count: entry.columns.count)
        }
        if !rowPoints, numbers.count == 1 {
            return StatedTotal(score: .value(numbers[0].0), source: sheet.location(file, row: row, column: numbers[0].1, fields: [.score: numbers[0].1]))
        }
        guard numbers.count == 2 else { return StatedTotal() }
        return StatedTotal(
            weight: .value(numbers[0].0), score: .value(numbers[1].0),
            source: sheet.location(file, row: row, column: numbers[0].1, fields: [.weight: numbers[0].1, .score: numbers[1].1]))
    }

    /// "99.55分" → "99.55".
    private static func withoutPointsUnit(_ text: String) -> String {
        text.hasSuffix("分") ? String(text.dropLast()) : text
    }

    /// "", "……", "指标2：": a row name that holds no indicator.
    static func isPlaceholder(_ name: String) -> Bool {
        name.wholeMatch(of: /(指标\d*[:：]?|[…．.。]*)/) != nil
    }

    /// "产出指标(40分)" → ("产出指标", 40); "满意度指标" → ("满意度指标", nil); other bracketed parts (a reading in
    /// pinyin a copy inserted) are not part of the name.
    static func splitWeight(_ header: String) -> (String, ExactDecimal?) {
        (HeaderWords.bare(header), HeaderWords.points(in: header))
    }
}
