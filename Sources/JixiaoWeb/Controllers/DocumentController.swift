import Foundation
import Hummingbird
import JixiaoCore
import JixiaoDocuments
import JixiaoOffice
import JixiaoStore

extension WebApp {
    /// A unit's documents: the list, a new blank evaluation, the import of its 自评表, the editor, its history and
    /// its downloads. Every kind of document has its page here.
    func addDocumentRoutes(to router: Router<WebContext>) {
        router.get(RouterPath(.documents)) { request, context -> Response in
            let user = try Guard.user(request, context)
            let year = try RequestValues.year(request.uri.queryParameters["year"])
            let number = try RequestValues.integer(request.uri.queryParameters["page"], "page", in: RequestValues.pages) ?? 1
            let size = DocumentListPage.pageSize
            let page = try await store.listings(for: user.actor, ListingQuery(fiscalYear: year, limit: size, offset: size * (number - 1)))
            let alerts = try await monitoringAlerts(for: user)
            var reminders: [Reminder] = []
            if let agency = user.agency { reminders = try await store.reminders(to: agency.id, for: user.actor) }
            return pages.render("documents", DocumentListPage(
                frame: PageFrame("自评文档", context), user: user, page: page, number: number, year: year, alerts: alerts,
                reminders: reminders))
        }
        router.post(RouterPath(.documents)) { request, context -> Response in
            let user = try Guard.user(request, context, in: [.unitFiller, .unitLead, .bureauAdmin])
            let form = try await FormData.read(request, limit: WebLimits.formBytes)
            try Guard.csrf(form, context)
            guard let agency = user.agency?.name ?? Optional(form.text("agency")), !agency.isEmpty else {
                throw HTTPError(.unprocessableContent, message: "请填写单位")
            }
            let kind = form.text("kind") == EvaluationKind.agency.rawValue ? EvaluationKind.agency : .project
            let name = form.text("project")
            guard kind == .agency || !name.isEmpty else { throw HTTPError(.unprocessableContent, message: "“项目名称”不能为空") }
            let year = try RequestValues.year(form.text("fiscalYear"), "年度")
            let continued = form.text("projectID")
            if form.text("kind") == DocumentKind.monitoringReport.rawValue {
                var evaluated: SelfEvaluation?
                if let id = try await store.existingDocument(agency: agency, kind: .projectSelfEvaluation, fiscalYear: year, project: name) {
                    evaluated = try await Guard.store { try await store.document(id, as: SelfEvaluation.self, for: user.actor) }.body
                }
                let report = try newMonitoringReport(form, agency: agency, project: name, year: year, evaluation: evaluated)
                let created = try await Guard.store { try await store.create([report], project: continued.isEmpty ? nil : continued, by: user.author) }
                return .redirect(to: SiteURL.document(created[0].id).path)
            }
            if form.text("kind") == DocumentKind.paymentLedger.rawValue {
                let ledger = try newLedger(form, agency: agency, project: name, year: year)
                let created = try await Guard.store { try await store.create([ledger], project: continued.isEmpty ? nil : continued, by: user.author) }
                return .redirect(to: SiteURL.document(created[0].id).path)
            }
            let profile = try await Guard.store { try profiles.profile(for: kind, in: try await store.fiscalYear(year)) }
            let evaluation = SelfEvaluation(
                kind: kind, fiscalYear: year, agency: Agency(name: agency), project: kind == .agency ? nil : name, indicators: profile.blankTree)
            let created = try await Guard.store {
                try await store.create([evaluation], project: continued.isEmpty ? nil : continued, by: user.author)
            }
            return .redirect(to: SiteURL.document(created[0].id).path)
        }
        router.post(RouterPath(.documentImport)) { request, context -> Response in
            let user = try Guard.user(request, context, in: [.unitFiller, .unitLead, .bureauAdmin])
            let form = try await FormData.read(request, limit: WebLimits.uploadBytes)
            try Guard.csrf(form, context)
            guard let file = form.file, !file.data.isEmpty else { throw HTTPError(.unprocessableContent, message: "请选择要导入的 XLSX 文件") }
            let year = try RequestValues.year(form.text("fiscalYear"))
            if let accounts = try await importFinalAccounts((file.name, file.data), fiscalYear: year, by: user) {
                return .redirect(to: SiteURL.document(accounts.id).path)
            }
            let documents = try await importTable((file.name, file.data), by: user)
            return .redirect(to: documents.count == 1 ? SiteURL.document(documents[0].id).path : SiteURL.documents.path)
        }
        router.get(SiteURL.pattern(SiteURL.document)) { request, context -> Response in
            let user = try Guard.user(request, context)
            // The content and the evaluations it is compared with come with the head (a few KB): a page not in the
            // cache then costs no second query.
            let stored = try await Guard.store {
                try await store.storedDocument(context.parameters.require("id"), for: user.actor, withSiblings: true)
            }
            let head = stored.head
            if head.kind == .paymentLedger { return try await ledgerPage(stored, user: user, context: context) }
            if head.kind == .monitoringReport { return try await monitoringPage(stored, user: user, context: context) }
            if head.kind == .finalAccounts { return try await finalAccountsPage(stored, user: user, context: context) }
            let capabilities = DocumentPage.Capabilities(user.actor, head: head)
            let siblings = stored.siblings
            let key = DocumentPageCache.Key(
                head: head, capabilities: capabilities, siblings: siblings.map { "\($0.listing.id)@\($0.listing.version)" })
            let body = try await documentPages.body(for: key, csrf: context.session?.csrfToken ?? "") {
                let document = try await Guard.store { try stored.document(as: SelfEvaluation.self) }
                let across = try await Guard.store { try crossDocumentFindings(head, document.body, siblings: siblings) }
                return pages.html("document", DocumentPage(
                    document.head, evaluation: document.body, capabilities: capabilities, csrf: DocumentPageCache.renderedToken,
                    assessment: try? assessment(of: document.body, in: head.yearSetUp), across: across))
            }
            return pages.render(PageFrame(head.title, context), body: body)
        }
        router.post(SiteURL.pattern(SiteURL.document)) { request, context -> Response in
            let user = try Guard.user(request, context)
            let form = try await FormData.read(request, limit: WebLimits.formBytes)
            try Guard.csrf(form, context)
            let id = try context.parameters.require("id")
            let current = try await Guard.store { try await store.document(id, as: SelfEvaluation.self, for: user.actor) }
            guard let version = try RequestValues.integer(form.text("version"), "version", in: RequestValues.versions) else {
                throw HTTPError(.badRequest, message: "表单缺少版本号")
            }
            let rules = try? profiles.profile(for: current.body.kind, in: current.head.yearSetUp).management
            let edited = try EditorForm(form: form, management: rules).apply(to: current.body)
            do {
                _ = try await store.save(id, edited, expectedVersion: version, by: user.author, as: user.actor)
            } catch StoreError.stale(let expected, let now) {
                // The later save is refused; the page keeps what this user typed, now based on the newer version.
                var latest = current.head
                latest.version = now
                let message = StoreError.stale(expected: expected, current: now).description
                let body = pages.html("document", DocumentPage(
                    latest, evaluation: edited, capabilities: DocumentPage.Capabilities(user.actor, head: latest),
                    csrf: context.session?.csrfToken ?? "", assessment: try? await assessment(of: edited)))
                return pages.render(PageFrame(edited.title, context, flash: message), body: body, status: .conflict)
            } catch {
                throw Guard.failure(error)
            }
            return .redirect(to: SiteURL.document(id).path)
        }
        router.get(SiteURL.pattern(SiteURL.documentHistory)) { request, context -> Response in
            let user = try Guard.user(request, context)
            let id = try context.parameters.require("id")
            let head = try await Guard.store { try await store.head(id, for: user.actor) }
            let entries = try await Guard.store { try await store.history(id, for: user.actor) }
            return pages.render("history", HistoryPage(frame: PageFrame("修改记录", context), head: head, entries: entries))
        }
        router.get(SiteURL.pattern { SiteURL.documentReport($0, format: "{format}") }) { request, context -> Response in
            let user = try Guard.user(request, context)
            let head = try await Guard.store { try await store.head(context.parameters.require("id"), for: user.actor) }
            if head.kind == .paymentLedger { return try await ledgerDownload(head, format: context.parameters.require("format"), for: user) }
            if head.kind == .monitoringReport { return try await monitoringDownload(head, format: context.parameters.require("format"), for: user) }
            if head.kind == .finalAccounts {
                let document = try await Guard.store { try await store.document(head.id, as: FinalAccounts.self, for: user.actor) }
                return try await finalAccountsDownload(document, format: context.parameters.require("format"))
            }
            let document = try await Guard.store {
                try await store.document(context.parameters.require("id"), as: SelfEvaluation.self, for: user.actor)
            }
            return try await download(document, format: context.parameters.require("format"))
        }
    }

    /// Reads the uploaded 自评表 and stores every evaluation in it, all or none. A unit user's table must be of
    /// their own unit (a blank unit name is taken as theirs). A table of one evaluation the unit already has (same
    /// kind, year and project) updates that document as a new version, as the editor would.
    func importTable(_ file: (name: String, data: Data), by user: UserRecord) async throws -> [Document<SelfEvaluation>] {
        var evaluations: [SelfEvaluation]
        do {
            let lower = file.name.lowercased()
            if lower.hasSuffix(".json") {
                guard file.data.count <= WebLimits.formBytes else {
                    throw HTTPError(.contentTooLarge, message: "文件 \(file.name)：JSON 文件上限为 \(WebLimits.formBytes >> 20) MiB（与 JSON API 相同）")
                }
                evaluations = try SelfEvaluationImporter.fromJSON(file.data, file: file.name)
            } else if lower.hasSuffix(".xlsx") || lower.hasSuffix(".xlsm") {
                evaluations = try SelfEvaluationImporter.fromWorkbook(Workbook(data: file.data, file: file.name))
            } else {
                throw HTTPError(.unprocessableContent, message: "文件 \(file.name)：只能导入 .xlsx 自评表或 .json 文件")
            }
        } catch let error as HTTPError {
            throw error
        } catch {
            throw HTTPError(.unprocessableContent, message: "导入失败：\(error)")
        }
        if user.agency == nil {
            for index in evaluations.indices { evaluations[index].agency.name = try await agencyName(stated: evaluations[index].agency.name) }
        }
        if let unit = user.agency?.name {
            for index in evaluations.indices {
                let stated = evaluations[index].agency.name.trimmingCharacters(in: .whitespaces)
                if stated.isEmpty { evaluations[index].agency.name = unit; continue }
                guard stated == unit else {
                    throw HTTPError(.unprocessableContent, message: "文件 \(file.name)：表中单位为“\(stated)”，您所在单位为“\(unit)”，不能导入其他单位的自评表")
                }
            }
        }
        var seen = Set<String>()
        var existing: [String] = []
        for evaluation in evaluations {
            let year = evaluation.fiscalYear.map { "\($0) 年度" } ?? "未填年度的"
            guard seen.insert("\(evaluation.agency.name)|\(evaluation.documentKind)|\(evaluation.fiscalYear ?? 0)|\(evaluation.title)").inserted else {
                throw HTTPError(.conflict, message: "文件 \(file.name)：\(year)“\(evaluation.title)”在表中出现两次，未导入")
            }
            if let id = try await store.existingDocument(
                agency: evaluation.agency.name, kind: evaluation.documentKind, fiscalYear: evaluation.fiscalYear, project: evaluation.projectName)
            {
                existing.append(id)
            }
        }
        let stored = evaluations
        // The same evaluation imported again is a new version of it, in its history; never a second copy.
        if existing.count == 1, evaluations.count == 1 {
            let id = existing[0]
            return try await Guard.store {
                let current = try await store.head(id, for: user.actor)
                return [try await store.save(id, stored[0], expectedVersion: current.version, by: user.author, as: user.actor)]
            }
        }
        guard existing.isEmpty else {
            throw HTTPError(.conflict, message: "文件 \(file.name)：表中 \(existing.count) 份自评本单位已有，多项目的表不能部分更新，未导入；请逐个项目导入以更新")
        }
        return try await Guard.store { try await store.create(stored, by: user.author) }
    }

    /// The agency a file names, as the bureau imports it: the name as written, or the agency whose unit code it is.
    func agencyName(stated: String) async throws -> String {
        let name = stated.trimmingCharacters(in: .whitespaces)
        return try await store.agencyName(matching: name) ?? name
    }

    /// The report (DOCX, PDF, HTML) or the 自评表 (XLSX) of a document, scored by the profile in force, as a download.
    func download(_ document: Document<SelfEvaluation>, format: String) async throws -> Response {
        Self.attachment(try await reportFile(document, format: format))
    }

    /// The report (DOCX, PDF, HTML) or the 自评表 (XLSX) of a document, scored by the profile in force.
    func reportFile(_ document: Document<SelfEvaluation>, format: String) async throws -> DownloadFile {
        let evaluation = document.body
        let assessment = try assessment(of: evaluation, in: document.head.yearSetUp)
        let content = try ReportContent.report(evaluation, assessment: assessment, outline: outlines.forKind(evaluation.kind, profile: assessment.profile.id))
        let data: Data
        let type: String
        switch format {
        case "docx":
            data = try ReportRenderers.docx(content)
            type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case "xlsx":
            data = try SelfEvaluationWorkbook.data(evaluation, scores: .recomputed(assessment.sheet))
            type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case "html":
            data = Data(ReportRenderers.html(content).utf8)
            type = "text/html; charset=utf-8"
        case "pdf":
            data = try await pdf(content, key: PDFQueue.Key(document: document.id, version: document.head.version, profile: assessment.profile.reference))
            type = "application/pdf"
        default:
            throw HTTPError(.notFound, message: "没有 \(format) 格式的下载；可选 docx、xlsx、pdf、html")
        }
        return DownloadFile(data: data, type: type, name: ReportFileName.name(evaluation, format: format))
    }

    /// A download: `data` of `type` saved as `file` (its name in UTF-8, RFC 6266).
    static func attachment(_ data: Data, type: String, file: String) -> Response {
        attachment(DownloadFile(data: data, type: type, name: file))
    }

    static func attachment(_ file: DownloadFile) -> Response {
        Response(
            status: .ok, headers: [.contentType: file.type, .contentDisposition: disposition(file.name)],
            body: .init(byteBuffer: ByteBuffer(bytes: file.data)))
    }

    /// The Content-Disposition of a download named `name` (UTF-8, as RFC 6266 spells it).
    static func disposition(_ name: String) -> String {
        "attachment; filename*=UTF-8''" + PercentEncoding.encoded(name)
    }

    /// A new, empty ledger of `project` for `year` under the first approval rules loaded, its budget (万元) from the form.
    func newLedger(_ form: FormData, agency: String, project: String, year: Int?) throws -> PaymentLedger {
        guard let rules = store.rules.approvals.first else { throw HTTPError(.serviceUnavailable, message: "服务器没有载入审批规则") }
        let budget = try FormAmount.positive(form.text("budget"), unit: .wan, field: "全年预算数（万元）")
        return PaymentLedger(fiscalYear: year, agency: Agency(name: agency), project: project, budget: budget, rules: rules.reference)
    }

    /// A ledger's download: the payments and the approval log as XLSX.
    func ledgerDownload(_ head: DocumentHead, format: String, for user: UserRecord) async throws -> Response {
        guard format == "xlsx" else { throw HTTPError(.notFound, message: "支付台账只能下载 xlsx") }
        let ledger = try await Guard.store { try await store.document(head.id, as: PaymentLedger.self, for: user.actor) }
        guard let rules = store.rules.approvalRules(ledger.body.rules) else {
            throw HTTPError(.unprocessableContent, message: "没有审批规则“\(ledger.body.rules)”")
        }
        let data = try PaymentLedgerWorkbook.data(ledger.body, review: LedgerReview(ledger.body, rules: rules), rules: rules)
        let file = ReportFileName.name([head.fiscalYear.map { "\($0)年度" } ?? "未填年度", head.agency, ledger.body.project, "支付台账"], extension: "xlsx")
        return Self.attachment(data, type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file: file)
    }

    /// The report's PDF from the queue: made once per version, one LibreOffice at a time.
    func pdf(_ content: ReportContent, key: PDFQueue.Key) async throws -> Data {
        do { _ = try PDFConverter.converter() } catch {
            throw HTTPError(.serviceUnavailable, message: "服务器未安装 LibreOffice，暂不能生成 PDF；请下载 DOCX")
        }
        do {
            return try await pdfs.pdf(for: key) { try ReportRenderers.docx(content) }
        } catch let error as ReportError {
            throw HTTPError(.internalServerError, message: "PDF 生成失败（\(error)）；请稍后重试，或先下载 DOCX")
        }
    }
}

/// A file handed out: its bytes, media type and name.
struct DownloadFile: Sendable {
    var data: Data
    var type: String
    var name: String
}
