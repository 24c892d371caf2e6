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
    @Test func aTruncatedDirectoryRecordIsRefused() {
        let data = Data([0x50, 0x4B, 0x05, 0x06, 0, 0, 0, 0, 0x0A, 0, 0, 0])
        #expect(throws: OfficeError.self) { _ = try OfficePackage(data: data, file: "cut.xlsx") }
    }

    /// An element name with a broken UTF-8 sequence: Foundation's XMLParser trapped on it.
    @Test(
        arguments: [
            [0x3C, 0xE5, 0xA5, 0x2F, 0x3E], [0x3C, 0xE0, 0x74, 0x20, 0x74],
            [0x3C, 0x61, 0x20, 0xFF, 0x3D, 0x22, 0x22, 0x2F, 0x3E],
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

    /// A one-entry ZIP written by hand (checksum left 0): the directory entry's local-header offset field, an extra
    /// field, and optionally a ZIP64 end-of-directory locator before the end record.
    static func handMade(offsetField: UInt32, extra: [UInt8], locator: Bool) -> Data {
        func le(_ value: UInt64, _ width: Int) -> [UInt8] {
            (0..<width).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
        }
        let name = Array("xl/workbook.xml".utf8)
        let body = Array("<workbook/>".utf8)
        let sizes = le(0, 4) + le(UInt64(body.count), 4) + le(UInt64(body.count), 4)
        let local =
            le(0x0403_4B50, 4) + le(20, 2) + le(0, 8) + sizes + le(UInt64(name.count), 2) + le(0, 2) + name + body
        let entry =
            le(0x0201_4B50, 4) + le(45, 2) + le(45, 2) + le(0, 8) + sizes + le(UInt64(name.count), 2)
            + le(UInt64(extra.count), 2) + le(0, 10) + le(UInt64(offsetField), 4) + name + extra
        let zip64 = locator ? le(0x0706_4B50, 4) + le(0, 4) + le(0xFFFF_FFFF_FFFF_FF00, 8) + le(1, 4) : []
        let end =
            le(0x0605_4B50, 4) + le(0, 4) + le(1, 2) + le(1, 2) + le(UInt64(entry.count), 4)
            + le(UInt64(local.count), 4) + le(0, 2)
        return Data(local + entry + zip64 + end)
    }

    /// ZIP64 values past Int64.max: ZIPFoundation's `off_t` conversion trapped on the local-header offset.
    @Test func zip64IsRefusedBeforeZIPFoundationReadsIt() throws {
        let far: [UInt8] = [0x01, 0x00, 0x08, 0x00] + (0..<8).map { $0 == 0 ? 0xF0 : 0xFF }
        for data in [
            Self.handMade(offsetField: UInt32.max, extra: far, locator: false),
            Self.handMade(offsetField: 0, extra: [], locator: true),
        ] {
            #expect {
                _ = try Workbook(data: data, file: "zip64.xlsx")
            } throws: { error in "\(error)".contains("ZIP64") }
        }
        let plain = try OfficePackage(
            data: Self.handMade(offsetField: 0, extra: [], locator: false), file: "plain.xlsx")
        #expect(plain.partPaths == ["xl/workbook.xml"])
    }

    /// A package read through the scratch file still reads every part after the file is gone.
    @Test func partsReadAfterTheScratchFileIsGone() throws {
        let body = "<w:body><w:p><w:r><w:t>正文</w:t></w:r></w:p></w:body>"
        let xml = Data("<w:document xmlns:w=\"urn:w\">\(body)</w:document>".utf8)
        let package = try OfficePackage(data: Self.package([("word/document.xml", xml)]), file: "ok.docx")
        #expect(try WordDocument(package: package).paragraphs.map(\.text) == ["正文"])
    }
}
