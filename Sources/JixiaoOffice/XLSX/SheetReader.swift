import Foundation

/// Streams one worksheet part into a ``Sheet``: values (shared, inline, rich text, numbers, booleans,
/// errors, formula results) and merged ranges, within ``SheetLimits``: at most `cellBudget` cells with a value,
/// merges few, not overlapping and covering a bounded number of cells where the values are.
enum SheetReader {
    static func read(_ data: Data, name: String, file: String, sharedStrings: [String], cellBudget: Int) throws -> Sheet {
        var cells: [CellReference: CellValue] = [:]
        var merges: [CellRange] = []
        var row = 0
        var column = 0
        var reference: CellReference?
        var type = "n"
        var buffer = ""
        var capturing = false
        var inInline = false
        var phoneticDepth = 0
        var value: CellValue?

        func fail(_ reason: String) -> OfficeError {
            OfficeError(file: file, sheet: name, cell: reference?.description, reason: reason)
        }

        try XMLEvents.parse(
            data, file: file, part: nil,
            start: { element, attributes in
                switch element {
                case "row":
                    row = attributes["r"].flatMap { Int($0) } ?? row + 1
                    column = 0
                case "c":
                    if let text = attributes["r"] {
                        guard let parsed = CellReference(text) else { throw fail("单元格地址“\(text)”无效") }
                        reference = parsed
                    } else {
                        reference = CellReference(row: max(row, 1), column: column + 1)
                    }
                    column = reference!.column
                    type = attributes["t"] ?? "n"
                    value = nil
                case "v":
                    capturing = true
                    buffer = ""
                case "is":
                    inInline = true
                    buffer = ""
                case "t" where inInline && phoneticDepth == 0:
                    capturing = true
                case "rPh":
                    phoneticDepth += 1
                case "mergeCell":
                    if let text = attributes["ref"] {
                        guard let range = CellRange(text) else { throw fail("合并区域“\(text)”无效") }
                        guard merges.count < SheetLimits.maximumMerges else {
                            throw fail("合并区域“\(text)”处：合并区域超过 \(SheetLimits.maximumMerges) 个（真实的自评表只有几十个），拒绝读取")
                        }
                        merges.append(range)
                    }
                default: break
                }
            },
            end: { element in
                switch element {
                case "v":
                    capturing = false
                    value = try decode(buffer, type: type, sharedStrings: sharedStrings, fail: fail)
                case "t":
                    if inInline { capturing = false }
                case "rPh":
                    phoneticDepth -= 1
                case "is":
                    inInline = false
                    value = .text(buffer)
                case "c":
                    if let reference, let value {
                        cells[reference] = value
                        guard cells.count <= cellBudget else {
                            throw fail("有值的单元格超过 \(SheetLimits.maximumCells) 个（整个工作簿合计；真实的自评表只有几千个），拒绝读取")
                        }
                    }
                    reference = nil
                default: break
                }
            },
            text: { text in
                guard capturing else { return }
                buffer += text
                if buffer.utf16.count > SheetLimits.maximumCellCharacters {
                    throw fail("文字长度超过 Excel 单元格上限 \(SheetLimits.maximumCellCharacters) 个字符，拒绝读取")
                }
            })
        return try sheet(name: name, file: file, cells: cells, merges: merges)
    }

    /// The sheet, once its merges are known to cover a bounded number of cells and not to overlap.
    private static func sheet(name: String, file: String, cells: [CellReference: CellValue], merges: [CellRange]) throws -> Sheet {
        let (rows, columns) = Sheet.extent(of: cells)
        let covered = MergeIndex.coveredCells(merges, rows: rows, columns: columns)
        guard covered <= SheetLimits.maximumMergedCells else {
            throw OfficeError(
                file: file, sheet: name,
                reason: "合并区域在有内容的范围内共覆盖 \(covered) 个单元格，超过上限 \(SheetLimits.maximumMergedCells) 个，拒绝读取")
        }
        let sheet = Sheet(name: name, cells: cells, merges: merges)
        if let (first, second) = sheet.overlappingMerges {
            throw OfficeError(file: file, sheet: name, cell: second.start.description, reason: "合并区域 \(first) 与 \(second) 重叠（区域已截到有内容的范围），文件已损坏，拒绝读取")
        }
        return sheet
    }

    private static func decode(
        _ raw: String, type: String, sharedStrings: [String], fail: (String) -> OfficeError
    ) throws -> CellValue {
        switch type {
        case "s":
            guard let index = Int(raw.trimmingCharacters(in: .whitespaces)), sharedStrings.indices.contains(index) else {
                throw fail("共享字符串索引“\(raw)”不存在")
            }
            return .text(sharedStrings[index])
        case "str", "inlineStr": return .text(raw)
        case "b": return .boolean(raw == "1" || raw == "true")
        case "e": return .error(raw)
        default:
            let numeral = raw.trimmingCharacters(in: .whitespaces)
            guard CellValue.decimal(numeral) != nil else {
                throw fail("数值单元格内容“\(raw.prefix(40))”不是数字")
            }
            return .number(numeral)
        }
    }
}
