/// The state of reading document.xml: the paragraph being read and the tables open around it.
struct DocxBuilder {
    var paragraphs: [WordParagraph] = []
    var tables: [Sheet] = []
    /// For each table (in the order of ``tables``), where its paragraphs are.
    var tableAnchors: [TableParagraphs] = []
    private var paragraph = ""
    private var inText = false
    private var paragraphCount = 0
    /// Open tables (nested ones inside cells): rows of cells, the current row and cell.
    private var stack: [TableState] = []

    struct TableState {
        var cells: [CellReference: CellValue] = [:]
        var row = 0
        var column = 0
        var span = 1
        var cell = ""
        var continuesAbove = false
        var anchors: TableParagraphs
        /// The numbers of the current cell's paragraphs.
        var cellParagraphs: ClosedRange<Int>?
    }

    /// Word tables have at most 63 columns; a wider span in a file is clamped, so no span can overflow a column.
    static let maximumSpan = 63

    mutating func start(_ name: String, _ attributes: [String: String]) {
        switch name {
        case "p": paragraph = ""
        case "t": inText = true
        case "tab": paragraph += "\t"
        case "br", "cr": paragraph += "\n"
        case "tbl":
            stack.append(TableState(anchors: TableParagraphs(first: paragraphCount + 1)))
        case "tr":
            inTable { table in
                table.row += 1
                table.column = 0
            }
        case "tc":
            inTable { table in
                table.cell = ""
                table.cellParagraphs = nil
                table.span = 1
                table.continuesAbove = false
            }
        case "gridSpan":
            let span = Int(attributes["w:val"] ?? attributes["val"] ?? "1") ?? 1
            inTable { $0.span = min(max(span, 1), Self.maximumSpan) }
        case "vMerge":
            let value = attributes["w:val"] ?? attributes["val"]
            inTable { $0.continuesAbove = value == nil || value == "continue" }
        default: break
        }
    }

    mutating func end(_ name: String) {
        switch name {
        case "t": inText = false
        case "p":
            paragraphCount += 1
            if stack.isEmpty {
                if !paragraph.trimmingCharacters(in: .whitespaces).isEmpty {
                    paragraphs.append(WordParagraph(text: paragraph, number: paragraphCount))
                }
            } else {
                let text = paragraph
                let number = paragraphCount
                inTable { table in
                    table.cell = table.cell.isEmpty ? text : table.cell + "\n" + text
                    table.cellParagraphs = (table.cellParagraphs?.lowerBound ?? number)...number
                }
            }
        case "tc":
            inTable { table in
                table.column += 1
                let reference = CellReference(row: table.row, column: table.column)
                if !table.continuesAbove, !table.cell.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                    table.cells[reference] = .text(table.cell)
                }
                if let numbers = table.cellParagraphs { table.anchors.cells[reference] = numbers }
                table.column += table.span - 1
            }
        case "tbl":
            guard let table = stack.popLast() else { break }
            tables.append(Sheet(name: "表\(tables.count + 1)", cells: table.cells))
            tableAnchors.append(table.anchors)
        default: break
        }
    }

    /// Applies `change` to the innermost open table. A row, cell or merge element outside any table (a malformed
    /// document.xml) has no table to change and is ignored, like the stray end of a table.
    private mutating func inTable(_ change: (inout TableState) -> Void) {
        guard !stack.isEmpty else { return }
        change(&stack[stack.count - 1])
    }

    mutating func text(_ text: String) {
        if inText { paragraph += text }
    }
}

/// Where a table's paragraphs are among a document's paragraphs (numbered from 1, tables included): its first one,
/// where a comment on the whole table goes, and each cell's, which a comment on that cell covers.
public struct TableParagraphs: Hashable, Sendable {
    public var first: Int
    public var cells: [CellReference: ClosedRange<Int>] = [:]

    /// The paragraphs of `cell`: the cell's own, or inside a horizontal span the span's, or else the table's first.
    public func paragraphs(of cell: CellReference?) -> ClosedRange<Int> {
        guard let cell else { return first...first }
        if let numbers = cells[cell] { return numbers }
        let spanning = cells.filter { $0.key.row == cell.row && $0.key.column < cell.column }.max { $0.key.column < $1.key.column }
        return spanning?.value ?? first...first
    }
}
