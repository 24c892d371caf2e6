import Foundation
import Hummingbird
import JixiaoCore
import JixiaoDocuments
import JixiaoOffice
import JixiaoStore

extension WebApp {
    /// A unit's projects: the list, a new blank evaluation, the import of its 自评表, the editor and its history.
    func addProjectRoutes(to router: Router<WebContext>) {
        router.get("/projects") { request, context -> Response in
            let user = try Guard.user(request, context)
            let year = try RequestValues.year(request.uri.queryParameters["year"])
            let page = try await store.listings(for: user.actor, ListingQuery(fiscalYear: year))
            return pages.render("projects", ProjectListView(frame: PageFrame("项目自评", context), user: user, page: page))
        }
        router.post("/projects") { request, context -> Response in
            let user = try Guard.user(request, context, in: [.unitFiller, .unitLead, .bureauAdmin])
            let form = try await FormData.read(request, limit: WebLimits.formBytes)
            try Guard.csrf(form, context)
            guard let agency = user.agency ?? Optional(form.text("agency")), !agency.isEmpty else {
                throw HTTPError(.unprocessableContent, message: "请填写单位")
            }
            let name = form.text("project")
            guard !name.isEmpty else { throw HTTPError(.unprocessableContent, message: "“项目名称”不能为空") }
            let evaluation = SelfEvaluation(
                kind: .project, fiscalYear: try RequestValues.year(form.text("fiscalYear"), "年度"), agency: Agency(name: agency), project: name,
                indicators: Self.blankTree)
            let record = try await Guard.store { try await store.createProject(evaluation, by: user.displayName) }
            return .redirect(to: "/projects/\(record.id)")
        }
        router.post("/projects/import") { request, context -> Response in
            let user = try Guard.user(request, context, in: [.unitFiller, .unitLead, .bureauAdmin])
            let form = try await FormData.read(request, limit: WebLimits.uploadBytes)
            try Guard.csrf(form, context)
            let records = try await importTable(form, by: user)
            return .redirect(to: records.count == 1 ? "/projects/\(records[0].id)" : "/projects")
        }
        router.get("/projects/:id") { request, context -> Response in
            let user = try Guard.user(request, context)
            let head = try await Guard.store { try await store.projectHead(context.parameters.require("id"), for: user.actor) }
            let capabilities = ProjectView.Capabilities(user.actor, agency: head.agency, state: head.state, yearIsOpen: head.fiscalYear?.isOpen != false)
            let key = ProjectPageCache.Key(head: head, capabilities: capabilities)
            let body = try await projectPages.body(for: key, csrf: context.session?.csrfToken ?? "") {
                let record = try await Guard.store { try await store.project(head.id, for: user.actor) }
                let profile = try? profiles.profile(for: record.evaluation.kind, in: head.fiscalYear)
                return pages.html("project", ProjectView(
                    record, evaluation: record.evaluation, capabilities: capabilities, csrf: ProjectPageCache.renderedToken, profile: profile))
            }
            return pages.render(PageFrame(head.name, context), body: body)
        }
        router.post("/projects/:id") { request, context -> Response in
            let user = try Guard.user(request, context)
            let form = try await FormData.read(request, limit: WebLimits.formBytes)
            try Guard.csrf(form, context)
            let id = try context.parameters.require("id")
            let current = try await Guard.store { try await store.project(id, for: user.actor) }
            guard let version = try RequestValues.integer(form.text("version"), "version", in: RequestValues.versions) else {
                throw HTTPError(.badRequest, message: "表单缺少版本号")
            }
            let edited = try EditorForm(form: form).apply(to: current.evaluation)
            do {
                _ = try await store.save(id, edited, expectedVersion: version, by: user.displayName, as: user.actor)
            } catch StoreError.stale(let expected, let now) {
                // The later save is refused; the page keeps what this user typed, now based on the newer version.
                var latest = current
                latest.version = now
                let message = StoreError.stale(expected: expected, current: now).description
                let year = try await store.fiscalYear(latest.fiscalYear)
                let capabilities = ProjectView.Capabilities(user.actor, agency: latest.agency, state: latest.state, yearIsOpen: year?.isOpen != false)
                let body = pages.html("project", ProjectView(
                    latest, evaluation: edited, capabilities: capabilities, csrf: context.session?.csrfToken ?? "",
                    profile: try? await profile(for: edited)))
                return pages.render(PageFrame(edited.title, context, flash: message), body: body, status: .conflict)
            } catch {
                throw Guard.failure(error)
            }
            return .redirect(to: "/projects/\(id)")
        }
        router.get("/projects/:id/history") { request, context -> Response in
            let user = try Guard.user(request, context)
            let id = try context.parameters.require("id")
            let record = try await Guard.store { try await store.project(id, for: user.actor) }
            let entries = try await Guard.store { try await store.history(id, for: user.actor) }
            struct Model { var frame: PageFrame; var id: String; var name: String; var entries: [HistoryEntry] }
            let shown = entries.reversed().map { entry in
                var entry = entry
                entry.at = BeijingTime.display(entry.at, seconds: true)
                return entry
            }
            return pages.render("history", Model(frame: PageFrame("修改记录", context), id: id, name: record.name, entries: shown))
        }
        router.get("/projects/:id/report.{format}") { request, context -> Response in
            let user = try Guard.user(request, context)
            let record = try await Guard.store { try await store.project(context.parameters.require("id"), for: user.actor) }
            return try await download(record, format: context.parameters.require("format"))
        }
    }

    /// A new evaluation's indicator tree: the national profile's first-level categories, one empty group each.
    static let blankTree = IndicatorTree(categories: ["产出指标", "效益指标", "满意度指标"].map {
        IndicatorCategory(name: $0, groups: [IndicatorGroup(name: $0 == "产出指标" ? "数量指标" : $0 == "效益指标" ? "社会效益指标" : "服务对象满意度指标")])
    })

    /// Reads the uploaded 自评表 and stores every evaluation in it, all or none. A unit user's table must be of
    /// their own unit (a blank unit name is taken as theirs). A table of one project the unit already has (same
    /// year and name) updates that project as a new version, as the editor would.
    func importTable(_ form: FormData, by user: UserRecord) async throws -> [ProjectRecord] {
        guard let file = form.file, !file.data.isEmpty else { throw HTTPError(.unprocessableContent, message: "请选择要导入的 XLSX 文件") }
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
        if let unit = user.agency {
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
            guard seen.insert("\(evaluation.agency.name)|\(evaluation.fiscalYear ?? 0)|\(evaluation.title)").inserted else {
                throw HTTPError(.conflict, message: "文件 \(file.name)：\(year)“\(evaluation.title)”在表中出现两次，未导入")
            }
            if let id = try await store.existingProject(agency: evaluation.agency.name, fiscalYear: evaluation.fiscalYear, name: evaluation.title) {
                existing.append(id)
            }
        }
        let stored = evaluations
        // The same project imported again is a new version of it, in its history; never a second copy.
        if existing.count == 1, evaluations.count == 1 {
            let id = existing[0]
            return try await Guard.store {
                let current = try await store.project(id, for: user.actor)
                return [try await store.save(id, stored[0], expectedVersion: current.version, by: user.displayName, as: user.actor)]
            }
        }
        guard existing.isEmpty else {
            throw HTTPError(.conflict, message: "文件 \(file.name)：表中 \(existing.count) 个项目本单位已有，多项目的表不能部分更新，未导入；请逐个项目导入以更新")
        }
        return try await Guard.store { try await store.createProjects(stored, by: user.displayName) }
    }

    /// The report (DOCX, PDF, HTML) or the 自评表 (XLSX) of a project, with recomputed scores.
    func download(_ record: ProjectRecord, format: String) async throws -> Response {
        let evaluation = record.evaluation
        let profile = try await profile(for: evaluation)
        let sheet = Scorer(profile: profile).score(evaluation)
        let content = ReportContent.projectReport(evaluation, sheet: sheet, outline: outline)
        let data: Data
        let type: String
        switch format {
        case "docx":
            data = try ReportRenderers.docx(content)
            type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case "xlsx":
            data = try SelfEvaluationWorkbook.data(evaluation, scores: .recomputed(sheet))
            type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case "html":
            data = Data(ReportRenderers.html(content).utf8)
            type = "text/html; charset=utf-8"
        case "pdf":
            data = try await pdf(content, key: PDFQueue.Key(project: record.id, version: record.version, profile: profile.reference))
            type = "application/pdf"
        default:
            throw HTTPError(.notFound, message: "没有 \(format) 格式的下载；可选 docx、xlsx、pdf、html")
        }
        let file = "\(record.name)-绩效自评报告.\(format)".addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "report.\(format)"
        return Response(
            status: .ok,
            headers: [.contentType: type, .contentDisposition: "attachment; filename*=UTF-8''\(file)"],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
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

/// The list of projects a user may see.
struct ProjectListView {
    var frame: PageFrame
    var projects: [ListingRow]
    var canCreate: Bool
    var needsAgency: Bool

    init(frame: PageFrame, user: UserRecord, page: ListingPage) {
        self.frame = frame
        projects = page.projects.map(ListingRow.init)
        canCreate = user.role != .reviewer
        needsAgency = user.role == .bureauAdmin
    }
}

/// One project in a list: its unit, year, state and stored summary, printed.
struct ListingRow: Sendable {
    var id: String
    var agency: String
    var year: String
    var name: String
    var state: String
    var score: String
    var grade: String
    var executionRate: String
    var findings: String
    var updatedAt: String

    init(_ listing: ProjectListing) {
        id = listing.id
        agency = listing.agency
        year = listing.fiscalYear.map(String.init) ?? ""
        name = listing.name
        state = listing.state.label
        score = listing.summary?.total.fixed(2) ?? "—"
        grade = listing.summary?.grade ?? "—"
        executionRate = listing.summary?.executionRate.map { ($0 * 100).fixed(2) + "%" } ?? "—"
        findings = listing.summary.map { String($0.findings) } ?? "—"
        updatedAt = BeijingTime.display(listing.updatedAt)
    }
}
