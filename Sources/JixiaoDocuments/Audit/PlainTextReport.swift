import Foundation
import JixiaoCore
import JixiaoOffice

/// Reads a report saved as plain text (UTF-8 or GB18030), as Word's "save as text" writes it: paragraphs one per
/// line, tables flattened one cell per line with a leading tab and rows separated by blank lines.
public enum PlainTextReport {
    public static let maximumBytes = 50 << 20

    public static func read(url: URL) throws -> ReportDocument {
        let name = url.lastPathComponent
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        if size > maximumBytes {
            throw OfficeError(file: name, reason: "文件大小 \(size >> 20) MiB 超过文本报告上限 \(maximumBytes >> 20) MiB")
        }
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw OfficeError(file: name, reason: "无法读取文件（\(error.localizedDescription)）")
        }
        if data.isEmpty { throw OfficeError(file: name, reason: "文件为空") }
        return parse(try TextDecoding.decode(data, file: name).0, file: name)
    }

    public static func parse(_ text: String, file: String) -> ReportDocument {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
        }
        var paragraphs: [Paragraph] = []
        var tables: [Sheet] = []
        var positions: [Int] = []
        var rows: [[String]] = []
        var row: [String] = []
        var index = 0
        func nextNonBlank(after position: Int) -> String? {
            lines[(position + 1)...].first { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        }
        func closeTable() {
            if !row.isEmpty { rows.append(row) }
            row = []
            if !rows.isEmpty {
                tables.append(grid(rows, name: "表\(tables.count + 1)"))
                positions.append(paragraphs.count)
            }
            rows = []
        }
        while index < lines.count {
            let line = lines[index]
            let inTable = !rows.isEmpty || !row.isEmpty
            if line.hasPrefix("\t") {
                row.append(String(line.dropFirst()))
            } else if line.trimmingCharacters(in: .whitespaces).isEmpty {
                let blankRun = index > 0 && !lines[index - 1].hasPrefix("\t")
                    && lines[index - 1].trimmingCharacters(in: .whitespaces).isEmpty
                if inTable && blankRun {
                    // Two blank lines in a row end a table: the next tab line starts another one.
                    closeTable()
                } else if inTable {
                    let next = nextNonBlank(after: index)
                    // A blank line after a multi-line cell of a row still short of the table's width is an empty
                    // paragraph inside that cell ("绩\n效\n指\n标" then blank), not the end of the row.
                    let width = rows.map(\.count).max() ?? 0
                    let insideCell = row.last?.contains("\n") == true && row.count < width
                    if next?.hasPrefix("\t") == true, !insideCell {
                        if !row.isEmpty { rows.append(row) }
                        row = []
                    } else if next?.hasPrefix("\t") == true {
                        row[row.count - 1] += "\n"
                    } else if let next, let position = lines[(index + 1)...].firstIndex(of: next),
                        nextNonBlank(after: position)?.hasPrefix("\t") == true, !row.isEmpty
                    {
                        row[row.count - 1] += "\n"
                    } else {
                        closeTable()
                    }
                }
            } else if inTable, !row.isEmpty {
                row[row.count - 1] += "\n" + line
            } else {
                closeTable()
                paragraphs.append(Paragraph(
                    text: withoutBookmarks(line), location: SourceLocation(file: file, sheet: "第 \(index + 1) 行")))
            }
            index += 1
        }
        closeTable()
        return ReportDocument(file: file, paragraphs: paragraphs, tables: tables, tablePositions: positions)
    }

    /// The line without the "[bookmark: _Toc…]" markers Word leaves in text exports.
    static func withoutBookmarks(_ line: String) -> String {
        var text = line
        while let open = text.range(of: "[bookmark:"), let close = text[open.upperBound...].firstIndex(of: "]") {
            text.removeSubrange(open.lowerBound...close)
        }
        return text
    }

    /// Rows of cell texts as a sheet, cells in order from column A.
    static func grid(_ rows: [[String]], name: String) -> Sheet {
        var cells: [CellReference: CellValue] = [:]
        for (rowIndex, row) in rows.enumerated() {
            for (columnIndex, text) in row.enumerated() where !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                cells[CellReference(row: rowIndex + 1, column: columnIndex + 1)] = .text(text)
            }
        }
        return Sheet(name: name, cells: cells)
    }
}
