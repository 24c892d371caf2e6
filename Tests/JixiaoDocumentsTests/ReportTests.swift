import Foundation
import Testing
import JixiaoCore
import JixiaoDocuments
import JixiaoOffice

/// The project self-evaluation report written from seed 000's figures, in every format, read back.
@Suite struct ReportTests {
    static let data = TestPaths.examples.appendingPathComponent("seed000-project.json")

    static func content() throws -> (ReportContent, ScoreSheet, SelfEvaluation) {
        let evaluation = try #require(try SelfEvaluationImporter.load(data).first)
        let assessment = Assessment(evaluation, profile: try ProfileCatalog.builtin().defaultProfile(for: evaluation.kind))
        return (try ReportContent.report(evaluation, assessment: assessment, outline: try ReportOutline.builtin(for: evaluation.kind)), assessment.sheet, evaluation)
    }

    @Test func theGeneratedSentencesCarryTheSeedsFacts() throws {
        let (content, sheet, _) = try Self.content()
        let document = try WordDocument(package: OfficePackage(data: ReportRenderers.docx(content), file: "r.docx"))
        let text = document.paragraphs.map(\.text).joined(separator: "\n")
        #expect(text.contains("2023年度攀枝花市东区应急管理局项目支出"))
        #expect(text.contains("2023年申请应急管理专项经费48万元，财政批复48万元，全年预算无追加和调整。"))
        #expect(text.contains("项目全年预算执行率为85.23%"))
        #expect(text.contains("本项目自评得分\(sheet.total.fixed(2))分，评价等级为“\(sheet.gradeLabel ?? "")”"))
        #expect(sheet.total.fixed(2) == "95.52" && sheet.gradeLabel == "优")
        // The unit's own paragraphs are kept under their headings.
        #expect(text.contains("单笔支付5000元以上的款项，需要召开局党委会议"))
        #expect(text.contains("（二）存在的问题。"))
    }

    @Test func theDocxHasTheOfficialPageAndTheTablesMerges() throws {
        let (content, _, _) = try Self.content()
        let data = try ReportRenderers.docx(content)
        let package = try OfficePackage(data: data, file: "r.docx")
        let xml = String(decoding: try package.xmlPart("word/document.xml"), as: UTF8.self)
        #expect(xml.contains(#"<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588""#))
        let styles = String(decoding: try package.xmlPart("word/styles.xml"), as: UTF8.self)
        #expect(styles.contains("仿宋_GB2312") && styles.contains("方正小标宋简体") && styles.contains(#"w:line="560" w:lineRule="exact""#))
        let footer = String(decoding: try package.xmlPart("word/footer1.xml"), as: UTF8.self)
        #expect(footer.contains("— ") && footer.contains(" PAGE "))
        #expect(xml.contains("<w:vMerge w:val=\"restart\"/>") && xml.contains("<w:gridSpan"))
        let document = try WordDocument(package: package)
        #expect(document.tables.count == 3, "the 自评表's blocks, its indicator table, the annex")
        let table = document.tables[0]
        #expect(table.cells.values.contains(.text("40.91")))
        #expect(table.cells.values.contains(.text("85.23%")))
    }

    @Test func theWorkbookHasTheTableAndTheAnnex() throws {
        let (_, sheet, evaluation) = try Self.content()
        let workbook = try Workbook(data: try SelfEvaluationWorkbook.data(evaluation, scores: .recomputed(sheet)), file: "r.xlsx")
        #expect(workbook.sheetNames == ["自评表", "计分说明"])
        let table = try workbook.sheet(at: 0)
        #expect(table.cells.values.contains(.number("40.9094")))
        #expect(table.cells.values.contains(.number("95.52")))
        let again = try #require(try SelfEvaluationImporter.fromWorkbook(workbook).first)
        #expect(again.budget.total == evaluation.budget.total)
        #expect(again.indicators.indicators.map(\.target) == evaluation.indicators.indicators.map(\.target))
    }

    @Test func htmlAndMarkdownCarryTheSameContent() throws {
        let (content, _, _) = try Self.content()
        let html = ReportRenderers.html(content)
        #expect(html.contains("项目全年预算执行率为85.23%，结余7.09万元未使用"))
        #expect(html.contains("rowspan=") && html.contains("@page { size: A4"))
        let markdown = ReportRenderers.markdown(content)
        #expect(markdown.hasPrefix("# 2023年度攀枝花市东区应急管理局项目支出绩效自评报告"))
        #expect(markdown.contains("## 一、项目概况") && markdown.contains("| 产出指标（50分） |"))
    }

    @Test(.enabled(if: (try? PDFConverter.converter()) != nil))
    func thePDFShowsTheTitleAndAFigure() throws {
        let (content, _, _) = try Self.content()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-pdf-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let docx = folder.appendingPathComponent("report.docx")
        try ReportRenderers.docx(content).write(to: docx)
        let pdf = try PDFConverter.convert(docx, into: folder)
        let text = try Process.output("/usr/bin/pdftotext", [pdf.path, "-"]).filter { !$0.isWhitespace }
        #expect(text.contains("攀枝花市东区应急管理局项目支出"))
        #expect(text.contains("40.91"))
    }
}

extension Process {
    /// Runs `tool` with `arguments` and returns its standard output.
    static func output(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
