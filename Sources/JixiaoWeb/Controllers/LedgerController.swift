import Foundation
import Hummingbird
import JixiaoCore
import JixiaoDocuments
import JixiaoOffice
import JixiaoStore

extension WebApp {
    /// Payments ledgers: a payment recorded, a step of its approval signed or an act recorded (each a new version of
    /// the ledger, refused whole when the ledger would break a rule), a ledger imported for a project from XLSX or CSV.
    func addLedgerRoutes(to router: Router<WebContext>) {
        router.post(SiteURL.pattern(SiteURL.ledgerPayments)) { request, context -> Response in
            let user = try Guard.user(request, context, in: [.unitFiller, .unitLead, .bureauAdmin])
            let form = try await FormData.read(request, limit: WebLimits.formBytes)
            try Guard.csrf(form, context)
            let id = try context.parameters.require("id")
            var ledger = try await Guard.store { try await store.document(id, as: PaymentLedger.self, for: user.actor) }
            ledger.body.payments.append(try Self.payment(form, by: user))
            return try await saveLedger(ledger, form: form, user: user)
        }
        router.post(SiteURL.pattern(SiteURL.ledgerApprovals)) { request, context -> Response in
            let user = try Guard.user(request, context, in: [.unitFiller, .unitLead])
            let form = try await FormData.read(request, limit: WebLimits.formBytes)
            try Guard.csrf(form, context)
            let id = try context.parameters.require("id")
            var ledger = try await Guard.store { try await store.document(id, as: PaymentLedger.self, for: user.actor) }
            guard let index = Int(form.text("payment")), ledger.body.payments.indices.contains(index) else {
                throw HTTPError(.unprocessableContent, message: "没有这笔支付")
            }
            let position = form.text("position")
            guard user.positions.contains(position) else {
                throw HTTPError(.forbidden, message: "您不担任这一审批岗位")
            }
            let date = form.text("date").isEmpty ? nil : CalendarDate(form.text("date"))
            if !form.text("date").isEmpty, date == nil { throw HTTPError(.unprocessableContent, message: "“日期”应为 YYYY-MM-DD") }
            let reference = form.text("reference")
            ledger.body.payments[index].approvals.append(Approval(
                position: position, by: PersonRef(id: user.id, name: user.displayName), date: date ?? BeijingTime.today,
                reference: reference.isEmpty ? nil : reference))
            return try await saveLedger(ledger, form: form, user: user)
        }
        router.post(SiteURL.pattern(SiteURL.ledgerVoid)) { request, context -> Response in
            let user = try Guard.user(request, context, in: [.unitFiller, .unitLead])
            let form = try await FormData.read(request, limit: WebLimits.formBytes)
            try Guard.csrf(form, context)
            var ledger = try await Guard.store { try await store.document(context.parameters.require("id"), as: PaymentLedger.self, for: user.actor) }
            guard let index = Int(form.text("payment")), ledger.body.payments.indices.contains(index) else {
                throw HTTPError(.unprocessableContent, message: "没有这笔支付")
            }
            let payment = ledger.body.payments[index]
            guard payment.enteredBy.id == user.id || user.role == .unitLead else {
                throw HTTPError(.forbidden, message: "只有录入人或单位负责人可以作废这笔支付")
            }
            if let rules = store.rules.approvalRules(ledger.body.rules),
                LedgerReview(PaymentLedger(fiscalYear: ledger.body.fiscalYear, agency: ledger.body.agency, project: ledger.body.project,
                                           budget: nil, rules: ledger.body.rules, payments: [payment]), rules: rules).statuses.first?.isExecuted == true
            {
                throw HTTPError(.forbidden, message: "凭证号 \(payment.voucher) 已审批齐全并计入执行，不能作废")
            }
            ledger.body.payments.remove(at: index)
            return try await saveLedger(ledger, form: form, user: user)
        }
        router.post(SiteURL.pattern(SiteURL.projectLedgerImport)) { request, context -> Response in
            let user = try Guard.user(request, context, in: [.unitFiller, .unitLead, .bureauAdmin])
            let form = try await FormData.read(request, limit: WebLimits.uploadBytes)
            try Guard.csrf(form, context)
            let project = try await Guard.store { try await store.project(context.parameters.require("id"), for: user.actor) }
            let ledger = try importLedger(form, project: project)
            // Approvals in a file are paper ones; the unit's lead answers for them, nobody else may bring them in.
            if ledger.payments.contains(where: { !$0.approvals.isEmpty }), user.role != .unitLead {
                throw HTTPError(.forbidden, message: "台账中含有审批记录（纸质审批），须由单位负责人导入，由其对这些审批负责")
            }
            if let existing = try await store.existingDocument(
                agency: project.agency, kind: .paymentLedger, fiscalYear: ledger.fiscalYear, project: project.name)
            {
                let current = try await Guard.store { try await store.document(existing, as: PaymentLedger.self, for: user.actor) }
                guard current.body.payments.isEmpty else {
                    throw HTTPError(.conflict, message: "该项目 \(ledger.fiscalYear.map(String.init) ?? "") 年度已有支付台账（\(current.body.payments.count) 笔支付），导入会覆盖已记录的支付，未导入；请在台账中逐笔记录")
                }
                _ = try await Guard.store { try await store.save(existing, ledger, expectedVersion: current.head.version, by: user.author, as: user.actor) }
                return .redirect(to: SiteURL.document(existing).path)
            }
            let created = try await Guard.store { try await store.create([ledger], project: project.id, by: user.author) }
            return .redirect(to: SiteURL.document(created[0].id).path)
        }
    }

    /// The ledger's page for `user`: the steps they may take depend on the positions they hold.
    func ledgerPage(_ stored: StoredDocument, user: UserRecord, context: WebContext) async throws -> Response {
        let ledger = try await Guard.store { try stored.document(as: PaymentLedger.self) }
        let head = stored.head
        let canEdit = DocumentPage.Capabilities(user.actor, head: head).edit
        let page = LedgerPage(
            head, ledger: ledger.body, rules: store.rules.approvalRules(ledger.body.rules), viewer: user, canEdit: canEdit,
            csrf: context.session?.csrfToken ?? "")
        return pages.render(PageFrame(head.title + " 支付台账", context), body: pages.html("ledger", page))
    }

    /// Saves the edited ledger on the version the form was based on; a refusal names the payment and the rule.
    private func saveLedger(_ ledger: Document<PaymentLedger>, form: FormData, user: UserRecord) async throws -> Response {
        guard let version = try RequestValues.integer(form.text("version"), "version", in: RequestValues.versions) else {
            throw HTTPError(.badRequest, message: "表单缺少版本号")
        }
        _ = try await Guard.store { try await store.save(ledger.id, ledger.body, expectedVersion: version, by: user.author, as: user.actor) }
        return .redirect(to: SiteURL.document(ledger.id).path)
    }

    /// A payment from the form: amounts in 元, the evidence references, the user who entered it.
    static func payment(_ form: FormData, by user: UserRecord) throws -> Payment {
        guard let date = CalendarDate(form.text("date")) else { throw HTTPError(.unprocessableContent, message: "“日期”应为 YYYY-MM-DD，收到“\(form.text("date"))”") }
        let amount = try FormAmount.money(form.text("amount"), unit: .yuan, field: "金额（元）")
        for (field, label) in [("voucher", "凭证号"), ("payee", "收款人"), ("purpose", "用途")] where form.text(field).isEmpty {
            throw HTTPError(.unprocessableContent, message: "“\(label)”不能为空")
        }
        let evidence = Evidence.Kind.allCases.compactMap { kind in form.text(kind.rawValue).isEmpty ? nil : Evidence(kind: kind, reference: form.text(kind.rawValue)) }
        return Payment(
            voucher: form.text("voucher"), date: date, payee: form.text("payee"), amount: amount, purpose: form.text("purpose"),
            fundSource: FundSource(rawValue: form.text("fundSource")) ?? .appropriation, evidence: evidence,
            enteredBy: PersonRef(id: user.id, name: user.displayName))
    }

    /// A ledger read from the uploaded file, for `project`: a file of another project or unit is refused.
    func importLedger(_ form: FormData, project: ProjectRecord) throws -> PaymentLedger {
        guard let file = form.file, !file.data.isEmpty else { throw HTTPError(.unprocessableContent, message: "请选择支付台账文件（.xlsx 或 .csv）") }
        let rules = store.rules.approvals.first
        guard let rules else { throw HTTPError(.serviceUnavailable, message: "服务器没有载入审批规则") }
        var ledger: PaymentLedger
        do {
            ledger = try PaymentLedgerImporter.read(data: file.data, file: file.name, rules: rules, agency: project.agency)
        } catch {
            throw HTTPError(.unprocessableContent, message: "导入失败：\(error)")
        }
        guard ledger.project == project.name else {
            throw HTTPError(.unprocessableContent, message: "文件 \(file.name)：台账的项目为“\(ledger.project)”，不是“\(project.name)”")
        }
        guard ledger.agency.name == project.agency else {
            throw HTTPError(.unprocessableContent, message: "文件 \(file.name)：台账的单位为“\(ledger.agency.name)”，不是“\(project.agency)”")
        }
        ledger.agency.name = project.agency
        return ledger
    }
}
