import Foundation
import JixiaoCore
import JixiaoOffice

/// The statements of final accounts as a workbook, a sheet per statement of the set, each with its title, the unit and
/// the year above its table, printing on A4 like the form.
public enum DisclosureWorkbook {
    public static func data(_ accounts: FinalAccounts, outline: DisclosureOutline) throws -> Data {
        guard let statements = outline.statementSets[accounts.statementSet] else {
            throw DisclosureError.unknownStatementSet(accounts.statementSet, known: outline.statementSets.keys.sorted())
        }
        let tables = StatementTables(accounts: accounts)
        let sheets = statements.map { spec in
            let table = tables.worksheet(spec)
            var sheet = WorksheetContent(name: String(spec.title.prefix(28)))
            let columns = max(table.usedRange?.end.column ?? 1, 2)
            sheet.merge(CellRange(start: CellReference(row: 1, column: 1), end: CellReference(row: 1, column: columns)), .text(spec.title), style: .title)
            sheet.merge(CellRange(start: CellReference(row: 2, column: 1), end: CellReference(row: 2, column: columns)),
                        .text("编制单位：\(accounts.agency.name)　　\(accounts.fiscalYear)年度　　单位：万元"), style: CellStyle(alignment: .left, bordered: false))
            for (reference, value) in table.cells {
                sheet.set(CellReference(row: reference.row + 2, column: reference.column), value.0, style: value.1)
            }
            sheet.columnWidths = table.columnWidths
            sheet.printTitleRows = 3...3
            return sheet
        }
        return try WorkbookWriter.write(sheets, title: "\(accounts.agency.name)\(accounts.fiscalYear)年度部门决算")
    }
}
