import Foundation
import Hummingbird
import JixiaoCore

/// Amounts typed into forms: digits with thousands commas allowed, at most to the 分, in the unit the field names; an
/// amount that is not one is a 422 naming the field.
enum FormAmount {
    static func money(_ text: String, unit: MoneyUnit, field: String) throws -> Money {
        let numeral = text.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "，", with: "").trimmingCharacters(in: .whitespaces)
        let value: ExactDecimal
        do { value = try ExactDecimal(parsing: numeral) } catch {
            throw HTTPError(.unprocessableContent, message: "“\(field)”应为数字，收到“\(text.prefix(30))”")
        }
        guard value.rounded(scale: unit.fenExponent) == value else {
            throw HTTPError(.unprocessableContent, message: "“\(field)”比 1 分还细，收到“\(text.prefix(30))”")
        }
        guard let money = Money(value, unit: unit) else { throw HTTPError(.unprocessableContent, message: "“\(field)”超出范围") }
        return money
    }

    /// The amount, or nil for an empty field.
    static func optional(_ text: String, unit: MoneyUnit, field: String) throws -> Money? {
        text.trimmingCharacters(in: .whitespaces).isEmpty ? nil : try money(text, unit: unit, field: field)
    }

    /// A positive amount, or nil for an empty field.
    static func positive(_ text: String, unit: MoneyUnit, field: String) throws -> Money? {
        guard let money = try optional(text, unit: unit, field: field) else { return nil }
        guard money.fen > 0 else { throw HTTPError(.unprocessableContent, message: "“\(field)”应为正数，收到“\(text.prefix(30))”") }
        return money
    }
}
