/// Where a figure was read: file, sheet (or document section), cell, and for prose the sentence.
/// A table row's location also names the cell of each of its fields, so a finding points at the cell it is about.
public struct SourceLocation: Hashable, Sendable, Codable, CustomStringConvertible {
    public var file: String?
    public var sheet: String?
    public var cell: String?
    /// The sentence within the paragraph (1-based), for figures read from prose.
    public var sentence: Int?
    /// For a table row: the cell holding each field.
    public var fields: [RowField: String]?

    public init(file: String? = nil, sheet: String? = nil, cell: String? = nil, sentence: Int? = nil,
                fields: [RowField: String]? = nil) {
        self.file = file
        self.sheet = sheet
        self.cell = cell
        self.sentence = sentence
        self.fields = fields
    }

    /// The cell of `field` in this row, or the row's own cell when the field's cell is not known.
    public func at(_ field: RowField) -> SourceLocation {
        SourceLocation(file: file, sheet: sheet, cell: fields?[field] ?? cell, sentence: sentence)
    }

    /// Where within the file, as a finding's heading shows it: "附件3 自评表 G20", "第 12 段第 2 句".
    public var place: String {
        let section = sheet.map { $0 + (sentence.map { "第 \($0) 句" } ?? "") }
        return [section, cell].compactMap { $0 }.joined(separator: " ")
    }

    /// "file, 工作表“sheet”, 单元格 D14" (or "file, 第 3 段第 2 句") with whichever parts are known.
    public var description: String {
        var parts: [String] = []
        if let file { parts.append(file) }
        if let sheet {
            parts.append(cell == nil ? sheet + (sentence.map { "第 \($0) 句" } ?? "") : "工作表“\(sheet)”")
        }
        if let cell { parts.append("单元格 \(cell)") }
        return parts.joined(separator: "，")
    }
}

/// A field of a table row (an indicator, the budget's total row, the 总分 row), for anchoring on its cell.
public enum RowField: String, Hashable, Sendable, Codable, CodingKeyRepresentable {
    /// 一级指标 (with its points, "产出指标（40分）")
    case category
    case name, target, actual, weight, score
    /// 年初预算数 (the budget row's 全年预算数 is its target, 全年执行数 its actual)
    case initial
    /// 上年决算数 (a 基础数据表 line's 本年预算数 is its target, 本年决算数 its actual)
    case previous
    /// 执行率
    case rate
    /// 偏差原因分析及改进措施
    case note
}
