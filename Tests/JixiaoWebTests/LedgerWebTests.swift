import Foundation
import HummingbirdTesting
import JixiaoCore
import JixiaoDocuments
import JixiaoOffice
import JixiaoStore
import Testing
@testable import JixiaoWeb

/// A project's payments ledger in the web application: imported, a payment of 12,000 元 entered by the finance staff
/// and approved step by step by the users holding each position, counted as executed only when the 党委会's decision
/// and the 分管区领导's consent are recorded; the evaluation's 全年执行数 follows, with each payment in its history; every
/// refusal leaves the ledger as it was.
@Suite struct LedgerWebTests {
    @Test(arguments: WebHarness.backends)
    func aPaymentIsExecutedOnlyWhenItsChainIsComplete(_ backend: WebHarness.Backend) async throws {
        try await WebHarness.withApp(backend) { fixture, client in
            let accounts = fixture.app.accounts
            for (login, positions) in [("financeB", [String]()), ("clerkB", ["clerk"]), ("deputyB", ["divisionLead"])] {
                try await accounts.createUser(
                    login: login, displayName: login, passwordHash: try await fixture.app.hashPassword(WebHarness.password, for: login),
                    role: .unitFiller, agency: WebHarness.unitB, positions: positions)
            }
            try await accounts.setPositions(["principal", "partyCommittee", "districtLeader"], of: "leadB")
            let evaluation = try await fixture.app.store.head(fixture.documentB, for: Actor(role: .bureauAdmin))
            let project = try #require(evaluation.projectID)

            var finance = Browser(client)
            try await finance.signIn("financeB")
            let csv = try Data(contentsOf: WebHarness.repository.appendingPathComponent("docs/examples/seed000-ledger.csv"))
            let paper = try await finance.upload("/projects/\(project)/ledger", file: csv, name: "seed000-ledger.csv")
            #expect(paper.status == .forbidden && paper.text.contains("须由单位负责人导入"), "paper approvals only through the unit's lead")
            var head = Browser(client)
            try await head.signIn("leadB")
            let imported = try await head.upload("/projects/\(project)/ledger", file: csv, name: "seed000-ledger.csv")
            #expect(imported.status == .seeOther)
            let twice = try await head.upload("/projects/\(project)/ledger", file: csv, name: "seed000-ledger.csv")
            #expect(twice.status == .conflict && twice.text.contains("导入会覆盖已记录的支付"))
            let ledgerPath = try #require(imported.headers[.location])
            var page = try await finance.get(ledgerPath).text
            #expect(page.contains("409094.00") && page.contains("85.23%"))
            let history = try await finance.get("/documents/\(fixture.documentB)/history").text
            #expect(history.contains("支付台账/凭证号 2023-001"), "the evaluation's history names each payment")

            let payment = ["date": "2023-12-20", "voucher": "2023-090", "payee": "某应急物资有限公司", "amount": "12000", "purpose": "应急物资补充",
                           "fundSource": "appropriation", "invoice": "FP2023122001"]
            #expect(try await finance.post(ledgerPath + "/payments", payment.merging(["version": Self.version(page)]) { $1 }).status == .seeOther)
            page = try await finance.get(ledgerPath).text
            #expect(page.contains("未执行：缺经办人、分管领导、主要领导、局党委会、分管区领导") && page.contains("409094.00"))
            let again = try await finance.post(ledgerPath + "/payments", payment.merging(["version": Self.version(page)]) { $1 })
            #expect(again.status == .unprocessableContent && again.text.contains("“凭证号”：与第 13 笔重复"), "a duplicate voucher")
            let over = try await finance.post(ledgerPath + "/payments", payment.merging(["version": Self.version(page), "voucher": "2023-091", "amount": "70000"]) { $1 })
            #expect(over.status == .unprocessableContent && over.text.contains("超过项目全年预算"))
            #expect(try await finance.post(ledgerPath + "/payments", payment.merging(["version": Self.version(page), "voucher": "2023-099", "amount": "10"]) { $1 }).status == .seeOther)
            page = try await finance.get(ledgerPath).text
            #expect(try await finance.post(ledgerPath + "/payments/void", ["version": Self.version(page), "payment": "13"]).status == .seeOther, "a mistaken entry voided")
            page = try await finance.get(ledgerPath).text
            #expect(!page.contains("2023-099"))
            let executedOne = try await finance.post(ledgerPath + "/payments/void", ["version": Self.version(page), "payment": "0"])
            #expect(executedOne.status == .forbidden, "an executed payment cannot be voided")
            let refused = try await finance.post(ledgerPath + "/approvals", ["version": Self.version(page), "payment": "12", "position": "clerk"])
            #expect(refused.status == .forbidden, "the finance staff holds no position")

            for (login, position, extra) in [("clerkB", "clerk", [:]), ("deputyB", "divisionLead", [:]), ("leadB", "principal", [:]),
                                             ("leadB", "partyCommittee", ["date": "2023-12-18", "reference": "第19次党委会"])] as [(String, String, [String: String])] {
                var approver = Browser(client)
                try await approver.signIn(login)
                let current = try await approver.get(ledgerPath).text
                let answer = try await approver.post(ledgerPath + "/approvals", ["version": Self.version(current), "payment": "12", "position": position].merging(extra) { $1 })
                #expect(answer.status == .seeOther, "\(login) as \(position): \(answer.text.prefix(200))")
                #expect(try await approver.get(ledgerPath).text.contains("409094.00"), "not executed before the 分管区领导's consent")
            }
            var lead = Browser(client)
            try await lead.signIn("leadB")
            let before = try await lead.get(ledgerPath).text
            #expect(try await lead.post(ledgerPath + "/approvals", ["version": Self.version(before), "payment": "12", "position": "districtLeader", "date": "2023-12-19"]).status == .seeOther)
            page = try await lead.get(ledgerPath).text
            #expect(page.contains("421094.00") && page.contains("87.73%"), "executed once the chain is complete")
            let evaluationPage = try await lead.get("/documents/\(fixture.documentB)").text
            #expect(evaluationPage.contains("全年执行数（来自支付台账）") && evaluationPage.contains("87.73%"))
            let preview = try await lead.post("/documents/\(fixture.documentB)/preview", WalkThroughTests.editorFields(evaluationPage, changing: [:]))
            #expect(preview.text.contains("87.73%"), "the live preview keeps the ledger's figure")
            let workbook = try await lead.get(ledgerPath + "/report.xlsx")
            #expect(workbook.status == .ok)
            let log = try Workbook(data: workbook.data, file: "ledger.xlsx").sheet(at: 1)
            #expect(log.rows.contains { $0.contains("2023-090") && $0.contains("分管区领导") }, "the approval log")
        }
    }

    static func version(_ page: String) -> String {
        Browser.field("version", in: page)
    }
}
