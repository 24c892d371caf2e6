/// A file that cannot be read, with where (file, sheet or part, cell) and what was expected.
public struct OfficeError: Error, Equatable, CustomStringConvertible {
    public var file: String
    public var sheet: String?
    /// The package part (e.g. "xl/worksheets/sheet1.xml") for faults below the level of cells.
    public var part: String?
    public var cell: String?
    public var reason: String

    public init(file: String, sheet: String? = nil, part: String? = nil, cell: String? = nil, reason: String) {
        self.file = file
        self.sheet = sheet
        self.part = part
        self.cell = cell
        self.reason = reason
    }

    /// "文件 a.xlsx，工作表“附件3”，单元格 G13：分值应为数字，实为“十”"
    public var description: String {
        var place = "文件 \(file)"
        if let sheet { place += "，工作表“\(sheet)”" }
        if let part { place += "（部件 \(part)）" }
        if let cell { place += "，单元格 \(cell)" }
        return "\(place)：\(reason)"
    }
}
