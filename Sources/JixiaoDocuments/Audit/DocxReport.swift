import Foundation
import JixiaoCore
import JixiaoOffice

/// Reads a DOCX report into the audit's terms: paragraphs with their positions, tables as grids with where they stand
/// among the paragraphs (a table's title is the paragraph above it).
public enum DocxReport {
    public static func read(url: URL) throws -> ReportDocument {
        read(try WordDocument(url: url))
    }

    public static func read(data: Data, file: String) throws -> ReportDocument {
        read(try WordDocument(package: OfficePackage(data: data, file: file)))
    }

    static func read(_ document: WordDocument) -> ReportDocument {
        let paragraphs = document.paragraphs
        return ReportDocument(
            file: document.file,
            paragraphs: paragraphs.map {
                Paragraph(text: $0.text, location: SourceLocation(file: document.file, sheet: "第 \($0.number) 段"))
            },
            tables: document.tables, tableAnchors: document.tableAnchors,
            tablePositions: document.tableAnchors.map { anchor in paragraphs.filter { $0.number < anchor.first }.count },
            charts: document.charts)
    }
}
