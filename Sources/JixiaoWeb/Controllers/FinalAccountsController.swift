import Foundation
import Hummingbird
import JixiaoCore
import JixiaoDocuments
import JixiaoOffice
import JixiaoStore

extension WebApp {
    /// Final accounts uploaded as JSON or as the XLSX that 决算 software exports (its statements found by their titles
    /// and words); nil when the file is neither, so the upload is read as a 自评表. The unit's own only; the same
    /// unit and year imported again is a new version.
    /// `fiscalYear` is the year for a workbook whose sheets do not say it.
    func importFinalAccounts(_ file: (name: String, data: Data), fiscalYear: Int?, by user: UserRecord) async throws -> Document<FinalAccounts>? {
        guard !file.data.isEmpty else { return nil }
        let lower = file.name.lowercased()
        var accounts: FinalAccounts
        do {
            if lower.hasSuffix(".json") {
                guard let read = try FinalAccountsFile.decode(file.data, file: file.name) else { return nil }
                accounts = read
            } else if lower.hasSuffix(".xlsx") || lower.hasSuffix(".xlsm") {
                let workbook = try Workbook(data: file.data, file: file.name)
                // The unit the sheets name (编制单位) is checked below like a JSON file's.
                guard let (read, problems) = try FinalAccountsFile.fromWorkbook(workbook, agency: nil, year: fiscalYear) else { return nil }
                if let problem = problems.first {
                    throw HTTPError(.unprocessableContent, message: "文件 \(file.name)：\(problem.location.description)：\(problem.explanation)")
                }
                if let problem = read.inputProblem { throw HTTPError(.unprocessableContent, message: "文件 \(file.name)：\(problem)") }
                accounts = read
            } else {
                return nil
            }
        } catch let error as HTTPError {
            throw error
        } catch {
            throw HTTPError(.unprocessableContent, message: "导入失败：\(error)")
        }
        if user.agency == nil { accounts.agency.name = try await agencyName(stated: accounts.agency.name) }
        if let unit = user.agency?.name {
            let stated = accounts.agency.name.trimmingCharacters(in: .whitespaces)
            accounts.agency.name = stated.isEmpty ? unit : stated
            guard accounts.agency.name == unit else {
                throw HTTPError(.unprocessableContent, message: "文件 \(file.name)：决算单位为“\(stated)”，您所在单位为“\(unit)”，不能导入其他单位的决算")
            }
        }
        let stored = accounts
        return try await Guard.store {
            if let id = try await store.existingDocument(agency: stored.agency.name, kind: .finalAccounts, fiscalYear: stored.fiscalYear, project: nil) {
                let current = try await store.head(id, for: user.actor)
                return try await store.save(id, stored, expectedVersion: current.version, by: user.author, as: user.actor)
            }
            return try await store.create([stored], by: user.author)[0]
        }
    }

    /// The disclosure's page.
    func finalAccountsPage(_ stored: StoredDocument, user: UserRecord, context: WebContext) async throws -> Response {
        let document = try await Guard.store { try stored.document(as: FinalAccounts.self) }
        let head = stored.head
        let content = try DisclosureContent.disclosure(document.body, outline: DisclosureOutline.builtin())
        let findings = FinalAccountsChecks(classifications: try RuleFiles.classifications()).findings(for: document.body)
        let page = FinalAccountsPage(
            head, accounts: document.body, findings: findings, disclosure: ReportRenderers.htmlBody(content),
            capabilities: DocumentPage.Capabilities(user.actor, head: head), csrf: context.session?.csrfToken ?? "")
        return pages.render(PageFrame(document.body.title, context), body: pages.html("final-accounts", page))
    }

    /// The disclosure as DOCX (native charts), PDF, HTML (SVG charts), or its statements as XLSX, as a download.
    func finalAccountsDownload(_ document: Document<FinalAccounts>, format: String) async throws -> Response {
        Self.attachment(try await finalAccountsFile(document, format: format))
    }

    /// The disclosure as DOCX (native charts), PDF, HTML (SVG charts), or its statements as XLSX.
    func finalAccountsFile(_ document: Document<FinalAccounts>, format: String) async throws -> DownloadFile {
        let accounts = document.body
        let outline = try DisclosureOutline.builtin()
        let content = try DisclosureContent.disclosure(accounts, outline: outline)
        let data: Data
        let type: String
        switch format {
        case "docx":
            data = try ReportRenderers.docx(content)
            type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case "xlsx":
            data = try DisclosureWorkbook.data(accounts, outline: outline)
            type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case "html":
            data = Data(ReportRenderers.html(content).utf8)
            type = "text/html; charset=utf-8"
        case "pdf":
            data = try await pdf(content, key: PDFQueue.Key(document: document.id, version: document.head.version, profile: outline.id + "@" + outline.version))
            type = "application/pdf"
        default:
            throw HTTPError(.notFound, message: "没有 \(format) 格式的下载；可选 docx、xlsx、pdf、html")
        }
        return DownloadFile(data: data, type: type, name: FinalAccountsFile.name(accounts, format: format))
    }
}
