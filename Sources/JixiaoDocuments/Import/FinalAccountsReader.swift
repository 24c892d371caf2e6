import Foundation
import JixiaoCore
import JixiaoOffice

/// Reads the statements of a published disclosure (tables of a DOCX or PDF, sheets of the XLSX 决算 software exports)
/// into ``FinalAccounts``: each table known by its title (above it or in its first rows), its lines by their labels,
/// codes and column headers. What the statements state as totals goes to ``FinalAccounts/stated``, so the checks can
/// compare them with their lines. A cell that should hold an amount and does not is reported, naming it, and left out.
struct FinalAccountsReader {
    let file: String
    var layout: FinalAccountsLayout = .shipped

    /// A table with the title printed above it (nil when the title is inside the table or there is none). `tokens`:
    /// its rows are lines of text split at spaces (a PDF's text without columns), so a cell's column says nothing and
    /// a missing figure leaves no empty cell: only what the order of a row makes certain is read.
    struct Table {
        var title: String?
        var sheet: Sheet
        var tokens = false
    }

    /// The accounts the tables state and the problems met; nil when no table is a statement.
    func read(_ tables: [Table], agency: String, year: Int) -> (FinalAccounts, [Finding])? {
        var accounts = FinalAccounts(agency: Agency(name: agency), fiscalYear: year)
        var problems: [Finding] = []
        var found = false
        for table in tables {
            guard let kind = statement(of: table) else { continue }
            found = true
            var reading = SheetReading(sheet: table.sheet, file: file, tokens: table.tokens, unit: unit(of: table))
            switch kind {
            case .summary: summary(&reading, into: &accounts)
            case .income: incomeStatement(&reading, into: &accounts)
            case .spending: spendingStatement(&reading, into: &accounts)
            case .appropriationSummary: appropriationSummary(&reading, into: &accounts)
            case .generalBudget: accounts.generalBudgetLines += functionalLines(&reading, total: .generalBudgetSpending, into: &accounts)
            case .governmentFunds: accounts.governmentFundsLines += functionalLines(&reading, total: .governmentFundsSpending, into: &accounts)
            case .stateCapital: accounts.stateCapitalLines += functionalLines(&reading, total: .stateCapitalSpending, into: &accounts)
            case .generalBudgetBasic: basic(&reading, into: &accounts)
            case .officialExpenses: officialExpenses(&reading, into: &accounts)
            case .generalBudgetProject, .notHeld: break
            }
            problems += reading.problems
        }
        return found ? (accounts, problems) : nil
    }

    /// The unit a statement states its amounts in ("单位：元" above it or in its first rows), 万元 when it says nothing.
    func unit(of table: Table) -> MoneyUnit {
        let head = ([table.title ?? ""] + (1...min(3, max(table.sheet.rowCount, 1))).map { row in
            table.sheet.entries(in: row).map { table.sheet.compactText($0) }.joined()
        }).joined().filter { !$0.isWhitespace }
        for unit in [MoneyUnit.yuan, .yi] where HeaderWords.includes(head, "单位：\(unit.rawValue)") || HeaderWords.includes(head, "单位:\(unit.rawValue)") {
            if unit == .yuan, HeaderWords.includes(head, "单位：万元") || HeaderWords.includes(head, "单位:万元") { continue }
            return unit
        }
        return .wan
    }

    /// The statement a table is: its title above it or in its first two rows, by the longest title word it holds.
    func statement(of table: Table) -> StatementTable? {
        let head = ([table.title ?? ""] + (1...min(2, max(table.sheet.rowCount, 1))).map { row in
            table.sheet.entries(in: row).map { table.sheet.compactText($0) }.joined()
        }).joined()
        let compact = head.filter { !$0.isWhitespace }
        let matches = layout.statements.flatMap { key, words in words.filter { HeaderWords.includes(compact, $0) }.map { (key, $0.count) } }
        return matches.max { $0.1 < $1.1 }.flatMap { StatementTable(rawValue: $0.0) }
    }

    // MARK: Label and amount layouts

    /// The labels of a row that name a key of `words`, each with the amount in the first filled cell after it (a 行次
    /// column of small whole numbers is passed over). A cell there that is neither an amount nor a label is a problem.
    private func pairs(_ reading: inout SheetReading, row: Int, words: [String: [String]]) -> [(key: String, amount: Money?)] {
        let entries = reading.sheet.entries(in: row).filter(\.isOrigin)
        var result: [(String, Money?)] = []
        for (index, entry) in entries.enumerated() {
            let text = reading.sheet.compactText(entry)
            guard !Self.isNumeral(text), let key = Self.key(text, words) else { continue }
            // The cell right after the label, past a 行次 column; empty means no amount.
            var column = entry.columns.upperBound + 1
            if Self.isLineNumber(reading.sheet.compactText(row: row, column: column)) { column += 1 }
            let value = reading.sheet.compactText(row: row, column: column)
            guard !value.isEmpty, Self.key(value, words) == nil else {
                result.append((key, nil))
                continue
            }
            result.append((key, reading.money(row: row, column: column, field: text)))
            continue
        }
        return result
    }

    private func summary(_ reading: inout SheetReading, into accounts: inout FinalAccounts) {
        let words = layout.summary.merging(layout.income) { $1 }
        for row in reading.sheet.occupiedRows {
            var totals = 0
            for (position, (key, amount)) in pairs(&reading, row: row, words: words).enumerated() {
                guard let amount else { continue }
                if let source = IncomeSource(rawValue: key), layout.income[key] != nil, position == 0 {
                    accounts.income.removeAll { $0.source == source }
                    if amount.fen != 0 { accounts.income.append(IncomeLine(source: source, amount: amount)) }
                    continue
                }
                switch key {
                case "income": accounts.stated[.income] = amount
                case "spending": accounts.stated[.spending] = amount
                case "nonFiscalBalanceUsed": accounts.nonFiscalBalanceUsed = amount
                case "openingBalance": accounts.openingBalance = amount
                case "balanceAllocation": accounts.balanceAllocation = amount
                case "closingBalance": accounts.closingBalance = amount
                case "total":
                    accounts.stated[totals == 0 ? .incomeTotal : .spendingTotal] = amount
                    totals += 1
                default: break
                }
            }
        }
    }

    private func appropriationSummary(_ reading: inout SheetReading, into accounts: inout FinalAccounts) {
        for row in reading.sheet.occupiedRows {
            var sides: [String: Int] = [:]
            for (key, amount) in pairs(&reading, row: row, words: layout.appropriation) {
                guard let amount else { continue }
                let side = sides[key, default: 0]
                sides[key] = side + 1
                switch (key, side) {
                case ("openingBalance", _): accounts.appropriation.openingBalance = amount
                case ("closingBalance", _): accounts.appropriation.closingBalance = amount
                case ("total", 0): accounts.stated[.appropriationIncomeTotal] = amount
                case ("total", _): accounts.stated[.appropriationSpendingTotal] = amount
                case ("generalBudget", 1): accounts.stated[.generalBudgetSpending] = amount
                case ("governmentFunds", 1): accounts.stated[.governmentFundsSpending] = amount
                case ("stateCapital", 1): accounts.stated[.stateCapitalSpending] = amount
                default: break
                }
            }
        }
    }

    // MARK: Header and lines layouts

    /// The first row holding at least two of the headers `words` names, with each key's column.
    private func header(_ sheet: Sheet, _ words: [String: [String]]) -> (row: Int, columns: [String: Int])? {
        for row in sheet.occupiedRows.prefix(8) {
            var columns: [String: Int] = [:]
            for entry in sheet.entries(in: row) where entry.isOrigin {
                if let key = Self.key(sheet.compactText(entry), words), columns[key] == nil { columns[key] = entry.columns.lowerBound }
            }
            if columns.count >= 2 { return (row, columns) }
        }
        return nil
    }

    /// The 合计 row below `header`: labelled 合计 / 本年收入合计, or else the first row of amounts.
    private func totalRow(_ sheet: Sheet, below header: Int) -> Int? {
        let rows = sheet.occupiedRows.filter { $0 > header }
        return rows.first { row in sheet.entries(in: row).contains { ["合计", "本年收入合计", "本年支出合计", "总计"].contains(sheet.compactText($0)) } }
            ?? rows.first { row in sheet.entries(in: row).contains { Self.isNumeral(sheet.compactText($0)) } }
    }

    private func incomeStatement(_ reading: inout SheetReading, into accounts: inout FinalAccounts) {
        // Lines of text leave no column for a missing figure: the sources cannot be told apart.
        guard !reading.tokens, accounts.income.isEmpty, let (row, columns) = header(reading.sheet, layout.income),
            let total = totalRow(reading.sheet, below: row) else { return }
        for source in IncomeSource.allCases {
            if let column = columns[source.rawValue], let amount = reading.money(row: total, column: column, field: source.label), amount.fen != 0 {
                accounts.income.append(IncomeLine(source: source, amount: amount))
            }
        }
    }

    private func spendingStatement(_ reading: inout SheetReading, into accounts: inout FinalAccounts) {
        guard !reading.tokens, let (row, columns) = header(reading.sheet, layout.spendingKinds), let total = totalRow(reading.sheet, below: row) else { return }
        func amount(_ key: String, _ name: String) -> Money? { columns[key].flatMap { reading.money(row: total, column: $0, field: name) } }
        accounts.spending = SpendingByKind(
            basic: amount("basic", "基本支出"), project: amount("project", "项目支出"), toSuperior: amount("toSuperior", "上缴上级支出"),
            operating: amount("operating", "经营支出"), subsidiaries: amount("subsidiaries", "对附属单位补助支出"))
        if let stated = amount("total", "本年支出合计") { accounts.stated[.spending] = stated }
    }

    /// Lines by 功能分类 (code and name; budget, 基本, 项目, 合计): a code of 3, 5 or 7 digits (or split over 类 / 款 / 项
    /// columns) places each line under the 类 and 款 above it; the 合计 row is the statement's stated total.
    private func functionalLines(_ reading: inout SheetReading, total: AccountsFigure, into accounts: inout FinalAccounts) -> [FunctionalLine] {
        if reading.tokens { return functionalTokens(&reading, total: total, into: &accounts) }
        let sheet = reading.sheet
        guard let (headerRow, columns) = header(sheet, layout.columns) else { return [] }
        let amountColumns = columns.filter { $0.key != "code" && $0.key != "name" }
        let codeColumn = columns["code"] ?? 1
        let nameColumn = columns["name"] ?? (codeColumn + 1)
        var lines: [FunctionalLine] = []
        var parents: [String: String] = [:]
        var stack: [String] = []
        for row in sheet.occupiedRows where row > headerRow {
            let entries = sheet.entries(in: row).filter(\.isOrigin)
            var code = sheet.compactText(row: row, column: codeColumn)
            var name = sheet.compactText(row: row, column: nameColumn)
            // "2240101 行政运行" in one cell, or the code split over 类 / 款 / 项 cells before the name.
            if let (digits, rest) = Self.codeAndName(code, lengths: 3...7), name.isEmpty || name == code {
                code = digits
                name = rest
            }
            let digits = entries.prefix { $0.columns.lowerBound < nameColumn }.map { sheet.compactText($0) }
            if digits.count > 1, digits.allSatisfy({ $0.allSatisfy(\.isNumber) }) { code = digits.joined() }
            func amount(_ key: String) -> Money? { amountColumns[key].flatMap { reading.money(row: row, column: $0, field: "\(name)的\(key == "total" ? "合计" : key == "budget" ? "预算数" : key == "basic" ? "基本支出" : "项目支出")") } }
            if name.isEmpty && code.isEmpty { continue }
            if ["合计", "总计", "支出合计"].contains(code) || ["合计", "总计"].contains(name) {
                if let value = amount("total") { accounts.stated[total] = value }
                continue
            }
            guard let actual = amount("total") else { continue }
            if code.isEmpty {
                // No code: the level by the name's indent (a full-width space or two spaces a level).
                let raw = sheet.text(row: row, column: nameColumn)
                let indent = raw.prefix { $0 == "　" || $0 == " " }.reduce(0) { $0 + ($1 == "　" ? 2 : 1) } / 2
                stack = Array(stack.prefix(min(indent, 2))) + [name]
                lines.append(FunctionalLine(names: stack, budget: amount("budget"), basic: amount("basic"), project: amount("project"), actual: actual))
                continue
            }
            guard code.count == 3 || code.count == 5 || code.count == 7, code.allSatisfy(\.isNumber) else { continue }
            parents[code] = name
            // The 类 and 款 names: by their codes where printed, else the lines above it.
            let above = [3, 5].filter { $0 < code.count }
            let names = above.enumerated().map { level, length in
                parents[String(code.prefix(length))] ?? (level < stack.count ? stack[level] : String(code.prefix(length)))
            } + [name]
            stack = names
            lines.append(FunctionalLine(code: code, names: names, budget: amount("budget"), basic: amount("basic"), project: amount("project"), actual: actual))
        }
        return lines
    }

    /// 基本支出 by 经济分类: every code of 3 or 5 digits from 3 with its name and the amount after it, anywhere in the row
    /// (the statement sets 人员经费 and 公用经费 side by side); 301 and 303 are 人员经费, the rest 公用经费.
    private func basic(_ reading: inout SheetReading, into accounts: inout FinalAccounts) {
        let sheet = reading.sheet
        for row in sheet.occupiedRows {
            let entries = sheet.entries(in: row).filter(\.isOrigin)
            for (index, entry) in entries.enumerated() {
                var code = sheet.compactText(entry)
                var name = index + 1 < entries.count ? sheet.compactText(entries[index + 1]) : ""
                var amountIndex = index + 2
                if let (digits, rest) = Self.codeAndName(code, lengths: 5...5), digits.hasPrefix("3") {
                    code = digits
                    name = rest
                    amountIndex = index + 1
                } else if reading.tokens, index + 1 < entries.count, Self.isNumeral(name) {
                    // A name wrapped onto the lines around its row: the amount follows the code.
                    name = code
                    amountIndex = index + 1
                }
                guard code.count == 5, code.hasPrefix("3"), code.allSatisfy(\.isNumber), amountIndex < entries.count, !Self.isNumeral(sheet.compactText(entries[max(index - 1, 0)])) || index == 0 || !reading.tokens,
                    let amount = reading.money(row: row, column: entries[amountIndex].columns.lowerBound, field: name)
                else { continue }
                let group: EconomicLine.BasicGroup = code.hasPrefix("301") || code.hasPrefix("303") ? .personnel : .publicFunds
                accounts.basicLines.append(EconomicLine(code: code, name: name, group: group, amount: amount))
            }
            for (key, figure) in [(layout.personnelTotal, AccountsFigure.personnel), (layout.publicFundsTotal, .publicFunds)] {
                for (_, amount) in pairs(&reading, row: row, words: ["total": key]) { if let amount { accounts.stated[figure] = amount } }
            }
        }
    }

    /// "三公" with items as rows (预算数 · 决算数 columns) or as columns under 预算数 and 决算数 headers.
    private func officialExpenses(_ reading: inout SheetReading, into accounts: inout FinalAccounts) {
        let sheet = reading.sheet
        var items: [String: BudgetAndActual] = [:]
        if let (headerRow, columns) = header(sheet, layout.officialColumns) {
            // Items as rows.
            for row in sheet.occupiedRows where row > headerRow {
                guard let key = Self.key(sheet.compactText(row: row, column: 1), layout.official) else { continue }
                items[key] = BudgetAndActual(
                    budget: columns["budget"].flatMap { reading.money(row: row, column: $0, field: "“三公”经费预算数") },
                    actual: columns["actual"].flatMap { reading.money(row: row, column: $0, field: "“三公”经费决算数") })
            }
        }
        if items.isEmpty, let itemRow = sheet.occupiedRows.prefix(8).first(where: { row in
            sheet.entries(in: row).filter { Self.key(sheet.compactText($0), layout.official) != nil }.count >= 3
        }), let data = sheet.occupiedRows.first(where: { $0 > itemRow && sheet.entries(in: $0).contains { Self.isNumeral(sheet.compactText($0)) } }) {
            // Items as columns, twice: under 预算数, then under 决算数.
            var seen: [String: Int] = [:]
            for entry in sheet.entries(in: itemRow) where entry.isOrigin {
                guard let key = Self.key(sheet.compactText(entry), layout.official) else { continue }
                let occurrence = seen[key, default: 0]
                seen[key] = occurrence + 1
                let amount = reading.money(row: data, column: entry.columns.lowerBound, field: sheet.compactText(entry))
                var item = items[key] ?? BudgetAndActual()
                if occurrence == 0 { item.budget = amount } else { item.actual = amount }
                items[key] = item
            }
        }
        var expenses = accounts.officialExpenses
        expenses.overseas = items["overseas"] ?? expenses.overseas
        expenses.vehiclePurchase = items["vehiclePurchase"] ?? expenses.vehiclePurchase
        expenses.vehicleOperation = items["vehicleOperation"] ?? expenses.vehicleOperation
        expenses.reception = items["reception"] ?? expenses.reception
        if items["vehiclePurchase"] == nil, items["vehicleOperation"] == nil, let vehicles = items["vehicles"] {
            expenses.vehicleOperation = vehicles
        }
        accounts.officialExpenses = expenses
        if let total = items["total"]?.actual { accounts.stated[.officialExpenses] = total }
        if let total = items["total"]?.budget { accounts.stated[.officialExpensesBudget] = total }
        if let vehicles = items["vehicles"]?.actual, items["vehiclePurchase"] != nil || items["vehicleOperation"] != nil {
            accounts.stated[.vehicles] = vehicles
        }
    }

    // MARK: Helpers

    /// The key a label names: equal to a word, else the longest word it contains (spaces of a PDF's text ignored).
    static func key(_ text: String, _ words: [String: [String]]) -> String? {
        HeaderWords.key(of: text.filter { !$0.isWhitespace }, in: words)
    }

    /// "2240101 行政运行" → ("2240101", "行政运行"): a code of `lengths` digits and the name after it; nil otherwise.
    static func codeAndName(_ text: String, lengths: ClosedRange<Int>) -> (String, String)? {
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        let rest = text.dropFirst(digits.count).trimmingCharacters(in: .whitespaces)
        guard lengths.contains(digits.count), !rest.isEmpty else { return nil }
        return (String(digits), rest)
    }

    /// "1", "12": a 行次 (line number) cell, not an amount.
    static func isLineNumber(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 2 && text.allSatisfy(\.isNumber)
    }

    static func isNumeral(_ text: String) -> Bool { AmountText.isAmount(text) }
}
