import Foundation
import JixiaoCore
import SQLKit

extension DocumentStore {
    /// What else a write of `body` changes: a payments ledger with a payment executed gives its project's
    /// self-evaluation of that year its 全年执行数 (the approved payments), as a new version of the evaluation whose history
    /// names each payment newly counted. Nil for other kinds.
    func linkedWrite<Body: DocumentBody>(
        of body: Body, replacing old: Body?, head: DocumentHead, by author: Author
    ) -> (@Sendable (any SQLDatabase) async throws -> Void)? {
        guard let ledger = body as? PaymentLedger, let project = head.projectID, let approval = rules.approvalRules(ledger.rules) else { return nil }
        let review = LedgerReview(ledger, rules: approval)
        // A ledger with no payment executed yet leaves the evaluation's figure as the unit typed it.
        guard review.executed.fen > 0 else { return nil }
        let before = (old as? PaymentLedger).map { Set(LedgerReview($0, rules: approval).statuses.filter(\.isExecuted).map(\.payment.voucher)) } ?? []
        let counted = review.statuses.filter { $0.isExecuted && !before.contains($0.payment.voucher) }.map(\.payment)
        let store = self
        return { db in try await store.execute(review, counted: counted, onEvaluationOf: project, year: head.fiscalYear, by: author, in: db) }
    }

    private func execute(
        _ review: LedgerReview, counted: [Payment], onEvaluationOf project: String, year: Int?, by author: Author, in db: any SQLDatabase
    ) async throws {
        let row = try await db.raw("""
            SELECT \(unsafeRaw: Self.headColumns), d.body FROM documents d JOIN agencies a ON a.id = d.agency_id
            LEFT JOIN fiscal_years y ON y.year = d.fiscal_year
            WHERE d.project_id = \(bind: project) AND d.kind = \(bind: DocumentKind.projectSelfEvaluation.rawValue)
            AND COALESCE(d.fiscal_year, 0) = \(bind: year ?? 0)
            """).first()
        guard let row else { return }
        let stored = StoredDocument(head: try Self.head(row), json: try row.decode(column: "body", as: String.self))
        let evaluation = try stored.body(as: SelfEvaluation.self)
        let executed = evaluation.executing(review)
        guard executed != evaluation else { return }
        guard stored.head.state.isEditable else {
            throw StoreError.forbidden("“\(stored.head.title)”\(stored.head.fiscalYear.map { "\($0) 年度" } ?? "")的自评已\(stored.head.state.label)，支付台账的变动会改变它的全年执行数；请审核人退回后再记录")
        }
        let json = try Self.encode(executed)
        guard let tree = JSONTree(parsing: json) else { throw StoreError.refused("自评内容无法编码为 JSON") }
        let paid = counted.map { payment in
            HistoryLine(
                operation: "支付", field: "支付台账/凭证号 \(payment.voucher)", old: "",
                new: "\(payment.date) \(payment.amount.amount(in: .yuan).fixed(2)) 元 \(payment.payee)：审批齐全，计入全年执行数")
        }
        var next = stored.head
        next.version += 1
        next.updatedAt = Self.now()
        let summary = SummaryColumns(executed.summary(by: rules, in: stored.head.yearSetUp))
        let lines = paid + DocumentDiff.changes(from: try stored.tree(), to: tree).map(HistoryLine.init)
        if try await Self.update(db, stored.head, to: next, json: json, summary: summary, by: author, lines: lines) != nil {
            throw StoreError.refused("“\(stored.head.title)”的自评刚被他人修改，支付台账未保存；请刷新后重试")
        }
    }
}

extension DocumentStore {
    /// Refuses a ledger the review finds problems in, against what the store knows: the unit's other ledgers of the
    /// year (vouchers are unique per unit and year), the positions the approvers hold (for approvals new in this write:
    /// one given before stands when its approver later leaves the position), the years closed. Nothing of such a
    /// ledger is stored. Other kinds pass.
    func refuseInvalidLedger<Body: DocumentBody>(
        _ body: Body, replacing old: Body?, agency: String, except document: String?, in db: any SQLDatabase
    ) async throws {
        guard let ledger = body as? PaymentLedger else { return }
        guard let approval = rules.approvalRules(ledger.rules) else {
            throw StoreError.refused("没有审批规则“\(ledger.rules)”；可用：" + rules.approvals.map(\.reference).joined(separator: "、"))
        }
        var vouchers = Set<String>()
        let others = try await db.raw("""
            SELECT id, body FROM documents WHERE agency_id = \(bind: agency) AND kind = \(bind: DocumentKind.paymentLedger.rawValue)
            AND COALESCE(fiscal_year, 0) = \(bind: ledger.fiscalYear ?? 0) AND id <> \(bind: document ?? "")
            """).all()
        for row in others {
            let id = try row.decode(column: "id", as: String.self)
            guard let other = try? JSONTreeDecoder().decode(PaymentLedger.self, from: try row.decode(column: "body", as: String.self)) else {
                throw StoreError.unreadable(row: "documents.id=\(id)", reason: "支付台账无法读取")
            }
            vouchers.formUnion(other.payments.map(\.voucher))
        }
        let approvers = Set(ledger.payments.flatMap(\.approvals).compactMap(\.by.id))
        var holders: [String: Set<String>] = [:]
        if !approvers.isEmpty {
            for row in try await db.raw("SELECT user_id, position FROM user_positions WHERE user_id IN (\(binds: approvers.sorted()))").all() {
                holders[try row.decode(column: "user_id", as: String.self), default: []].insert(try row.decode(column: "position", as: String.self))
            }
            for id in approvers where holders[id] == nil { holders[id] = [] }
        }
        let closed = Set(try await Self.fiscalYears(in: db).filter { !$0.isOpen }.map(\.year))
        let review = LedgerReview(
            ledger, rules: approval, holders: approvers.isEmpty ? nil : holders, previous: old as? PaymentLedger, otherVouchers: vouchers,
            closedYears: closed)
        guard review.problems.isEmpty else {
            throw StoreError.refused("支付台账未保存：" + review.problems.map(\.description).joined(separator: "；"))
        }
    }
}
