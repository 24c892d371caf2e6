import JixiaoCore
import JixiaoOffice

/// A report as the audit reads it: its paragraphs in order and its tables as grids.
public struct ReportDocument: Sendable {
    public var file: String
    public var paragraphs: [Paragraph]
    public var tables: [Sheet]

    public init(file: String, paragraphs: [Paragraph], tables: [Sheet]) {
        self.file = file
        self.paragraphs = paragraphs
        self.tables = tables
    }
}
