import Foundation
import Hummingbird
import JixiaoCore
import JixiaoDocuments
import JixiaoOffice
import JixiaoStore

extension WebApp {
    /// The bureau's bulk work: a ZIP or a folder of units' files imported file by file (each all or nothing, matched to
    /// its unit and kind by its contents), and a year's published documents downloaded as one ZIP made in the background.
    func addBulkRoutes(to router: Router<WebContext>) {
        router.post(RouterPath(.bulkImport)) { request, context -> Response in
            let user = try Guard.user(request, context, in: [.bureauAdmin])
            let form = try await FormData.read(request, limit: WebLimits.bulkBytes)
            try Guard.csrf(form, context)
            let year = try RequestValues.year(form.text("fiscalYear"), "年度")
            let uploads = form.files.filter { !$0.data.isEmpty }
            guard let first = uploads.first else { throw HTTPError(.unprocessableContent, message: "请选择要导入的 ZIP 压缩包或文件夹") }
            var outcomes: [BulkOutcome] = []
            let source: String
            if uploads.count == 1, first.name.lowercased().hasSuffix(".zip") {
                let package: OfficePackage
                do {
                    package = try OfficePackage(data: first.data, file: first.name, limits: WebLimits.bulkArchive)
                } catch let error as OfficeError {
                    throw HTTPError(.unprocessableContent, message: "文件 \(first.name) 不是可读取的 ZIP 压缩包：\(error.reason)")
                }
                for path in package.partPaths where BulkOutcome.isUserFile(path) {
                    do {
                        guard let data = try package.part(path) else { throw HTTPError(.unprocessableContent, message: "压缩包中找不到该文件") }
                        outcomes.append(await importBulkFile(path, data, fiscalYear: year, by: user))
                    } catch {
                        outcomes.append(BulkOutcome(file: path, refused: Self.reason(error)))
                    }
                }
                source = first.name
            } else {
                // A folder's files (the browser sends each with its path), or several files chosen at once.
                guard uploads.count <= WebLimits.bulkArchive.maximumEntries else {
                    throw HTTPError(.contentTooLarge, message: "一次最多导入 \(WebLimits.bulkArchive.maximumEntries) 个文件，请分批导入")
                }
                for upload in uploads where BulkOutcome.isUserFile(upload.name) {
                    outcomes.append(await importBulkFile(upload.name, upload.data, fiscalYear: year, by: user))
                }
                source = "所选的 \(uploads.count) 个文件"
            }
            return pages.render("bulk", BulkReportPage(frame: PageFrame("批量导入结果", context), archive: source, outcomes: outcomes))
        }
        router.post(SiteURL.pattern(SiteURL.yearArchive)) { request, context -> Response in
            let user = try Guard.user(request, context, in: [.bureauAdmin])
            let form = try await FormData.read(request, limit: WebLimits.formBytes)
            try Guard.csrf(form, context)
            let year = try archiveYear(context)
            try await yearArchives.start(year) { writer, report in
                try await packYear(year, into: writer, as: user.actor, report: report)
            }
            return .redirect(to: SiteURL.yearArchive(String(year)).path)
        }
        router.get(SiteURL.pattern(SiteURL.yearArchive)) { request, context -> Response in
            _ = try Guard.user(request, context, in: [.bureauAdmin])
            let year = try archiveYear(context)
            let progress = await yearArchives.progress(year)
            var frame = PageFrame("\(year) 年度已公开文档", context)
            frame.refreshSeconds = progress?.isRunning == true ? 2 : nil
            return pages.render("archive", YearArchivePage(frame: frame, year: year, progress: progress))
        }
        router.get(SiteURL.pattern(SiteURL.yearArchiveDownload)) { request, context -> Response in
            _ = try Guard.user(request, context, in: [.bureauAdmin])
            let year = try archiveYear(context)
            guard let file = await yearArchives.progress(year)?.file else {
                throw HTTPError(.notFound, message: "\(year) 年度的压缩包尚未生成，请先在报送情况页开始打包")
            }
            let body = try await FileIO().loadFile(path: file.path, context: context)
            return Response(
                status: .ok, headers: [.contentType: "application/zip", .contentDisposition: Self.disposition("\(year)年度已公开文档.zip")], body: body)
        }
    }

    private func archiveYear(_ context: WebContext) throws -> Int {
        guard let year = try RequestValues.year(context.parameters.get("id"), "年度") else {
            throw HTTPError(.badRequest, message: "地址中缺少年度")
        }
        return year
    }

    /// One file of an uploaded ZIP or folder imported by itself: the final accounts or the 自评表 it holds, or why not.
    private func importBulkFile(_ path: String, _ data: Data, fiscalYear: Int?, by user: UserRecord) async -> BulkOutcome {
        let name = (path as NSString).lastPathComponent
        if let refusal = BulkOutcome.refusal(forExtension: (name as NSString).pathExtension.lowercased()) {
            return BulkOutcome(file: path, refused: refusal)
        }
        do {
            if name.lowercased().hasSuffix(".csv"), let ledger = try await importBulkLedger(name, data, by: user) {
                return BulkOutcome(file: path, imported: [ledger.head])
            }
            if let accounts = try await importFinalAccounts((name, data), fiscalYear: fiscalYear, by: user) {
                return BulkOutcome(file: path, imported: [accounts.head])
            }
            do {
                return BulkOutcome(file: path, imported: try await importTable((name, data), by: user).map(\.head))
            } catch {
                // A workbook that is no 自评表 may be a ledger (read only then: most workbooks are 自评表); if it is
                // not one either, the 自评表's reason stands.
                guard let ledger = try await importBulkLedger(name, data, by: user) else { throw error }
                return BulkOutcome(file: path, imported: [ledger.head])
            }
        } catch {
            return BulkOutcome(file: path, refused: Self.reason(error))
        }
    }

    /// A payments ledger (支付台账: its 单位 and 项目名称 lines and its payments table), stored as a new document of its
    /// unit's project and year; nil when the file is not a ledger (a .csv always is one). Paper approvals in a file
    /// are the unit's lead's to bring in (as on the project's page): a ledger holding any is refused.
    private func importBulkLedger(_ name: String, _ data: Data, by user: UserRecord) async throws -> Document<PaymentLedger>? {
        let isCSV = name.lowercased().hasSuffix(".csv")
        guard let rules = store.rules.approvals.first else {
            if isCSV { throw HTTPError(.serviceUnavailable, message: "服务器没有载入审批规则，支付台账未导入") }
            return nil
        }
        var ledger: PaymentLedger
        do {
            ledger = try PaymentLedgerImporter.read(data: data, file: name, rules: rules)
        } catch {
            if isCSV { throw HTTPError(.unprocessableContent, message: "支付台账无法读取：\(error)") }
            return nil
        }
        guard !ledger.agency.name.isEmpty else { throw HTTPError(.unprocessableContent, message: "支付台账未写“单位：”，无法归到单位") }
        ledger.agency.name = try await agencyName(stated: ledger.agency.name)
        if ledger.payments.contains(where: { !$0.approvals.isEmpty }) {
            throw HTTPError(.forbidden, message: "台账中含有审批记录（纸质审批），须由单位负责人在项目页导入，由其对这些审批负责")
        }
        if try await store.existingDocument(agency: ledger.agency.name, kind: .paymentLedger, fiscalYear: ledger.fiscalYear, project: ledger.project) != nil {
            throw HTTPError(.conflict, message: "“\(ledger.project)”\(ledger.fiscalYear.map { "\($0) 年度" } ?? "")已有支付台账，未导入；请在项目页记录或导入")
        }
        return try await Guard.store { try await store.create([ledger], by: user.author) }[0]
    }

    /// An error as the bulk report and the year's 说明.txt say it.
    static func reason(_ error: any Error) -> String {
        switch error {
        case let error as HTTPError: error.body ?? "\(error.status.code)"
        case let error as OfficeError: error.description
        default: "\(error)"
        }
    }

    /// Writes every published document of `year` into `writer`: each evaluation's report (DOCX, PDF) and 自评表
    /// (XLSX), each disclosure (DOCX, PDF) and its statements (XLSX), in a folder per unit; a PDF that cannot be made
    /// (no LibreOffice) is listed in 说明.txt instead.
    private func packYear(
        _ year: Int, into writer: ZipFileWriter, as actor: Actor, report: @Sendable (Int, Int) async -> Void
    ) async throws {
        var listings: [DocumentListing] = []
        while true {
            let page = try await store.listings(
                for: actor, ListingQuery(fiscalYear: year, kinds: DocumentKind.reviewed, states: [.published], limit: 1_000, offset: listings.count))
            listings += page.documents
            if page.documents.isEmpty || listings.count >= page.total { break }
        }
        var notes: [String] = []
        var used = Set<String>()
        for (index, listing) in listings.enumerated() {
            var files: [DownloadFile] = []
            do {
                let make: (String) async throws -> DownloadFile
                if listing.kind == .finalAccounts {
                    let document = try await store.document(listing.id, as: FinalAccounts.self, for: actor)
                    make = { try await finalAccountsFile(document, format: $0) }
                } else {
                    let document = try await store.document(listing.id, as: SelfEvaluation.self, for: actor)
                    make = { try await reportFile(document, format: $0) }
                }
                for format in ["docx", "xlsx", "pdf"] {
                    // Each file is made on a thread that also serves requests: let them run between files.
                    await Task.yield()
                    do { files.append(try await make(format)) } catch {
                        notes.append("\(listing.agency)《\(listing.title)》\(format.uppercased()) 未生成：\(Self.reason(error))")
                    }
                }
            } catch {
                notes.append("\(listing.agency)《\(listing.title)》未打包：\(Self.reason(error))")
            }
            for file in files {
                var path = "\(ReportFileName.safe(listing.agency))/\(file.name)"
                if !used.insert(path).inserted { path = "\(ReportFileName.safe(listing.agency))/\(listing.id)-\(file.name)" }
                try writer.add(path, file.data)
            }
            await report(index + 1, listings.count)
        }
        let summary = ["\(year) 年度已公开文档 \(listings.count) 份（绩效 Jixiao 于 \(BeijingTime.display(Date().formatted(.iso8601))) 打包）。"] + notes
        try writer.add("说明.txt", Data(summary.joined(separator: "\n").utf8))
    }
}
