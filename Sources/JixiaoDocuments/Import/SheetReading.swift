import JixiaoCore
import JixiaoOffice

/// A sheet being read, with the problems its cells give.
struct SheetReading {
    let sheet: Sheet
    let file: String
    /// Rows of text split at spaces: a token that is not an amount is the next label, not a bad cell; an amount is
    /// printed with decimals (or is 0), so a code is never taken for one.
    var tokens = false
    /// The unit the statement states its amounts in.
    var unit: MoneyUnit = .wan
    var problems: [Finding] = []

    /// The amount (万元) in a cell; a cell that holds something else is a problem and no amount.
    mutating func money(row: Int, column: Int, field: String) -> Money? {
        if tokens {
            let text = sheet.compactText(row: row, column: column)
            guard text == "0" || text.contains(".") || text.contains(","), FinalAccountsReader.isNumeral(text) else { return nil }
        }
        do {
            guard let read = try CellNumbers(sheet: sheet, file: file).money(row: row, column: column, field: field) else { return nil }
            guard let money = unit == .wan ? read : Money(read.amount(in: .wan), unit: unit),
                money.fen.magnitude <= FinalAccounts.maximumAmount.fen.magnitude
            else {
                throw sheet.location(file, row: row, column: column).error("\(field)超出金额上限（\(FinalAccounts.maximumAmount.wanText)万元）")
            }
            return money
        } catch let error as OfficeError {
            problems.append(Finding(
                rule: "final.cell", severity: .error, location: sheet.location(file, row: row, column: column),
                quote: sheet.text(row: row, column: column), expected: "金额（万元）", stated: sheet.text(row: row, column: column),
                explanation: error.reason))
            return nil
        } catch {
            return nil
        }
    }
}
