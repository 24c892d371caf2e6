import Foundation
import JixiaoCore
import JixiaoOffice

/// A ledger as an XLSX workbook that prints like a form: the payments with their state, and the approval log (who
/// approved which step of which payment, when, under which reference). The importer reads the first sheet back.
public enum PaymentLedgerWorkbook {
    public static func data(_ ledger: PaymentLedger, review: LedgerReview, rules: ApprovalRules) throws -> Data {
        try WorkbookWriter.write([payments(ledger, review, rules), log(ledger, rules)], title: "\(ledger.project)支付台账")
    }

    static func payments(_ ledger: PaymentLedger, _ review: LedgerReview, _ rules: ApprovalRules) -> WorksheetContent {
        var sheet = WorksheetContent(name: "支付台账")
        let signatures = rules.positions
        let headers = ["日期", "凭证号", "收款人", "金额（元）", "用途", "资金来源", "发票号", "合同号", "验收单", "会议纪要"]
            + signatures.map(\.name) + ["录入人", "状态"]
        let width = headers.count
        sheet.merge(CellRange(start: CellReference(row: 1, column: 1), end: CellReference(row: 1, column: width)),
                    .text("\(ledger.fiscalYear.map { "\($0)年度" } ?? "")\(ledger.project)支付台账"), style: .title)
        sheet.merge(CellRange(start: CellReference(row: 2, column: 1), end: CellReference(row: 2, column: width)),
                    .text("单位：\(ledger.agency.name)"), style: .text)
        sheet.merge(CellRange(start: CellReference(row: 3, column: 1), end: CellReference(row: 3, column: width)),
                    .text("项目名称：\(ledger.project)"), style: .text)
        sheet.merge(CellRange(start: CellReference(row: 4, column: 1), end: CellReference(row: 4, column: width)),
                    .text("全年预算数：\(ledger.budget.map { $0.amount(in: .wan).plainText + "万元" } ?? "")"), style: .text)
        for (column, header) in headers.enumerated() { sheet.set(CellReference(row: 5, column: column + 1), .text(header), style: CellStyle(bold: true)) }
        sheet.printTitleRows = 5...5
        for (index, status) in review.statuses.enumerated() {
            let payment = status.payment
            let row = index + 6
            func evidence(_ kind: Evidence.Kind) -> WorksheetContent.Value {
                .text(payment.evidence.filter { $0.kind == kind }.map(\.reference).joined(separator: "、"))
            }
            var values: [(WorksheetContent.Value, CellStyle)] = [
                (.text(payment.date.description), .body), (.text(payment.voucher), .body), (.text(payment.payee), .text),
                (.number(payment.amount.amount(in: .yuan).plainText), .amount), (.text(payment.purpose), .text),
                (.text(payment.fundSource.label), .body), (evidence(.invoice), .body), (evidence(.contract), .body),
                (evidence(.acceptance), .body), (evidence(.minutes), .body),
            ]
            for position in signatures {
                let approval = payment.approvals.first { $0.position == position.id }
                let text = approval.map { approval in
                    position.kind == .act
                        ? [approval.date?.description, approval.reference].compactMap { $0 }.joined(separator: " ")
                        : [approval.by.name, approval.date?.description].compactMap { $0 }.joined(separator: " ")
                } ?? ""
                values.append((.text(text), .body))
            }
            values.append((.text(payment.enteredBy.name), .body))
            values.append((.text(status.isExecuted ? "已执行" : "缺" + status.missing.map(\.name).joined(separator: "、")), .text))
            for (column, (value, style)) in values.enumerated() { sheet.set(CellReference(row: row, column: column + 1), value, style: style) }
        }
        let total = review.statuses.count + 6
        sheet.merge(CellRange(start: CellReference(row: total, column: 1), end: CellReference(row: total, column: 3)), .text("合计（已执行）"))
        sheet.set(CellReference(row: total, column: 4), .number(review.executed.amount(in: .yuan).plainText), style: .amount)
        if let used = sheet.usedRange { sheet.border(CellRange(start: CellReference(row: 5, column: 1), end: used.end)) }
        sheet.columnWidths = Dictionary(uniqueKeysWithValues: (1...width).map { ($0, 12) })
        sheet.columnWidths[3] = 22
        sheet.columnWidths[5] = 22
        sheet.landscape = true
        return sheet
    }

    static func log(_ ledger: PaymentLedger, _ rules: ApprovalRules) -> WorksheetContent {
        var sheet = WorksheetContent(name: "审批记录")
        for (column, header) in ["凭证号", "金额（元）", "岗位", "审批人", "日期", "文号"].enumerated() {
            sheet.set(CellReference(row: 1, column: column + 1), .text(header), style: CellStyle(bold: true))
        }
        sheet.printTitleRows = 1...1
        var row = 2
        for payment in ledger.payments {
            for approval in payment.approvals {
                let values: [WorksheetContent.Value] = [
                    .text(payment.voucher), .number(payment.amount.amount(in: .yuan).plainText),
                    .text(rules.position(approval.position)?.name ?? approval.position), .text(approval.by.name),
                    .text(approval.date?.description ?? ""), .text(approval.reference ?? ""),
                ]
                for (column, value) in values.enumerated() {
                    sheet.set(CellReference(row: row, column: column + 1), value, style: column == 1 ? .amount : .body)
                }
                row += 1
            }
        }
        sheet.columnWidths = [1: 14, 2: 14, 3: 14, 4: 16, 5: 14, 6: 24]
        return sheet
    }
}
