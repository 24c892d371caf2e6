import Foundation

/// Reads a CSV file (RFC 4180 quoting; comma, or tab when the first line has tabs and no commas) into a
/// ``Sheet`` of text cells named after the file, so CSV and XLSX tables go through the same importer. Text that an
/// XML part could not carry (control characters, U+FFFE, U+FFFF) is refused, naming the row and column.
public enum CSVReader {
    /// The largest CSV accepted: far above any real table.
    public static let maximumBytes = 50 << 20

    public static func read(url: URL) throws -> Sheet {
        let name = url.lastPathComponent
        let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
        if let size = attributes?[.size] as? Int, size > maximumBytes {
            throw OfficeError(file: name, reason: "文件大小 \(size >> 20) MiB 超过 CSV 上限 \(maximumBytes >> 20) MiB")
        }
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw OfficeError(file: name, reason: "无法读取文件（\(error.localizedDescription)）")
        }
        return try read(data, file: name)
    }

    public static func read(_ data: Data, file: String) throws -> Sheet {
        if data.isEmpty { throw OfficeError(file: file, reason: "文件为空") }
        let (text, _) = try TextDecoding.decode(data, file: file)
        let scalars = Array(text.unicodeScalars)
        let firstLine = scalars.prefix { $0 != "\n" }
        let delimiter: Unicode.Scalar = firstLine.contains("\t") && !firstLine.contains(",") ? "\t" : ","
        var cells: [CellReference: CellValue] = [:]
        var row = 1
        var column = 1
        var field = String.UnicodeScalarView()
        var quoted = false
        var index = 0
        func finishField() throws {
            func refuse(_ reason: String) -> OfficeError {
                OfficeError(file: file, sheet: file, cell: CellReference(row: row, column: column).description, reason: reason)
            }
            if field.count > SheetLimits.maximumCellCharacters {
                throw refuse("字段长度超过 \(SheetLimits.maximumCellCharacters) 个字符")
            }
            if let scalar = field.first(where: { !XMLText.isAllowed($0) }) {
                throw refuse("第 \(row) 行第 \(column) 列含有控制字符 U+\(String(scalar.value, radix: 16, uppercase: true))，"
                    + "表格文字不能含有它（XML 1.0 无法表示）；请删除后再导入")
            }
            if !field.isEmpty { cells[CellReference(row: row, column: column)] = .text(String(field)) }
            field = String.UnicodeScalarView()
        }
        while index < scalars.count {
            let scalar = scalars[index]
            if quoted {
                if scalar == "\"" {
                    if index + 1 < scalars.count, scalars[index + 1] == "\"" {
                        field.append("\"")
                        index += 1
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(scalar)
                }
            } else if scalar == "\"" && field.isEmpty {
                quoted = true
            } else if scalar == delimiter {
                try finishField()
                column += 1
            } else if scalar == "\n" || scalar == "\r" {
                if scalar == "\r", index + 1 < scalars.count, scalars[index + 1] == "\n" { index += 1 }
                try finishField()
                row += 1
                column = 1
            } else {
                field.append(scalar)
            }
            index += 1
        }
        if quoted {
            throw OfficeError(file: file, sheet: file, cell: CellReference(row: row, column: column).description,
                              reason: "引号未闭合")
        }
        try finishField()
        return Sheet(name: file, cells: cells)
    }
}
