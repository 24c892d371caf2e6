import Foundation
import Testing
import ZIPFoundation
@testable import JixiaoOffice

/// XML parts built to slip past the readers' checks (issue 5): refused with a message, never read with text
/// silently dropped.
@Suite struct HostilePartTests {
    @Test(arguments: [
        #"<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>"#,
        #"<!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/hostname">]><a>b&x;c</a>"#,
        #"<!DOCTYPE a SYSTEM "a.dtd"><a>b&x;c</a>"#,
        #"<a>b&x;c</a>"#,
    ])
    func theParserRefusesDTDsAndEntities(xml: String) {
        var texts: [String] = []
        #expect {
            try XMLEvents.parse(Data(xml.utf8), file: "t.xml", part: "p.xml", start: { _, _ in }, text: { texts.append($0) })
        } throws: { error in
            (error as? OfficeError)?.file == "t.xml" && "\(error)".contains("p.xml")
        }
        #expect(texts.allSatisfy { !$0.contains("c") }, "nothing after the entity is handed on")
    }

    static func docx(document: Data) throws -> Data {
        let archive = try Archive(accessMode: .create)
        for (path, data) in [("word/document.xml", document)] {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return archive.data!
    }

    static let body = #"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>绩效&x;自评</w:t></w:r></w:p></w:body></w:document>"#

    @Test func aUTF16WordDocumentWithAnEntityIsRefused() throws {
        let xml = #"<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/hostname">]>"# + Self.body
        let data = try Self.docx(document: Data([0xFF, 0xFE]) + xml.data(using: .utf16LittleEndian)!)
        #expect {
            try WordDocument(package: OfficePackage(data: data, file: "r.docx"))
        } throws: { error in
            "\(error)".contains("r.docx") && "\(error)".contains("word/document.xml") && "\(error)".contains("DTD")
        }
    }

    @Test func aUTF16WordDocumentReadsLikeUTF8() throws {
        let xml = #"<?xml version="1.0" encoding="UTF-16"?>"# + Self.body.replacingOccurrences(of: "&x;", with: "")
        let data = try Self.docx(document: Data([0xFE, 0xFF]) + xml.data(using: .utf16BigEndian)!)
        #expect(try WordDocument(package: OfficePackage(data: data, file: "r.docx")).paragraphs.map(\.text) == ["绩效自评"])
    }

    @Test(arguments: [#"<?xml version="1.0" encoding="ISO-8859-1"?><a/>"#, #"<?xml version="1.0" encoding="UTF-16"?><a/>"#])
    func otherDeclaredEncodingsAreRefused(xml: String) throws {
        #expect { try XMLEncoding.utf8(Data(xml.utf8), file: "t.xlsx", part: "p.xml") } throws: { error in
            "\(error)".contains("UTF-8 或 UTF-16")
        }
    }
}
