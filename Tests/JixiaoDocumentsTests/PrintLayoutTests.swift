import Foundation
import JixiaoCore
import JixiaoDocuments
import JixiaoOffice
import Testing

/// Documents that print like the official forms (issue [11]), read back from the files Jixiao writes: the 自评表's
/// row heights, borders, numeric rate and print area; the report's grid, outer-edge page numbers, repeated table
/// header and unbroken numbers; the text's official names, its problems from the data and the unit's paragraphs
/// once; file names that never collide. python-docx, openpyxl and LibreOffice check the same in CI
/// (scripts/verify_documents.py).
@Suite struct PrintLayoutTests {
    static func seed000() throws -> (SelfEvaluation, Assessment) {
        let evaluation = try #require(try SelfEvaluationImporter.load(TestPaths.repository.appendingPathComponent("docs/examples/seed000-project.json")).first)
        return (evaluation, Assessment(evaluation, profile: try ProfileCatalog.builtin().defaultProfile(for: evaluation.kind)))
    }

    static func part(_ data: Data, _ name: String) throws -> String {
        String(decoding: try OfficePackage(data: data, file: "x").xmlPart(name), as: UTF8.self)
    }

    @Test func theTablePrintsWithRowHeightsBordersNumbersAndAPrintArea() throws {
        let (evaluation, assessment) = try Self.seed000()
        let data = try SelfEvaluationWorkbook.data(evaluation, scores: .recomputed(assessment.sheet))
        let sheet = try Self.part(data, "xl/worksheets/sheet1.xml")
        let heights = sheet.matches(of: /<row r="(\d+)" ht="([0-9.]+)" customHeight="1">/).map { (Int($0.1)!, Double($0.2)!) }
        #expect(heights.count >= 5, "rows with wrapped text get a height")
        #expect(heights.contains { $0.1 >= 60 }, "the goal row is several lines tall")
        let workbook = try Self.part(data, "xl/workbook.xml")
        #expect(workbook.contains(#"<definedName name="_xlnm.Print_Area" localSheetId="0">'自评表'!$A$1:$I$19</definedName>"#))
        #expect(workbook.contains(#"_xlnm.Print_Titles"#))
        let table = try Workbook(data: data, file: "t.xlsx").sheet(at: 0)
        #expect(table.cells.values.contains(.number("0.8523")), "执行率 is a number")
        let styles = try Self.part(data, "xl/styles.xml")
        #expect(styles.contains(#"formatCode="0.00%""#))
        let bordered = sheet.matches(of: /<c r="I(\d+)" s="(\d+)"/).count
        #expect(bordered >= 18, "column I has a cell, bordered, in every row of the form (\(bordered))")
    }

    @Test func theReportFollowsGBT9704InTheDetails() throws {
        let (evaluation, assessment) = try Self.seed000()
        let data = try ReportRenderers.docx(try ReportContent.report(evaluation, assessment: assessment, outline: try ReportOutline.builtin(for: evaluation.kind)))
        let styles = try Self.part(data, "word/styles.xml")
        #expect(styles.contains(#"<w:spacing w:val="-5"/>"#), "28 characters of 16 pt on a 156 mm line")
        #expect(WordLayout.gbt9704.characterSpacing == -5)
        #expect(try Self.part(data, "word/settings.xml").contains("<w:evenAndOddHeaders/>"))
        #expect(try Self.part(data, "word/footer1.xml").contains(#"<w:jc w:val="right"/>"#))
        #expect(try Self.part(data, "word/footer2.xml").contains(#"<w:jc w:val="left"/>"#))
        let document = try Self.part(data, "word/document.xml")
        #expect(document.contains(#"<w:footerReference w:type="even" r:id="rIdFooterEven"/>"#))
        #expect(document.matches(of: /<w:tblHeader\/>/).count == 2, "the indicator table's header and the annex's repeat")
        let word = try WordDocument(package: OfficePackage(data: data, file: "r.docx"))
        #expect(word.tables.count == 3)
    }

    @Test func numbersNeverBreakInANarrowColumn() {
        let table = WordTable(texts: [["序号", "指标", "分值", "填报得分"], ["1", "预算执行率", "10", "8.5"], ["2", "慰问辖区消防队伍", "10.00", "100.00%"]])
        let widths = table.fittedWidths(total: 8844, fontSize: 12, weights: [5, 40, 6, 7])
        #expect(widths.reduce(0, +) <= 8844)
        #expect(widths[2] >= 5 * 120 + 114 && widths[3] >= 7 * 120 + 114, "“10.00” and “100.00%” fit: \(widths)")
        #expect(widths[1] > widths[2], "text columns take the rest")
    }

    @Test func theTextNamesTheRulesSaysWhatTheDataShowAndKeepsTheUnitsParagraphsOnce() throws {
        let (evaluation, assessment) = try Self.seed000()
        let content = try ReportContent.report(evaluation, assessment: assessment, outline: try ReportOutline.builtin(for: evaluation.kind))
        let text = ReportRenderers.markdown(content)
        #expect(!text.contains("mof-2020-project") && !text.contains("默认"))
        #expect(text.contains("按照财政部《项目支出绩效评价管理办法》（财预〔2020〕10号）自评规则计分"))
        #expect(!text.contains("无。"))
        #expect(text.contains("项目全年预算执行率为85.23%，结余7.09万元未使用"))
        #expect(text.contains("“应急管理能力现代化”指标分值15分，得12.00分"))
        #expect(text.contains("【请单位补充：上述问题的具体原因及其他存在的问题】"))
        let paragraphs = content.blocks.compactMap { block -> String? in if case .paragraph(let text) = block { text } else { nil } }
        #expect(paragraphs.filter { $0.hasPrefix("进一步提高安全生产监管水平") }.count == 1, "the goal once")
        #expect(text.contains("1.资金计划。") && text.contains("2023年实际支出409094元，结余70906元"))
        #expect(!text.contains("实际支出40.91万元"), "the unit's own amounts, not a second sentence in 万元")
    }

    @Test func fileNamesCarryTheUnitProjectAndYear() throws {
        let (evaluation, _) = try Self.seed000()
        #expect(ReportFileName.name(evaluation, format: "docx") == "2023年度-攀枝花市东区应急管理局-应急管理专项经费-绩效自评报告.docx")
        #expect(ReportFileName.name(evaluation, format: "xlsx") == "2023年度-攀枝花市东区应急管理局-应急管理专项经费-绩效自评表.xlsx")
        var other = evaluation
        other.project = "应急/救援"
        #expect(ReportFileName.name(other, format: "pdf") == "2023年度-攀枝花市东区应急管理局-应急_救援-绩效自评报告.pdf")
    }
}
