import Foundation
import JixiaoOffice
import Testing
import ZIPFoundation

/// Packages the fuzzer found (Benchmarks/FUZZING.md), minimised. Each used to trap the process that read it, so
/// one upload stopped the server; now each is refused with a message.
@Suite struct PackageFuzzFindingsTests {
    static func package(_ parts: [(String, Data)]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create, pathEncoding: nil)
        for (path, data) in parts {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count)) {
                position, size in data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return try #require(archive.data)
    }

    /// A 12-byte end-of-directory record cut short: ZIPFoundation's in-memory archive read past the end.
    @Test func aTruncatedDirectoryRecordIsRefused() throws {
        let data = Data([0x50, 0x4B, 0x05, 0x06, 0, 0, 0, 0, 0x0A, 0, 0, 0])
        #expect(throws: OfficeError.self) { _ = try OfficePackage(data: data, file: "cut.xlsx") }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory())
            .filter { $0.hasPrefix("jixiao-package-") }
        #expect(leftovers.isEmpty)
    }

    /// An element name with a broken UTF-8 sequence: Foundation's XMLParser trapped on it.
    @Test(arguments: [
        [0x3C, 0xE5, 0xA5, 0x2F, 0x3E], [0x3C, 0xE0, 0x74, 0x20, 0x74], [0x3C, 0x61, 0x20, 0xFF, 0x3D, 0x22, 0x22, 0x2F, 0x3E],
    ] as [[UInt8]])
    func brokenUTF8IsRefusedBeforeTheParser(bytes: [UInt8]) throws {
        let document = try OfficePackage(data: Self.package([("word/document.xml", Data(bytes))]), file: "bad.docx")
        #expect {
            _ = try WordDocument(package: document)
        } throws: { error in "\(error)".contains("UTF-8") && "\(error)".contains("word/document.xml") }
        let workbook = try Self.package([("xl/workbook.xml", Data(bytes))])
        #expect {
            _ = try Workbook(data: workbook, file: "bad.xlsx")
        } throws: { error in "\(error)".contains("UTF-8") && "\(error)".contains("xl/workbook.xml") }
    }

    /// A package read through the scratch file still reads every part after the file is gone.
    @Test func partsReadAfterTheScratchFileIsGone() throws {
        let body = "<w:body><w:p><w:r><w:t>正文</w:t></w:r></w:p></w:body>"
        let xml = Data("<w:document xmlns:w=\"urn:w\">\(body)</w:document>".utf8)
        let package = try OfficePackage(data: Self.package([("word/document.xml", xml)]), file: "ok.docx")
        #expect(try WordDocument(package: package).paragraphs.map(\.text) == ["正文"])
    }
}
