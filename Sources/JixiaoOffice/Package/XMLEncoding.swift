import Foundation

/// The encoding of an XML part, decided the way XML 1.0 (appendix F) and OOXML put it: a byte-order mark, else the
/// first bytes and the XML declaration. Office parts are UTF-8 or UTF-16; UTF-16 is turned into UTF-8 so that the
/// DTD check sees the bytes the parser will see, and anything else is refused.
enum XMLEncoding {
    /// `data` as UTF-8 XML, without a byte-order mark or an XML declaration naming another encoding; refused when it
    /// declares a DTD or entities (no entity is ever expanded or silently left out).
    static func utf8(_ data: Data, file: String, part: String?) throws -> Data {
        let text = try transcoded(data, file: file, part: part)
        if text.range(of: Data("<!DOCTYPE".utf8)) != nil || text.range(of: Data("<!ENTITY".utf8)) != nil {
            throw OfficeError(file: file, part: part, reason: "含有 DTD/实体声明，Office 文件不应包含，拒绝解析")
        }
        return text
    }

    private static func transcoded(_ data: Data, file: String, part: String?) throws -> Data {
        func refuse(_ reason: String) -> OfficeError { OfficeError(file: file, part: part, reason: reason) }
        let head = [UInt8](data.prefix(4))
        let littleEndian = head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0x3C, 0x00, 0x3F, 0x00])
        if littleEndian || head.starts(with: [0xFE, 0xFF]) || head.starts(with: [0x00, 0x3C, 0x00, 0x3F]) {
            let bytes = [UInt8](head[0] == 0xFF || head[0] == 0xFE ? data.dropFirst(2) : data)
            let units = stride(from: 0, to: bytes.count - 1, by: 2).map { index in
                littleEndian ? UInt16(bytes[index]) | UInt16(bytes[index + 1]) << 8 : UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1])
            }
            guard bytes.count % 2 == 0, var text = String(validating: units, as: UTF16.self) else {
                throw refuse("不是有效的 UTF-16 编码，拒绝解析")
            }
            if text.hasPrefix("<?xml"), let end = text.range(of: "?>") { text.removeSubrange(..<end.upperBound) }
            return Data(text.utf8)
        }
        let body = head.starts(with: [0xEF, 0xBB, 0xBF]) ? data.dropFirst(3) : data
        guard let first = body.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }), first == 0x3C else {
            throw refuse("不是 UTF-8 或 UTF-16 编码的 XML（Office 文件只用这两种编码），拒绝解析")
        }
        if let declared = declaredEncoding(body), !["utf-8", "utf8"].contains(declared.lowercased()) {
            throw refuse("XML 声明的编码为“\(declared.prefix(40))”，但内容是 UTF-8；Office 文件只用 UTF-8 或 UTF-16，拒绝解析")
        }
        // Foundation's XMLParser traps on a malformed UTF-8 sequence inside an element name ("<", the bytes E5 A5,
        // "/>"), so the bytes are checked before it sees them.
        guard isValidUTF8(body) else {
            throw refuse("不是有效的 UTF-8 编码（含有残缺或非法的字节序列），拒绝解析")
        }
        return Data(body)
    }

    /// Whether `bytes` are well-formed UTF-8, checked without making a copy.
    private static func isValidUTF8(_ bytes: Data) -> Bool {
        var input = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&input) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }

    /// The `encoding` named by the XML declaration at the start of `data`, if any.
    private static func declaredEncoding(_ data: Data) -> String? {
        guard data.starts(with: Data("<?xml".utf8)) else { return nil }
        let declaration = String(decoding: data.prefix(256), as: UTF8.self).prefix { $0 != ">" }
        guard let name = declaration.range(of: "encoding") else { return nil }
        let rest = declaration[name.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\t" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        return String(rest.dropFirst().prefix { $0 != quote })
    }
}
