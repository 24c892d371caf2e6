import Foundation
import Testing
import JixiaoCore
import JixiaoOffice
@testable import JixiaoDocuments

/// Published disclosures as PDF, read through `pdftotext -layout`: lines joined back into paragraphs located by page,
/// the same findings as the text; an encrypted PDF, one without a text layer, a file that is not a PDF and a long one
/// each get a clear message or a bounded read, never a crash.
@Suite(.enabled(if: (try? PdfReport.extractor()) != nil))
struct PdfReportTests {
    /// A PDF of `pages` pages, each with `line(page)` in Helvetica (ASCII), optionally with an /Encrypt entry.
    static func pdf(pages: Int, line: (Int) -> String, encrypted: Bool = false) -> Data {
        var objects: [String] = []
        let kids = (0..<pages).map { "\(4 + 2 * $0) 0 R" }.joined(separator: " ")
        objects.append("<< /Type /Catalog /Pages 2 0 R >>")
        objects.append("<< /Type /Pages /Kids [\(kids)] /Count \(pages) >>")
        objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
        for page in 0..<pages {
            let text = line(page)
            let stream = text.isEmpty ? "" : "BT /F1 12 Tf 72 720 Td (\(text)) Tj ET"
            objects.append("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents \(5 + 2 * page) 0 R >>")
            objects.append("<< /Length \(stream.utf8.count) >>\nstream\n\(stream)\nendstream")
        }
        if encrypted {
            let filler = String(repeating: "A", count: 32)
            objects.append("<< /Filter /Standard /V 1 /R 2 /O (\(filler)) /U (\(filler)) /P -4 >>")
        }
        var body = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(body.utf8.count)
            body += "\(index + 1) 0 obj\n\(object)\nendobj\n"
        }
        let xref = body.utf8.count
        body += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n" + offsets.map { String(format: "%010d 00000 n \n", $0) }.joined()
        let encrypt = encrypted ? " /Encrypt \(objects.count) 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>]" : ""
        body += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R\(encrypt) >>\nstartxref\n\(xref)\n%%EOF\n"
        return Data(body.utf8)
    }

    static func write(_ data: Data, _ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-pdf-\(UUID().uuidString)-\(name)")
        try data.write(to: url)
        return url
    }

    @Test func linesBecomeParagraphsLocatedByPage() {
        let text = """
            一、收入支出决算总体情况说明
                2020 年度收入总计 4383.87 万元、支出总计 3019.54 万元。与 2019 年相比，收、支总计各增加 2516.77 万元、
            1069.13 万元。
            图 1：收、支决算总计变动情况图（单位：万元）
            \u{0C}    二、收入决算情况说明
            项目            金额         占比
            一般公共预算    3852.43      88%
            政府性基金      531.44       12%
            """
        let document = PdfReport.parse(text, file: "d.pdf")
        #expect(document.paragraphs.map(\.text) == [
            "一、收入支出决算总体情况说明",
            "2020 年度收入总计 4383.87 万元、支出总计 3019.54 万元。与 2019 年相比，收、支总计各增加 2516.77 万元、1069.13 万元。",
            "图 1：收、支决算总计变动情况图（单位：万元）",
            "二、收入决算情况说明",
        ])
        #expect(document.paragraphs[3].location.sheet == "第 2 页")
        #expect(document.tables.count == 1 && document.tables[0].text(row: 2, column: 2) == "3852.43")
    }

    @Test func badPDFsAreRefusedWithTheReason() throws {
        let encrypted = try Self.write(Self.pdf(pages: 1, line: { _ in "secret" }, encrypted: true), "locked.pdf")
        #expect { try PdfReport.read(url: encrypted) } throws: { "\($0)".contains("已加密") }
        let scan = try Self.write(Self.pdf(pages: 2, line: { _ in "" }), "scan.pdf")
        #expect { try PdfReport.read(url: scan) } throws: { "\($0)".contains("OCR") }
        let fake = try Self.write(Data("这不是 PDF".utf8), "fake.pdf")
        #expect { try PdfReport.read(url: fake) } throws: { "\($0)".contains("不是 PDF 文件") }
        let broken = try Self.write(Data("%PDF-1.4\n垃圾".utf8), "broken.pdf")
        #expect(throws: OfficeError.self) { try PdfReport.read(url: broken) }
    }

    @Test func aLongPDFIsReadToTheLimit() throws {
        let long = try Self.write(Self.pdf(pages: PdfReport.maximumPages + 20, line: { "Page \($0 + 1) total 10.00" }), "long.pdf")
        let document = try PdfReport.read(url: long)
        let pages = Set(document.paragraphs.compactMap(\.location.sheet))
        #expect(pages.count == PdfReport.maximumPages)
        #expect(!document.paragraphs.contains { $0.text.contains("Page \(PdfReport.maximumPages + 1) ") })
    }

    /// Seed 003's text printed to PDF by LibreOffice finds what the text finds.
    @Test(.enabled(if: (try? PDFConverter.converter()) != nil))
    func seed003AsPDFFindsWhatItsTextFinds() throws {
        let seed = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared/seeds/003_04b076eed3497635.txt")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-seed003-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = folder.appendingPathComponent("seed003.txt")
        try FileManager.default.copyItem(at: seed, to: text)
        let pdf = try PDFConverter.convert(text, into: folder)
        let auditor = ReportAuditor(catalog: try ProfileCatalog.builtin())
        let fromPDF = try auditor.audit(pdf).filter { $0.severity == .error }
        let fromText = try auditor.audit(seed).filter { $0.severity == .error }
        #expect(Set(fromPDF.map(\.rule)) == Set(fromText.map(\.rule)))
        #expect(fromPDF.count == fromText.count)
        #expect(fromPDF.allSatisfy { $0.location.sheet?.hasSuffix("页") == true })
        #expect(fromPDF.contains { $0.rule == "prose.share" && $0.expected == "0.57%" })
    }
}
