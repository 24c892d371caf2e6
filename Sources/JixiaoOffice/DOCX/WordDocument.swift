import Foundation

/// A Word document's body as read from `word/document.xml`: paragraphs in order and tables as grids, horizontal
/// spans and vertical merges kept as in the layout (a continued merge is an empty cell).
public struct WordDocument: Sendable {
    public var file: String
    /// Body paragraphs outside tables, with their 1-based position among all paragraphs.
    public var paragraphs: [WordParagraph]
    public var tables: [Sheet]
    /// For each table, where its paragraphs are (to anchor comments on the table or one of its cells).
    public var tableAnchors: [TableParagraphs]
    /// The texts of the comments the document already carries (word/comments.xml).
    public var comments: [String]
    /// The document's charts, with the data cached in their parts.
    public var charts: [WordChart]

    public init(url: URL, limits: PackageLimits = .standard) throws {
        try self.init(package: OfficePackage(url: url, limits: limits))
    }

    public init(package: OfficePackage) throws {
        file = package.file
        let path = try Relationships.officeDocument(in: package) ?? "word/document.xml"
        guard package.contains(path), !path.hasPrefix("xl/"), !path.hasPrefix("ppt/") else {
            throw OfficeError(file: package.file, reason: package.contains("xl/workbook.xml")
                ? "这是 Excel 工作簿，不是 Word 文档" : "不是 Word 文档（缺少 \(path)）")
        }
        var builder = DocxBuilder()
        try XMLEvents.parse(
            package.xmlPart(path), file: package.file, part: path,
            start: { name, attributes in builder.start(name, attributes) },
            end: { name in builder.end(name) },
            text: { text in builder.text(text) })
        paragraphs = builder.paragraphs
        tables = builder.tables
        tableAnchors = builder.tableAnchors
        charts = try WordChartReader.charts(in: package)
        comments = []
        if package.contains("word/comments.xml") {
            var current: String?
            var inText = false
            var texts: [String] = []
            try XMLEvents.parse(
                package.xmlPart("word/comments.xml"), file: package.file, part: "word/comments.xml",
                start: { name, _ in
                    if name == "comment" { current = "" }
                    if name == "t" { inText = true }
                    if name == "p", let text = current, !text.isEmpty { current = text + "\n" }
                },
                end: { name in
                    if name == "t" { inText = false }
                    if name == "comment", let text = current { texts.append(text); current = nil }
                },
                text: { text in if inText, let existing = current { current = existing + text } })
            comments = texts
        }
    }
}

/// A paragraph of a Word document and its position.
public struct WordParagraph: Hashable, Sendable {
    public var text: String
    public var number: Int
}
