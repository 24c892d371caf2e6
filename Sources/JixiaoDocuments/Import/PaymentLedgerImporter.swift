import Foundation
import JixiaoCore
import JixiaoOffice

/// Reads a payment ledger (支付台账) from the XLSX or CSV a unit keeps: the header row found by its words
/// (Resources/Layouts/payment-ledger.json), 元 or 万元 told from the amount's header, one column per approval position
/// of the rules (a signature: the name, then the date if any; an act: its date, then its reference), the year,
/// unit, project and budget from the lines above the header ("单位：…", "项目名称：…", "全年预算数：48万元"; the unit given
/// by the caller where the file names none). Any cell that cannot be
/// read refuses the whole file, naming the sheet and cell: nothing is half-read.
public enum PaymentLedgerImporter {
    public static func load(_ url: URL, rules: ApprovalRules, agency: String = "") throws -> PaymentLedger {
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw OfficeError(file: url.lastPathComponent, reason: "文件不存在或无法读取") }
        return try read(data: data, file: url.lastPathComponent, rules: rules, agency: agency)
    }

    /// A ledger from an uploaded file's bytes, its type told by the name's extension.
    public static func read(data: Data, file name: String, rules: ApprovalRules, agency: String = "") throws -> PaymentLedger {
        let sheet: Sheet
        switch (name as NSString).pathExtension.lowercased() {
        case "xlsx", "xlsm":
            let workbook = try Workbook(data: data, file: name)
            guard let found = try workbook.sheets().first(where: { header(in: $0) != nil }) else {
                throw OfficeError(file: name, reason: "未找到支付台账的表头（需要“凭证号”和“金额”等列）")
            }
            sheet = found
        case "csv", "txt": sheet = try CSVReader.read(data, file: name)
        default: throw OfficeError(file: name, reason: "支付台账只能从 .xlsx 或 .csv 导入")
        }
        return try read(sheet, file: name, rules: rules, agency: agency)
    }

    /// The header row: the first holding the voucher and amount columns.
    static func header(in sheet: Sheet) -> Int? {
        sheet.occupiedRows.first { row in
            let texts = sheet.entries(in: row).map { sheet.compactText($0) }
            return texts.contains { $0.contains("凭证") } && texts.contains { $0.contains("金额") }
        }
    }

    static func read(_ sheet: Sheet, file: String, rules: ApprovalRules, agency: String) throws -> PaymentLedger {
        let layout = try RuleFiles.ledgerLayout()
        guard let headerRow = header(in: sheet) else {
            throw OfficeError(file: file, sheet: sheet.name, reason: "未找到支付台账的表头（需要“凭证号”和“金额”等列）")
        }
        var columns: [String: Int] = [:]
        var approvalColumns: [(ApprovalRules.Position, Int)] = []
        for entry in sheet.entries(in: headerRow) {
            let text = sheet.compactText(entry)
            if let position = rules.positions.first(where: { text.hasPrefix($0.name) }) {
                approvalColumns.append((position, entry.columns.lowerBound))
                continue
            }
            // The key whose word matches best: the header itself, else its longest word the header holds (合同金额 is
            // the contract's column's neighbour, not the amount's), in the layout's order.
            let matches = LedgerLayout.keys.compactMap { key -> (String, Int)? in
                guard columns[key] == nil, let words = layout.columns[key] else { return nil }
                if words.contains(text) { return (key, Int.max) }
                return words.filter { text.contains($0) }.map(\.count).max().map { (key, $0) }
            }
            if let best = matches.max(by: { $0.1 < $1.1 }) { columns[best.0] = entry.columns.lowerBound }
        }
        for required in ["date", "voucher", "payee", "amount"] where columns[required] == nil {
            throw OfficeError(file: file, sheet: sheet.name, cell: "第 \(headerRow) 行", reason: "支付台账缺少“\(layout.columns[required]?.first ?? required)”列")
        }
        let amountHeader = sheet.compactText(row: headerRow, column: columns["amount"]!)
        let unit: MoneyUnit
        if amountHeader.contains("万元") {
            unit = .wan
        } else if amountHeader.contains("元") {
            unit = .yuan
        } else {
            throw sheet.location(file, row: headerRow, column: columns["amount"]!).error("金额列的表头应写明单位（元或万元），实为“\(amountHeader)”")
        }
        var ledger = PaymentLedger(fiscalYear: nil, agency: Agency(name: ""), project: "", budget: nil, rules: rules.reference)
        for row in sheet.occupiedRows(in: 1...max(headerRow - 1, 1)) where row < headerRow {
            for entry in sheet.entries(in: row) {
                let text = entry.value.text.trimmingCharacters(in: .whitespaces)
                if let value = Self.labelled(text, ["项目名称", "项目"]) { ledger.project = value }
                if let value = Self.labelled(text, ["单位名称", "预算单位", "单位"]), ledger.agency.name.isEmpty { ledger.agency.name = value }
                if let value = Self.labelled(text, ["全年预算数", "预算数", "预算"]) {
                    ledger.budget = try Self.amount(value, place: sheet.location(file, row: row, column: entry.columns.lowerBound), defaultUnit: .wan)
                }
                if let match = text.firstMatch(of: /(20\d\d)\s*年/), ledger.fiscalYear == nil { ledger.fiscalYear = Int(match.1) }
            }
        }
        for row in sheet.occupiedRows(in: (headerRow + 1)...max(sheet.rowCount, headerRow + 1)) {
            func text(_ key: String) -> String {
                columns[key].map { sheet.text(row: row, column: $0).trimmingCharacters(in: .whitespacesAndNewlines) } ?? ""
            }
            let place = { (key: String) in sheet.location(file, row: row, column: columns[key] ?? 1) }
            if text("voucher").isEmpty && text("amount").isEmpty { continue }
            if ["合计", "总计", "小计"].contains(where: { text("date").hasPrefix($0) || text("voucher").hasPrefix($0) }) { continue }
            guard let date = CalendarDate(text("date")) ?? Self.serialDate(sheet, row: row, column: columns["date"]!) else {
                throw place("date").error("日期应为 YYYY-MM-DD，实为“\(text("date").prefix(30))”")
            }
            let amount: Money
            if let value = sheet.value(CellReference(row: row, column: columns["amount"]!))?.exactNumber {
                guard let money = Money(value, unit: unit) else { throw place("amount").error("金额超出范围") }
                amount = money
            } else {
                amount = try Self.amount(text("amount"), place: place("amount"), defaultUnit: unit)
            }
            var evidence: [Evidence] = []
            for kind in Evidence.Kind.allCases where !text(kind.rawValue).isEmpty {
                evidence.append(Evidence(kind: kind, reference: text(kind.rawValue)))
            }
            var approvals: [Approval] = []
            for (position, column) in approvalColumns {
                let cell = sheet.text(row: row, column: column).trimmingCharacters(in: .whitespacesAndNewlines)
                guard !cell.isEmpty else { continue }
                let words = cell.split(whereSeparator: { $0 == " " || $0 == "\u{3000}" || $0 == "\n" }).map(String.init)
                let date = words.lazy.compactMap(CalendarDate.init).first
                let rest = words.filter { CalendarDate($0) == nil }.joined(separator: " ")
                if position.kind == .act {
                    guard let date else {
                        throw sheet.location(file, row: row, column: column).error("\(position.name)须写明决议或同意的日期（YYYY-MM-DD），实为“\(cell.prefix(30))”")
                    }
                    approvals.append(Approval(position: position.id, by: PersonRef(name: position.name), date: date, reference: rest.isEmpty ? nil : rest))
                } else {
                    approvals.append(Approval(position: position.id, by: PersonRef(name: rest.isEmpty ? cell : rest), date: date))
                }
            }
            let source = layout.fundSources.first { _, words in words.contains { text("fundSource").contains($0) } }
                .flatMap { FundSource(rawValue: $0.key) } ?? .appropriation
            ledger.payments.append(Payment(
                voucher: text("voucher"), date: date, payee: text("payee"), amount: amount, purpose: text("purpose"), fundSource: source,
                evidence: evidence, enteredBy: PersonRef(name: text("enteredBy")), approvals: approvals))
        }
        if ledger.fiscalYear == nil { ledger.fiscalYear = ledger.payments.first?.date.year }
        if ledger.agency.name.isEmpty { ledger.agency.name = agency }
        if ledger.project.isEmpty { ledger.project = (file as NSString).deletingPathExtension }
        return ledger
    }

    /// The value after "label：" or "label:" in a text, for the first label that opens it.
    static func labelled(_ text: String, _ labels: [String]) -> String? {
        for label in labels where text.hasPrefix(label) {
            let rest = text.dropFirst(label.count).trimmingCharacters(in: .whitespaces)
            guard let first = rest.first, first == "：" || first == ":" else { continue }
            let value = rest.dropFirst().trimmingCharacters(in: .whitespaces)
            return value.isEmpty ? nil : value
        }
        return nil
    }

    /// An amount written as text: "12,000.00", "1.2万元", "12000元"; its own unit wins over the column's.
    static func amount(_ text: String, place: SourceLocation, defaultUnit: MoneyUnit) throws -> Money {
        var numeral = text.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "，", with: "").trimmingCharacters(in: .whitespaces)
        var unit = defaultUnit
        for candidate in [MoneyUnit.wan, .yuan] where numeral.hasSuffix(candidate.rawValue) {
            numeral.removeLast(candidate.rawValue.count)
            unit = candidate
            break
        }
        do {
            let value = try ExactDecimal(parsing: numeral)
            guard -value.exponent <= unit.fenExponent || value.rounded(scale: unit.fenExponent) == value else {
                throw place.error("金额“\(text.prefix(30))”比 1 分还细，应为到分的金额")
            }
            guard let money = Money(value, unit: unit) else { throw place.error("金额超出范围") }
            return money
        } catch let error as OfficeError {
            throw error
        } catch {
            throw place.error("金额应为数字，实为“\(text.prefix(30))”")
        }
    }

    /// A date Excel stores as its serial number (days since 1899-12-30).
    static func serialDate(_ sheet: Sheet, row: Int, column: Int) -> CalendarDate? {
        // The day is the serial's whole part; the fraction is the time of day.
        guard let serial = sheet.value(CellReference(row: row, column: column))?.exactNumber,
            let days = Int(serial.description.split(separator: ".").first ?? ""), days > 0
        else {
            return nil
        }
        return CalendarDate(daysSince1970: days - 25569)
    }
}
