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
            stack[stack.count - 1].row += 1
            stack[stack.count - 1].column = 0
        case "tc":
            stack[stack.count - 1].cell = ""
            stack[stack.count - 1].span = 1
            stack[stack.count - 1].continuesAbove = false
        case "gridSpan":
            stack[stack.count - 1].span = Int(attributes["w:val"] ?? attributes["val"] ?? "1") ?? 1
        case "vMerge":
            let value = attributes["w:val"] ?? attributes["val"]
            stack[stack.count - 1].continuesAbove = value == nil || value == "continue"
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
                let cell = stack[stack.count - 1].cell
                stack[stack.count - 1].cell = cell.isEmpty ? paragraph : cell + "\n" + paragraph
            }
        case "tc":
            var table = stack[stack.count - 1]
            table.column += 1
            if !table.continuesAbove, !table.cell.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                table.cells[CellReference(row: table.row, column: table.column)] = .text(table.cell)
            }
            table.column += table.span - 1
            stack[stack.count - 1] = table
        case "tbl":
            let table = stack.removeLast()
            tables.append(Sheet(name: "表\(tables.count + 1)", cells: table.cells))
        default: break
        }
    }

    mutating func text(_ text: String) {
        if inText { paragraph += text }
    }
}
