import JixiaoCore
import JixiaoOffice

/// Reads the goal block (年度总体目标): the texts under 预期目标 and 实际完成情况.
struct GoalBlockReader {
    let sheet: Sheet

    func read(rows: ClosedRange<Int>) -> PerformanceGoal? {
        guard let header = sheet.rows(rows, where: { $0 == "预期目标" }).first,
            let expected = sheet.column(in: header, where: { $0 == "预期目标" })
        else { return nil }
        let actual = sheet.column(in: header, where: { $0.hasPrefix("实际完成") })
        let body = sheet.occupiedRows(in: (header + 1)...max(header + 1, rows.upperBound)).first { row in
            !sheet.compactText(row: row, column: expected).isEmpty
        } ?? header + 1
        func text(_ column: Int?) -> String {
            column.map { sheet.text(row: body, column: $0).trimmingCharacters(in: .whitespacesAndNewlines) } ?? ""
        }
        return PerformanceGoal(expected: text(expected), actual: text(actual))
    }
}
