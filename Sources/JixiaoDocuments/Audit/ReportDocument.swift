import JixiaoCore
import JixiaoOffice

/// A report as the audit reads it: its paragraphs in order and its tables as grids.
public struct ReportDocument: Sendable {
    public var file: String
    public var paragraphs: [Paragraph]
    public var tables: [Sheet]
    /// For DOCX, where each table's paragraphs are, to anchor comments on findings in tables.
    public var tableAnchors: [TableParagraphs]
    /// For each table, how many body paragraphs come before it.
    public var tablePositions: [Int]
    /// For DOCX, its charts with the data cached in them.
    public var charts: [WordChart]

    public init(file: String, paragraphs: [Paragraph], tables: [Sheet], tableAnchors: [TableParagraphs] = [], tablePositions: [Int] = [],
                charts: [WordChart] = []) {
        self.file = file
        self.paragraphs = paragraphs
        self.tables = tables
        self.tableAnchors = tableAnchors
        self.tablePositions = tablePositions
        self.charts = charts
    }

    /// Each table with the short paragraphs just above it (its title and the line under it, as disclosures print
    /// a statement's "六、一般公共预算财政拨款支出决算表" and "单位：万元").
    public var titledTables: [(title: String, sheet: Sheet)] {
        tables.enumerated().map { index, sheet in
            let position = tablePositions.indices.contains(index) ? min(tablePositions[index], paragraphs.count) : 0
            let above = paragraphs[max(0, position - 2)..<position].map(\.text)
            return (above.filter { $0.count <= 80 }.joined(separator: " "), sheet)
        }
    }

    /// The report as Word blocks, each table in its place among the paragraphs.
    public var wordBlocks: [WordWriter.Block] {
        var blocks: [WordWriter.Block] = []
        var nextTable = 0
        for (index, paragraph) in paragraphs.enumerated() {
            while nextTable < tables.count, tablePositions.indices.contains(nextTable), tablePositions[nextTable] <= index {
                blocks.append(.table(WordTable(texts: tables[nextTable].rows)))
                nextTable += 1
            }
            blocks.append(.paragraph(paragraph.text))
        }
        blocks += tables[nextTable...].map { .table(WordTable(texts: $0.rows)) }
        return blocks
    }
}
