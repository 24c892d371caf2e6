import Foundation
import JixiaoCore
import JixiaoDocuments
import JixiaoOffice
import JixiaoStore
import Testing
@testable import JixiaoWeb

/// The bureau's bulk work of [12]: a ZIP of three units' files imported file by file, each matched to its unit and
/// kind by what it holds and each all or nothing, with the refused ones named and why; and a year's published
/// documents as one ZIP made in the background, read back with the package reader.
@Suite struct BulkWebTests {
    static let unitC = "攀枝花市应急管理局"

    /// A ZIP of `files` (path → bytes), written as the server writes its own.
    static func zip(_ files: [(String, Data)]) throws -> Data {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-bulk-\(UUID().uuidString).zip")
        defer { try? FileManager.default.removeItem(at: url) }
        let writer = try ZipFileWriter(url: url)
        for (path, data) in files { try writer.add(path, data) }
        try writer.finish()
        return try Data(contentsOf: url)
    }

    @Test(arguments: WebHarness.backends)
    func threeUnitsFilesEachAllOrNothing(_ backend: WebHarness.Backend) async throws {
        try await WebHarness.withApp(backend) { fixture, client in
            _ = try await fixture.app.store.addAgency(Self.unitC, code: "510401001")
            var project = try WebHarness.evaluation("seed000-project.json")
            project.project = "批量导入的项目"
            var agency = try WebHarness.evaluation("seed004-self-evaluation.json")
            agency.fiscalYear = 2024
            var accounts = try FinalAccountsWebTests.seed003(agency: "510401001")
            accounts.fiscalYear = 2023
            var another = project
            another.project = "另一个项目"
            var unknown = project
            unknown.agency.name = "不存在的单位"
            let mixed = try JSONEncoder().encode([another, unknown])
            let archive = try Self.zip([
                ("株洲/2024年部门整体自评表.xlsx", try SelfEvaluationWorkbook.data(agency)),
                ("攀枝花东区/项目自评.json", try JSONEncoder().encode(project)),
                ("攀枝花市/决算公开表.json", try JSONEncoder().encode(accounts)),
                ("攀枝花东区/两份自评（其一单位不存在）.json", mixed),
                ("攀枝花市/决算公开.pdf", Data("%PDF-1.4".utf8)),
                ("损坏的自评表.xlsx", Data("not a zip".utf8)),
                ("__MACOSX/._项目自评.json", Data([0, 1])),
            ])
            var admin = Browser(client)
            try await admin.signIn("admin")
            let report = try await admin.upload("/collection/import", file: archive, name: "2023年度各单位.zip")
            #expect(report.status == .ok, "\(report.text.prefix(300))")
            #expect(report.text.contains("3 个文件已导入（3 份文档），3 个文件未导入"))
            #expect(report.text.contains("单位“不存在的单位”尚未建立"), "the mixed file names the unit it lacks")
            #expect(report.text.contains("公开的报告文本只能用审核功能检查"))
            #expect(report.text.contains("损坏的自评表.xlsx"))
            #expect(!report.text.contains("__MACOSX"))

            let bureau = Actor(role: .bureauAdmin)
            let all = try await fixture.app.store.listings(for: bureau, ListingQuery()).documents
            #expect(all.count == 5, "two of the fixture, three imported; the mixed file left nothing: \(all.map(\.title))")
            #expect(all.contains { $0.kind == .finalAccounts && $0.agency == Self.unitC && $0.fiscalYear == 2023 }, "matched by the unit's code")
            #expect(all.contains { $0.kind == .agencyEvaluation && $0.agency == WebHarness.unitA && $0.fiscalYear == 2024 })
            #expect(all.filter { $0.title.contains("批量导入的项目") }.count == 1)
            #expect(!all.contains { $0.title == "另一个项目" }, "the file that named an unknown unit left nothing")

            var lead = Browser(client)
            try await lead.signIn("leadA")
            #expect(try await lead.upload("/collection/import", file: archive, name: "a.zip").status == .forbidden)
            let bad = try await admin.upload("/collection/import", file: Data("PK not really".utf8), name: "坏.zip")
            #expect(bad.status == .unprocessableContent && bad.text.contains("坏.zip"))

            // The same files as a chosen folder: each one sent with its path, imported by itself.
            var later = project
            later.project = "文件夹里的项目"
            let folder = try await admin.upload("/collection/import", files: [
                ("各单位/攀枝花东区/项目自评.json", try JSONEncoder().encode(later)),
                ("各单位/攀枝花市/决算公开.pdf", Data("%PDF-1.4".utf8)),
                ("各单位/.DS_Store", Data([0, 1])),
            ])
            #expect(folder.status == .ok, "\(folder.text.prefix(300))")
            #expect(folder.text.contains("1 个文件已导入（1 份文档），1 个文件未导入"), "\(folder.text.prefix(600))")
            #expect(folder.text.contains("各单位/攀枝花市/决算公开.pdf") && !folder.text.contains(".DS_Store"))
            #expect(try await fixture.app.store.listings(for: bureau, ListingQuery(text: "文件夹里的项目")).total == 1)

            // Ledgers: matched by their 单位 and 项目名称 lines; one with paper approvals is the unit lead's to bring in.
            let header = "日期,凭证号,收款人,金额（元）,用途,资金来源,发票号,合同号,验收单,会议纪要,局党委会,分管区领导,经办人,分管领导,主要领导,录入人"
            func ledger(_ project: String, approvals: String) -> Data {
                Data("""
                    2023年度\(project)支付台账
                    单位：\(WebHarness.unitA)
                    项目名称：\(project)
                    \(header)
                    2023-03-01,记-001,某公司,1200.00,办公用品,财政拨款,FP001,,,,,,\(approvals),,,
                    """.utf8)
            }
            let ledgers = try await admin.upload("/collection/import", files: [
                ("台账/批量台账项目.csv", ledger("批量台账项目", approvals: "")),
                ("台账/有审批的台账.csv", ledger("有审批的项目", approvals: "2023-03-01 张三")),
            ])
            #expect(ledgers.text.contains("1 个文件已导入（1 份文档），1 个文件未导入"), "\(ledgers.text.prefix(800))")
            #expect(ledgers.text.contains("须由单位负责人在项目页导入"))
            let stored = try await fixture.app.store.listings(for: bureau, ListingQuery(kinds: [.paymentLedger])).documents
            #expect(stored.contains { $0.title.contains("批量台账项目") && $0.agency == WebHarness.unitA && $0.fiscalYear == 2023 }, "\(stored.map(\.title))")
        }
    }

    @Test(arguments: WebHarness.backends)
    func theYearsPublishedDocumentsAsOneZIP(_ backend: WebHarness.Backend) async throws {
        try await WebHarness.withApp(backend) { fixture, client in
            let store = fixture.app.store
            let bureau = Actor(role: .bureauAdmin)
            for step in [WorkflowAction.submit, .approve, .publish] {
                _ = try await store.transition(fixture.documentB, step, by: WebHarness.system, as: step == .submit ? fixture.leadB : bureau)
            }
            var admin = Browser(client)
            try await admin.signIn("admin")
            #expect(try await admin.get("/archives/2023").text.contains("开始打包"))
            #expect(try await admin.post("/archives/2023").status == .seeOther)
            var page = ""
            for _ in 0..<600 {
                page = try await admin.get("/archives/2023").text
                if page.contains("archive-download") || page.contains("打包失败") { break }
                try await Task.sleep(for: .milliseconds(100))
            }
            #expect(page.contains("打包 1 份文档"), "\(page)")
            let download = try await admin.get("/archives/2023/download")
            #expect(download.status == .ok && download.headers[.contentType] == "application/zip")
            let package = try OfficePackage(data: download.data, file: "2023.zip")
            let paths = package.partPaths
            #expect(paths.contains { $0.hasPrefix(WebHarness.unitB + "/") && $0.hasSuffix(".docx") })
            #expect(paths.contains { $0.hasPrefix(WebHarness.unitB + "/") && $0.hasSuffix(".xlsx") })
            #expect(paths.contains("说明.txt"))
            #expect(!paths.contains { $0.hasPrefix(WebHarness.unitA + "/") }, "unit A's draft is not published")
            let docx = try #require(paths.first { $0.hasSuffix(".docx") })
            let word = try WordDocument(package: OfficePackage(data: try #require(try package.part(docx)), file: docx))
            #expect(word.paragraphs.contains { $0.text.contains("自评") })
        }
    }
}
