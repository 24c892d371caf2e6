import Foundation
import Testing
import JixiaoCore
import JixiaoDocuments
@testable import JixiaoOffice

/// The audit on DOCX reports, the annotated copy with one comment per finding, and bad report files.
@Suite struct AuditDocxTests {
    static let seed004 = TestPaths.shared.appendingPathComponent("seeds/004_a7de23b29f9171bb.txt")

    /// Seed 004 written as a real DOCX: its paragraphs and its two tables, in order.
    static func seed004Docx() throws -> URL {
        let report = try PlainTextReport.read(url: seed004)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-\(UUID().uuidString)-seed004.docx")
        try WordWriter.document(report.wordBlocks).write(to: url)
        return url
    }

    let auditor = ReportAuditor(catalog: try! ProfileCatalog.builtin())

    @Test func aDocxReportIsCheckedLikeItsText() throws {
        let docx = try auditor.audit(Self.seed004Docx())
        let text = try auditor.audit(Self.seed004)
        #expect(Set(docx.map(\.rule)) == Set(text.map(\.rule)))
        #expect(docx.count == text.count)
        #expect(docx.contains { $0.rule == "weight.category-sum" && $0.location.sheet == "表2" })
        #expect(docx.contains { $0.rule == "prose.count" && $0.location.sheet?.hasSuffix("段") == true })
    }

    @Test func theAnnotatedCopyCarriesOneCommentPerFinding() throws {
        let url = try Self.seed004Docx()
        let findings = try auditor.audit(url)
        let annotated = try AnnotatedReport.write(url, findings: findings)
        let copy = try WordDocument(package: OfficePackage(data: annotated, file: "annotated.docx"))
        #expect(copy.comments.count == findings.count)
        #expect(copy.comments.contains { $0.contains("文中称共 5个，其后只列举了 4 项") })
        let original = try WordDocument(url: url)
        #expect(copy.paragraphs.map(\.text) == original.paragraphs.map(\.text))
        #expect(copy.tables.count == original.tables.count)
    }

    /// The text a comment covers in document.xml: what lies between its range start and end, tags dropped.
    static func coveredText(_ id: Int, in xml: String) -> String? {
        guard let start = xml.range(of: "<w:commentRangeStart w:id=\"\(id)\"/>"),
            let end = xml.range(of: "<w:commentRangeEnd w:id=\"\(id)\"/>", range: start.upperBound..<xml.endIndex)
        else { return nil }
        return String(xml[start.upperBound..<end.lowerBound]).replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
    }

    @Test func eachTableCommentCoversTheCellItIsAbout() throws {
        let url = try Self.seed004Docx()
        let findings = try auditor.audit(url)
        let annotated = try OfficePackage(data: AnnotatedReport.write(url, findings: findings), file: "annotated.docx")
        let xml = String(decoding: try annotated.xmlPart("word/document.xml"), as: UTF8.self)
        func covered(_ rule: String, _ cell: String) -> String? {
            guard let id = findings.firstIndex(where: { $0.rule == rule && $0.location.cell == cell }) else { return nil }
            return Self.coveredText(id, in: xml)
        }
        let categories = findings.filter { $0.rule == "weight.category-sum" }
        #expect(!categories.isEmpty)
        for finding in categories {
            let text = covered(finding.rule, finding.location.cell ?? "") ?? ""
            #expect(text.hasSuffix("分)") || text.hasSuffix("分）"), "\(finding.location.place): \(text)")
        }
        let total = findings.first { $0.rule == "weight.stated-total" }
        #expect(total.flatMap { covered($0.rule, $0.location.cell ?? "") } == total?.stated)
    }

    @Test func aSentenceCommentCoversOnlyTheRunsOfItsSentence() throws {
        let xml = "<w:body><w:p><w:pPr><w:jc w:val=\"both\"/></w:pPr><w:r><w:t>全年预算100万元，</w:t></w:r>"
            + "<w:r><w:t>执行率95%。</w:t></w:r><w:r><w:t xml:space=\"preserve\">其中A&amp;B 40万元，</w:t></w:r>"
            + "<w:r><w:t>C 50万元。</w:t></w:r></w:p></w:body>"
        let sentence = try #require(ReportProse.characters(ofSentence: 2, in: "全年预算100万元，执行率95%。其中A&B 40万元，C 50万元。"))
        let annotated = try WordCommenter.anchor(
            [.init(paragraphs: 1...1, characters: sentence, text: "x"), .init(paragraphs: 1...1, text: "y")], in: xml, file: "t.docx")
        #expect(Self.coveredText(0, in: annotated) == "其中A&amp;B 40万元，C 50万元。")
        #expect(Self.coveredText(1, in: annotated) == "全年预算100万元，执行率95%。其中A&amp;B 40万元，C 50万元。")
        #expect(annotated.hasPrefix("<w:body><w:p><w:pPr><w:jc w:val=\"both\"/></w:pPr><w:commentRangeStart w:id=\"1\"/>"))
    }

    func expectError(_ url: URL, _ parts: [String], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(sourceLocation: sourceLocation) { try auditor.audit(url) } throws: { error in
            let text = "\(error)"
            if !parts.allSatisfy(text.contains) { Issue.record("message was: \(text)", sourceLocation: sourceLocation) }
            return parts.allSatisfy(text.contains)
        }
    }

    @Test func badReportFilesGetAClearMessage() throws {
        expectError(try TestWorkbook.write(Data("x".utf8), name: "old.doc"), ["old.doc", "另存为 .docx"])
        expectError(try TestWorkbook.write(Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0]), name: "locked.docx"), ["locked.docx", "加密"])
        expectError(try TestWorkbook.write(Data([0x50, 0x4B, 0x03, 0x04, 9, 9, 9]), name: "torn.docx"), ["torn.docx", "损坏"])
        expectError(try TestWorkbook.write(Data(), name: "empty.txt"), ["empty.txt", "文件为空"])
        expectError(try TestWorkbook.write(Data(), name: "empty.docx"), ["empty.docx", "文件为空"])
        let workbook = try TestWorkbook.minimalTable()
        expectError(try TestWorkbook.write(workbook, name: "table.docx"), ["table.docx", "Excel 工作簿"])
    }

    @Test func aFiftyMegabyteTextIsRefusedBeforeItIsRead() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-\(UUID().uuidString)-big.txt")
        FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: UInt64(PlainTextReport.maximumBytes + 1))
        try handle.close()
        expectError(url, ["big.txt", "超过文本报告上限"])
    }

    @Test func aGB18030TextReportIsReadLikeUTF8() throws {
        let utf8 = try Data(contentsOf: Self.seed004)
        let gb = try #require(TextDecoding.convert(utf8, from: "UTF-8", to: "GB18030"))
        let url = try TestWorkbook.write(gb, name: "seed004-gb18030.txt")
        #expect(try auditor.audit(url).count == auditor.audit(Self.seed004).count)
    }
}
