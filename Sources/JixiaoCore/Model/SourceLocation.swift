/// Where a figure was read: file, sheet (or document section) and cell.
public struct SourceLocation: Hashable, Sendable, Codable, CustomStringConvertible {
    public var file: String?
    public var sheet: String?
    public var cell: String?

    public init(file: String? = nil, sheet: String? = nil, cell: String? = nil) {
        self.file = file
        self.sheet = sheet
        self.cell = cell
    }

    /// "file, 工作表“sheet”, 单元格 D14" with whichever parts are known.
    public var description: String {
        var parts: [String] = []
        if let file { parts.append(file) }
        if let sheet { parts.append("工作表“\(sheet)”") }
        if let cell { parts.append("单元格 \(cell)") }
        return parts.joined(separator: "，")
    }
}
