import Foundation
import Testing
import JixiaoCore
import JixiaoOffice
@testable import JixiaoDocuments

/// docs/examples/seed003-final-accounts.json, built from seed 003's text, written as a disclosure in seed 003's outline:
/// the standard sentences from the figures (the shares and rates seed 003 prints wrong come out right), seven native
/// charts, the fourteen statements; the text Jixiao wrote passes Jixiao's own audit.
@Suite struct DisclosureTests {
    static func accounts() throws -> FinalAccounts {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/examples/seed003-final-accounts.json")
        return try #require(try FinalAccountsFile.load(url))
    }

    static func content() throws -> ReportContent {
        try DisclosureContent.disclosure(accounts(), outline: DisclosureOutline.builtin())
    }

    @Test func theSentencesAreWrittenFromTheFigures() throws {
        let paragraphs = try Self.content().blocks.compactMap { block -> String? in
            if case .paragraph(let text) = block { text } else { nil }
        }
        let text = paragraphs.joined(separator: "\n")
        #expect(text.contains("2020年度收入总计4659.77万元、支出总计4659.77万元。"))
        #expect(text.contains("与2019年相比，本年收入增加2516.77万元，增长134.80%，本年支出增加1069.13万元，增长54.82%。"))
        // Seed 003: "一般公共服务（类）支出14.31元，占0.04%": 14.31万元 of 2491.62 is 0.57 %.
        #expect(text.contains("一般公共服务支出（类）14.31万元，占0.57%"))
        #expect(text.contains("减少8.06万元，下降27.20%"), "seed 003 prints 下降27.%")
        #expect(text.contains("授予中小企业合同金额34.02万元，占政府采购支出总额的100.00%，其中：授予小微企业合同金额34.02万元"))
        #expect(text.contains("完成预算63.13%"), "the items' budgets give 63.13 %, not the 100 % seed 003 prints")
        #expect(text.contains("11.灾害防治及应急管理支出（类）应急管理事务（款）其他应急管理支出（项）：支出决算为374.38万元，完成预算20.46%。决算数小于预算数"))
        #expect(text.contains("因公出国（境）经费支出0万元。"), "no budget, no completion rate")
        #expect(!text.contains("{"), "every placeholder filled")
    }

    @Test func theDOCXHasSevenNativeChartsAndPassesItsOwnAudit() throws {
        let data = try ReportRenderers.docx(Self.content())
        let package = try OfficePackage(data: data, file: "决算.docx")
        let charts = package.partPaths.filter { $0.hasPrefix("word/charts/chart") && $0.hasSuffix(".xml") }
        #expect(charts.count == 7)
        let pie6 = String(decoding: try #require(try package.part("word/charts/chart6.xml")), as: UTF8.self)
        #expect(pie6.contains("<c:pieChart>") && pie6.contains("<c:v>14.31</c:v>") && pie6.contains("<c:v>2177.82</c:v>"))
        let pie7 = String(decoding: try #require(try package.part("word/charts/chart7.xml")), as: UTF8.self)
        #expect(pie7.contains("<c:v>“三公”经费</c:v>") && !pie7.contains("销售额"))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-disclosure-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("决算.docx")
        try data.write(to: file)
        let findings = try ReportAuditor(catalog: ProfileCatalog.builtin()).audit(file)
        #expect(findings.filter { $0.severity == .error }.isEmpty, "\(findings.map(\.explanation))")
    }

    @Test func theStatementsAreTablesAndAWorkbook() throws {
        let accounts = try Self.accounts()
        let outline = try DisclosureOutline.builtin()
        let workbook = try Workbook(data: DisclosureWorkbook.data(accounts, outline: outline), file: "决算.xlsx")
        #expect(workbook.sheetNames.count == 14)
        let general = try workbook.sheets().first { $0.name.hasPrefix("六、") }
        let cells = try #require(general).cells.values.map { "\($0)" }.joined(separator: " ")
        #expect(cells.contains("2240101") && cells.contains("2491.62"))
        let summary = try workbook.sheet(at: 0)
        let texts = summary.cells.values.map { "\($0)" }.joined(separator: " ")
        #expect(texts.contains("年初结转和结余") && texts.contains("4659.77"))
    }

    @Test(.enabled(if: (try? PDFConverter.converter()) != nil))
    func libreOfficeDrawsTheCharts() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-disclosure-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let docx = folder.appendingPathComponent("决算.docx")
        try ReportRenderers.docx(Self.content()).write(to: docx)
        let pdf = try PDFConverter.convert(docx, into: folder)
        let text = try Process.output("/usr/bin/pdftotext", [pdf.path, "-"])
        // Pie labels are drawn by the chart ("531.44; 12%"), not written in the text.
        #expect(text.contains("531.44; 12%"))
        #expect(text.filter { !$0.isWhitespace }.contains("图7：“三公”经费财政拨款支出结构"))
    }
}
