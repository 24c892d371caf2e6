/// The state of reading document.xml: the paragraph being read and the tables open around it.
struct DocxBuilder {
    var paragraphs: [WordParagraph] = []
    var tables: [Sheet] = []
    /// For each top-level table, the number of its first paragraph.
    var tableAnchors: [Int] = []
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
            if stack.isEmpty { tableAnchors.append(paragraphCount + 1) }
            stack.append(TableState())
        case "tr":
            inTable { table in
                table.row += 1
                table.column = 0
            }
        case "tc":
            inTable { table in
                table.cell = ""
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
                inTable { table in table.cell = table.cell.isEmpty ? text : table.cell + "\n" + text }
            }
        case "tc":
            inTable { table in
                table.column += 1
                if !table.continuesAbove, !table.cell.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                    table.cells[CellReference(row: table.row, column: table.column)] = .text(table.cell)
                }
                table.column += table.span - 1
            }
        case "tbl":
            guard let table = stack.popLast() else { break }
            tables.append(Sheet(name: "表\(tables.count + 1)", cells: table.cells))
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
