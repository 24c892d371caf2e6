import Foundation
import JixiaoCore
import JixiaoOffice

/// Reads weights, scores and amounts from cells: numbers, numbers stored as text ("99.99％", "10分",
/// "300万元"), "/" for not applicable; anything else is an error naming the cell.
struct CellNumbers {
    let sheet: Sheet
    let file: String

    /// A weight or score (分值 / 得分).
    func stated(row: Int, column: Int?, field: String) throws -> StatedNumber {
        guard let column else { return .absent }
        let place = sheet.location(file, row: row, column: column)
        guard let value = sheet.value(CellReference(row: row, column: column)) else { return .absent }
        if let number = value.exactNumber { return .value(number) }
        var text = sheet.compactText(row: row, column: column)
        if text.isEmpty { return .absent }
        if NotApplicable.matches(text) { return .notApplicable }
        if text.hasSuffix("分") { text.removeLast() }
        do {
            return .value(try ExactDecimal(parsing: text))
        } catch .outOfRange {
            throw place.error("\(field)：\(NumeralError.outOfRange.message(for: text))")
        } catch {
            throw place.error("\(field)应为数字或“/”，实为“\(text.prefix(40))”")
        }
    }

    /// An amount in 万元, as the budget block states it.
    func money(row: Int, column: Int?, field: String) throws -> Money? {
        guard let column, sheet.isOrigin(CellReference(row: row, column: column)) else { return nil }
        let place = sheet.location(file, row: row, column: column)
        guard let value = sheet.value(CellReference(row: row, column: column)) else { return nil }
        if let number = value.exactNumber { return Money(number, unit: .wan) }
        let text = sheet.compactText(row: row, column: column)
        if text.isEmpty || NotApplicable.matches(text) { return nil }
        do {
            return Money(try ExactDecimal(parsing: text), unit: .wan)
        } catch .outOfRange {
            throw place.error("\(field)：\(NumeralError.outOfRange.message(for: text))")
        } catch {}
        if case .quantity(let quantity) = ValueReader.read(text), quantity.comparator == nil, let money = quantity.money {
            return money
        }
        throw place.error("\(field)应为金额（万元），实为“\(text.prefix(40))”")
    }

    /// A rate in percent: "99.99％" → 99.99; a numeric cell holding a fraction (0.9999) → 99.99.
    func percent(row: Int, column: Int?, field: String) throws -> StatedNumber {
        guard let column else { return .absent }
        let place = sheet.location(file, row: row, column: column)
        guard let value = sheet.value(CellReference(row: row, column: column)) else { return .absent }
        if let number = value.exactNumber { return .value(number <= 2 ? number * 100 : number) }
        let text = sheet.compactText(row: row, column: column)
        if text.isEmpty { return .absent }
        if NotApplicable.matches(text) { return .notApplicable }
        if case .quantity(let quantity) = ValueReader.read(text), quantity.comparator == nil,
            quantity.unit == "%" || quantity.unit == nil
        {
            return .value(quantity.number)
        }
        throw place.error("\(field)应为百分比，实为“\(text.prefix(40))”")
    }
}
