import Foundation
import JixiaoCore
import JixiaoDocuments
import Testing

/// The seeds' approval rules at every boundary, and every refusal of a ledger: each names the payment and field.
@Suite struct PaymentApprovalTests {
    static let rules = try! RuleFiles.approvalRules("seeds-2023")
    static let clerk = PersonRef(id: "u-clerk", name: "王敏")
    static let entered = PersonRef(id: "u-finance", name: "赵丽")

    static func yuan(_ text: String) -> Money { Money(ExactDecimal(text)!, unit: .yuan)! }

    static func payment(_ amount: String, voucher: String = "2023-001", approvals: [Approval] = [], date: String = "2023-05-06") -> Payment {
        Payment(voucher: voucher, date: CalendarDate(date)!, payee: "收款单位", amount: yuan(amount), purpose: "用途", enteredBy: entered, approvals: approvals)
    }

    static func ledger(_ payments: [Payment], budget: String = "480000") -> PaymentLedger {
        PaymentLedger(fiscalYear: 2023, agency: Agency(name: "攀枝花市东区应急管理局"), project: "应急管理专项经费", budget: yuan(budget), rules: rules.reference, payments: payments)
    }

    static let signatures = [
        Approval(position: "clerk", by: clerk), Approval(position: "divisionLead", by: PersonRef(id: "u-lead", name: "李强")),
        Approval(position: "principal", by: PersonRef(id: "u-head", name: "张伟")),
    ]
    static let committee = Approval(position: "partyCommittee", by: PersonRef(id: "u-secretary", name: "局党委会"), date: CalendarDate("2023-05-04"), reference: "第7次党委会")
    static let district = Approval(position: "districtLeader", by: PersonRef(id: "u-secretary", name: "分管区领导"), date: CalendarDate("2023-05-05"))

    @Test(arguments: [
        ("4999.99", ["经办人", "分管领导", "主要领导"]),
        ("5000.00", ["经办人", "分管领导", "主要领导", "局党委会"]),
        ("9999.99", ["经办人", "分管领导", "主要领导", "局党委会"]),
        ("10000.00", ["经办人", "分管领导", "主要领导", "局党委会", "分管区领导"]),
    ])
    func eachBoundaryNeedsItsChain(amount: String, positions: [String]) {
        #expect(Self.rules.required(for: Self.yuan(amount)).map(\.name) == positions)
        let signed = LedgerReview(Self.ledger([Self.payment(amount, approvals: Self.signatures)]), rules: Self.rules)
        #expect(signed.problems.isEmpty)
        #expect(signed.statuses[0].isExecuted == (positions.count == 3), "three signatures suffice below 5,000 元 only")
        let all = LedgerReview(Self.ledger([Self.payment(amount, approvals: Self.signatures + [Self.committee, Self.district])]), rules: Self.rules)
        #expect(all.statuses[0].isExecuted && all.executed == Self.yuan(amount))
    }

    @Test func aPaymentOf12000IsNotExecutedUntilTheCommitteeAndTheDistrictLeaderHaveActed() {
        var payment = Self.payment("12000", approvals: Self.signatures)
        #expect(LedgerReview(Self.ledger([payment]), rules: Self.rules).statuses[0].missing.map(\.name) == ["局党委会", "分管区领导"])
        payment.approvals.append(Self.committee)
        #expect(LedgerReview(Self.ledger([payment]), rules: Self.rules).executed == .zero)
        payment.approvals.append(Self.district)
        #expect(LedgerReview(Self.ledger([payment]), rules: Self.rules).executed == Self.yuan("12000"))
    }

    static func problems(_ ledger: PaymentLedger, holders: [String: Set<String>]? = nil, others: Set<String> = [], closed: Set<Int> = []) -> [String] {
        LedgerReview(ledger, rules: rules, holders: holders, otherVouchers: others, closedYears: closed).problems.map(\.description)
    }

    @Test func everyRefusalNamesThePaymentAndTheField() {
        #expect(Self.problems(Self.ledger([Self.payment("0")])) == ["第 1 笔（凭证号 2023-001）“金额”：应大于 0 元，收到 0 元"])
        #expect(Self.problems(Self.ledger([Self.payment("-5")])).first?.contains("应大于 0 元") == true)
        #expect(Self.problems(Self.ledger([Self.payment("100"), Self.payment("200")])) == ["第 2 笔（凭证号 2023-001）“凭证号”：与第 1 笔重复，同一单位同一年度的凭证号不能重复"])
        #expect(Self.problems(Self.ledger([Self.payment("100")]), others: ["2023-001"]) == ["第 1 笔（凭证号 2023-001）“凭证号”：本单位本年度的其他台账已有此凭证号"])
        let own = Approval(position: "clerk", by: Self.entered)
        #expect(Self.problems(Self.ledger([Self.payment("100", approvals: [own])])) == ["第 1 笔（凭证号 2023-001）“经办人”：“赵丽”录入了这笔支付，不能再审批它"])
        let holders = ["u-clerk": Set(["clerk"]), "u-lead": ["divisionLead"], "u-head": ["principal"]]
        let wrong = Approval(position: "principal", by: PersonRef(id: "u-lead", name: "李强"))
        #expect(Self.problems(Self.ledger([Self.payment("100", approvals: [wrong])]), holders: holders) == ["第 1 笔（凭证号 2023-001）“主要领导”：“李强”不担任“主要领导”，不能以该岗位审批"])
        #expect(Self.problems(Self.ledger([Self.payment("100", approvals: Self.signatures)]), holders: holders).isEmpty)
        #expect(Self.problems(Self.ledger([Self.payment("100", date: "2022-12-31")])) == ["第 1 笔（凭证号 2023-001）“日期”：2022-12-31 不在台账的 2023 年度内"])
        #expect(Self.problems(Self.ledger([Self.payment("100")]), closed: [2023]) == ["第 1 笔（凭证号 2023-001）“日期”：2023 年度已结束，不能再记支付"])
        let over = Self.ledger([Self.payment("300000", voucher: "a"), Self.payment("200000", voucher: "b")])
        #expect(Self.problems(over) == ["第 2 笔（凭证号 b）“金额”：累计支付 500000 元，超过项目全年预算 480000 元"])
        let undated = Approval(position: "partyCommittee", by: PersonRef(name: "局党委会"))
        #expect(Self.problems(Self.ledger([Self.payment("6000", approvals: [undated])])) == ["第 1 笔（凭证号 2023-001）“局党委会”：须记录决议或同意的日期"])
    }

    @Test func noPersonSignsTwiceOrOwnPaymentsAndHugeAmountsAreRefusedNotAdded() {
        let twice = [Approval(position: "clerk", by: Self.clerk), Approval(position: "divisionLead", by: Self.clerk)]
        #expect(Self.problems(Self.ledger([Self.payment("100", approvals: twice)])) == ["第 1 笔（凭证号 2023-001）“分管领导”：“王敏”已以“经办人”签字，同一人不能在一笔支付上签两个岗位"])
        var imported = Self.payment("100")
        imported.enteredBy = PersonRef(name: "王敏")
        imported.approvals = [Approval(position: "clerk", by: Self.clerk)]
        #expect(Self.problems(Self.ledger([imported])).first?.contains("录入了这笔支付") == true, "the same name where one side has no id")
        var first = Self.payment("1", voucher: "a")
        first.amount = Money(fen: 9_000_000_000_000_000_000)
        var second = first
        second.voucher = "b"
        let huge = Self.ledger([first, second], budget: "1")
        let review = LedgerReview(huge, rules: Self.rules)
        #expect(review.problems.count == 2 && review.problems.allSatisfy { $0.message.contains("不是一笔支付的金额") })
        #expect(review.executed == .zero && review.pending == .zero, "nothing summed, nothing trapped")
    }

    @Test func anApprovalGivenStandsWhenItsApproverLeavesThePositionButNoNewOneIsTaken() {
        let given = Self.ledger([Self.payment("100", approvals: [Approval(position: "clerk", by: Self.clerk)])])
        var next = given
        next.payments.append(Self.payment("200", voucher: "2023-002", approvals: [Approval(position: "clerk", by: Self.clerk)]))
        let holders: [String: Set<String>] = ["u-clerk": []]
        let problems = LedgerReview(next, rules: Self.rules, holders: holders, previous: given).problems.map(\.description)
        #expect(problems == ["第 2 笔（凭证号 2023-002）“经办人”：“王敏”不担任“经办人”，不能以该岗位审批"])
    }

    @Test func seed000ReplayedAsALedgerGivesItsReportsFigures() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/examples/seed000-ledger.csv")
        let ledger = try PaymentLedgerImporter.load(url, rules: Self.rules)
        #expect(ledger.fiscalYear == 2023 && ledger.project == "应急管理专项经费" && ledger.budget == Self.yuan("480000"))
        let review = LedgerReview(ledger, rules: Self.rules)
        #expect(review.problems.isEmpty && review.statuses.count == 12)
        #expect(review.executed == Self.yuan("409094") && review.pending == .zero)
        #expect(review.statuses.first { $0.payment.amount == Self.yuan("4980") }?.required.count == 3)
        #expect(review.statuses.first { $0.payment.amount == Self.yuan("5000") }?.required.count == 4)
        let evaluation = try #require(try SelfEvaluationImporter.load(url.deletingLastPathComponent().appendingPathComponent("seed000-project.json")).first)
        let replayed = evaluation.executing(review)
        let sheet = Scorer(profile: try ProfileCatalog.builtin().defaultProfile(for: .project)).score(replayed)
        #expect(sheet.executionRate.percentText == "85.23%")
        #expect(replayed.budget.total.adjustedBudget! - replayed.budget.total.spent! == Self.yuan("70906"))
    }
}
