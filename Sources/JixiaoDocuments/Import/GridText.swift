import Foundation
import JixiaoCore
import JixiaoOffice

/// Reading a grid's cells as the table's author meant them: whitespace and line breaks dropped for
/// matching header words, numbers read exactly; searches visit only the cells that hold something.
extension Sheet {
    /// The cell text with all whitespace removed ("产出指标\n\n(40分)" → "产出指标(40分)").
    public func compactText(row: Int, column: Int) -> String {
        Self.compact(text(row: row, column: column))
    }

    /// The compact text of what `entry` shows.
    func compactText(_ entry: Entry) -> String {
        Self.compact(entry.value.text)
    }

    private static func compact(_ text: String) -> String {
        text.filter { !$0.isWhitespace && $0 != "\u{3000}" }
    }

    /// The first column in `row` whose compact text satisfies `matches`.
    func column(in row: Int, where matches: (String) -> Bool) -> Int? {
        entries(in: row).first { matches(compactText($0)) }?.columns.lowerBound
    }

    /// Rows (ascending) holding a cell whose compact text satisfies `matches`, within `rows`.
    func rows(_ rows: ClosedRange<Int>, where matches: (String) -> Bool) -> [Int] {
        occupiedRows(in: rows).filter { row in entries(in: row).contains { matches(compactText($0)) } }
    }

    func location(_ file: String, row: Int, column: Int) -> SourceLocation {
        SourceLocation(file: file, sheet: name, cell: CellReference(row: row, column: column).description)
    }

    /// Row `row` anchored at `column`, naming the cell of each field whose column is known.
    func location(_ file: String, row: Int, column: Int, fields: [RowField: Int?]) -> SourceLocation {
        var location = location(file, row: row, column: column)
        location.fields = fields.compactMapValues { $0.map { CellReference(row: row, column: $0).description } }
        return location
    }
}

extension SourceLocation {
    /// An import error at this place.
    func error(_ reason: String) -> OfficeError {
        OfficeError(file: file ?? "", sheet: sheet, cell: cell, reason: reason)
    }
}

extension CellValue {
    /// The number a numeric cell holds, exactly.
    var exactNumber: ExactDecimal? {
        if case .number(let numeral) = self { ExactDecimal(numeral) } else { nil }
    }
}
