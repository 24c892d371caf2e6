import Foundation
import JixiaoCore
import JixiaoOffice

/// Reads a DOCX report into the audit's terms: paragraphs with their positions, tables as grids.
public enum DocxReport {
    public static func read(url: URL) throws -> ReportDocument {
        let document = try WordDocument(url: url)
        return ReportDocument(
            file: document.file,
            paragraphs: document.paragraphs.map {
                Paragraph(text: $0.text, location: SourceLocation(file: document.file, sheet: "第 \($0.number) 段"))
            },
            tables: document.tables, tableAnchors: document.tableAnchors)
    }
}
