import JixiaoCore
import JixiaoOffice

/// Statements printed as lines of text (a disclosure saved as text, or the text of a PDF without its columns).
extension FinalAccountsReader {
    /// The statements printed as lines of text (a disclosure saved as text, or a PDF's text): after each line that
    /// is a statement's title, its lines split at spaces, up to the next title or a note (注：).
    func tables(fromLines paragraphs: [Paragraph]) -> [Table] {
        var tables: [Table] = []
        var current: (title: String, rows: [[String]])?
        func close() {
            guard let (title, rows) = current, !rows.isEmpty else { return }
            var cells: [CellReference: CellValue] = [:]
            for (row, tokens) in rows.enumerated() {
                for (column, token) in tokens.enumerated() { cells[CellReference(row: row + 1, column: column + 1)] = .text(token) }
            }
            tables.append(Table(title: title, sheet: Sheet(name: title, cells: cells), tokens: true))
        }
        for paragraph in paragraphs {
            let text = paragraph.text.trimmingCharacters(in: .whitespaces)
            if text.count <= 40, !text.hasSuffix("说明"), statement(of: Table(title: text, sheet: Sheet(name: "", cells: [:]))) != nil {
                close()
                current = (text, [])
            } else if text.hasPrefix("注") || text.count > 150 {
                close()
                current = nil
            } else if current != nil {
                current?.rows.append(text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{3000}" }).map(String.init))
            }
        }
        close()
        return tables
    }

    /// Lines by 功能分类 from rows of tokens: a code, its name, then its amounts in the order the header words give
    /// (合计 · 基本支出 · 项目支出); a row with fewer amounts than headers gives only what its order makes certain (the
    /// first, when the first header is 合计).
    func functionalTokens(_ reading: inout SheetReading, total: AccountsFigure, into accounts: inout FinalAccounts) -> [FunctionalLine] {
        let sheet = reading.sheet
        var order: [String] = []
        var lines: [FunctionalLine] = []
        var parents: [String: String] = [:]
        for row in sheet.occupiedRows {
            let tokens = sheet.entries(in: row).map { sheet.compactText($0) }
            let keys = tokens.compactMap { token in Self.key(token, layout.columns).flatMap { ["code", "name"].contains($0) ? nil : $0 } }
            if order.isEmpty, keys.count >= 2 {
                order = keys
                continue
            }
            guard let first = tokens.first else { continue }
            let amounts = tokens.indices.filter { reading.money(row: row, column: $0 + 1, field: first) != nil }
            func value(_ key: String) -> Money? {
                guard let position = order.firstIndex(of: key), amounts.count == order.count || (position == 0 && !amounts.isEmpty) else { return nil }
                return reading.money(row: row, column: amounts[position] + 1, field: first)
            }
            if first == "合计" || first == "总计" {
                if let value = value("total") { accounts.stated[total] = value }
                continue
            }
            guard [3, 5, 7].contains(first.count), first.allSatisfy(\.isNumber), let actual = value("total") else { continue }
            let name = tokens.dropFirst().prefix { !FinalAccountsReader.isNumeral($0) }.joined()
            parents[first] = name.isEmpty ? first : name
            let names = [3, 5].filter { $0 < first.count }.map { parents[String(first.prefix($0))] ?? String(first.prefix($0)) } + [parents[first]!]
            lines.append(FunctionalLine(code: first, names: names, budget: value("budget"), basic: value("basic"), project: value("project"), actual: actual))
        }
        return lines
    }
}
