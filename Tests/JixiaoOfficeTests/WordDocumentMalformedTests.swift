import Foundation
import Testing
import ZIPFoundation
import JixiaoOffice

/// Shapes of document.xml the fuzzer found (Benchmarks/FUZZING.md): table parts outside any table and spans no
/// table has. Each used to trap the process; now the document reads.
@Suite struct WordDocumentMalformedTests {
    static func document(_ body: String) throws -> WordDocument {
        let namespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
        let xml = Data("<w:document xmlns:w=\"\(namespace)\"><w:body>\(body)</w:body></w:document>".utf8)
        let archive = try Archive(data: Data(), accessMode: .create, pathEncoding: nil)
        try archive.addEntry(with: "word/document.xml", type: .file, uncompressedSize: Int64(xml.count)) {
            position, size in xml.subdata(in: Int(position)..<Int(position) + size)
        }
        return try WordDocument(package: OfficePackage(data: try #require(archive.data), file: "malformed.docx"))
    }

    @Test(arguments: [
        "<w:tr><w:tc><w:p><w:r><w:t>格</w:t></w:r></w:p></w:tc></w:tr>",
        "<w:tc></w:tc><w:p><w:r><w:t>正文</w:t></w:r></w:p>",
        "<w:gridSpan w:val=\"2\"/><w:vMerge/><w:p><w:r><w:t>正文</w:t></w:r></w:p>",
    ])
    func tablePartsOutsideATableAreIgnored(body: String) throws {
        let document = try Self.document(body)
        #expect(document.tables.isEmpty)
    }

    @Test(arguments: ["9223372036854775807", "-9223372036854775808", "0", "1000000"])
    func spansAreClampedToWordsWidth(span: String) throws {
        let cell = "<w:tc><w:tcPr><w:gridSpan w:val=\"\(span)\"/></w:tcPr><w:p><w:r><w:t>甲</w:t></w:r></w:p></w:tc>"
        let last = "<w:tc><w:p><w:r><w:t>乙</w:t></w:r></w:p></w:tc>"
        let document = try Self.document("<w:tbl><w:tr>\(cell)\(last)</w:tr></w:tbl>")
        let table = try #require(document.tables.first)
        #expect(table.text(row: 1, column: 1) == "甲")
        #expect(table.columnCount <= 64)
        #expect(table.columnCount >= 2)
    }
}
