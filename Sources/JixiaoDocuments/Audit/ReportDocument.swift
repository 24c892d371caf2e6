import JixiaoCore
import JixiaoOffice

/// A report as the audit reads it: its paragraphs in order and its tables as grids.
public struct ReportDocument: Sendable {
    public var file: String
    public var paragraphs: [Paragraph]
    public var tables: [Sheet]
    /// For DOCX, each table's first paragraph number, to anchor comments on findings in tables.
    public var tableAnchors: [Int]

    public init(file: String, paragraphs: [Paragraph], tables: [Sheet], tableAnchors: [Int] = []) {
        self.file = file
        self.paragraphs = paragraphs
        self.tables = tables
        self.tableAnchors = tableAnchors
    }
}
