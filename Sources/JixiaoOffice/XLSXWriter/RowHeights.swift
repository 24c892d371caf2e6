/// Row heights that fit wrapped text, computed as the writer lays the sheet out: Excel does not fit wrapped rows when
/// it opens a file, and LibreOffice prints a row without a height as one line, so the text of the goal and indicator
/// rows would overlap the rows below. A cell's text is measured in half-em columns (``DisplayWidth``) against the
/// width of its column or merged columns; each line is the font size plus leading.
enum RowHeights {
    /// Points of height per line of text at `fontSize` points, and above and below the text.
    static func lineHeight(fontSize: Int) -> Double { Double(fontSize) * 1.3 }
    static let padding = 4.0
    /// Excel's default column width, for columns the sheet does not size.
    static let defaultColumnWidth = 9

    /// The height of each row that needs more than Excel's default, by row.
    static func fitted(_ sheet: WorksheetContent) -> [Int: Double] {
        var heights: [Int: Double] = [:]
        var tall: [(range: CellRange, height: Double)] = []
        for (reference, (value, style)) in sheet.cells {
            guard case .text(let text) = value, !text.isEmpty, style.wrap || text.contains("\n") else {
                continue
            }
            let range = sheet.merges.first { $0.start == reference } ?? CellRange(start: reference, end: reference)
            let columns = (range.start.column...range.end.column).reduce(0) { $0 + (sheet.columnWidths[$1] ?? defaultColumnWidth) }
            let height = Double(lines(text, columns: columns)) * lineHeight(fontSize: style.fontSize) + padding
            if range.start.row == range.end.row {
                heights[reference.row] = max(heights[reference.row] ?? 0, height)
            } else {
                tall.append((range, height))
            }
        }
        // A cell merged over several rows needs their heights together; what is missing goes to its last row.
        for (range, height) in tall {
            let rows = range.start.row...range.end.row
            let have = rows.reduce(0) { $0 + (heights[$1] ?? defaultRowHeight) }
            if have < height { heights[range.end.row] = (heights[range.end.row] ?? defaultRowHeight) + height - have }
        }
        return heights.filter { $0.value > defaultRowHeight }
    }

    static let defaultRowHeight = 15.0

    /// How many lines `text` takes in `columns` character units (a cell keeps about one unit for its margins).
    static func lines(_ text: String, columns: Int) -> Int {
        let usable = max(columns - 1, 1)
        return text.split(separator: "\n", omittingEmptySubsequences: false).reduce(0) { count, line in
            count + max(1, (DisplayWidth.of(String(line)) + usable - 1) / usable)
        }
    }
}
