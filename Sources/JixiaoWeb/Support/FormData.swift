import Foundation
import Hummingbird

/// The fields of a posted form: `application/x-www-form-urlencoded`, or `multipart/form-data` with files (one, or a
/// folder's).
struct FormData: Sendable {
    var fields: [String: String] = [:]
    /// The uploaded files of a multipart form, in order: each one's field name, file name (a folder's files carry
    /// their path in it) and bytes.
    var files: [(field: String, name: String, data: Data)] = []

    /// The first uploaded file (the forms that take one).
    var file: (field: String, name: String, data: Data)? { files.first }

    subscript(_ name: String) -> String? { fields[name] }

    /// The trimmed text of a field, "" when absent.
    func text(_ name: String) -> String {
        (fields[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Reads the body, refusing one larger than `limit` from its Content-Length before reading anything.
    static func read(_ request: Request, limit: Int) async throws -> FormData {
        let buffer = try await WebLimits.body(of: request, limit: limit)
        let body = Data(buffer.readableBytesView)
        let type = request.headers[.contentType] ?? ""
        if type.hasPrefix("multipart/form-data") {
            guard let boundary = type.components(separatedBy: "boundary=").last?.trimmingCharacters(in: CharacterSet(charactersIn: "\" ")),
                !boundary.isEmpty
            else { throw HTTPError(.badRequest, message: "multipart 表单缺少 boundary") }
            return try multipart(body, boundary: boundary)
        }
        return urlEncoded(String(decoding: body, as: UTF8.self))
    }

    static func urlEncoded(_ text: String) -> FormData {
        var form = FormData()
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            form.fields[percentDecoded(parts[0])] = parts.count > 1 ? percentDecoded(parts[1]) : ""
        }
        return form
    }

    /// A form field's text: `+` a space, `%XX` a byte, the bytes UTF-8. Text that is not (a `%` without two hex
    /// digits, bytes that are not UTF-8) is kept as it came. Foundation's `removingPercentEncoding` would drop a
    /// leading byte-order mark the user typed.
    static func percentDecoded(_ part: Substring) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(part.utf8.count)
        var input = part.utf8.makeIterator()
        while let byte = input.next() {
            switch byte {
            case UInt8(ascii: "+"): bytes.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                guard let high = input.next().flatMap(hexValue), let low = input.next().flatMap(hexValue) else { return String(part) }
                bytes.append(high << 4 | low)
            default: bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self) ?? String(part)
    }

    private static func hexValue(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// A multipart body: text fields and files.
    static func multipart(_ body: Data, boundary: String) throws -> FormData {
        let delimiter = Data("--\(boundary)".utf8)
        let headerEnd = Data("\r\n\r\n".utf8)
        var form = FormData()
        var cursor = body.startIndex
        var parts: [Data] = []
        while let found = body.range(of: delimiter, in: cursor..<body.endIndex) {
            if cursor != body.startIndex { parts.append(body[cursor..<found.lowerBound]) }
            cursor = found.upperBound
        }
        for part in parts {
            guard let split = part.range(of: headerEnd) else { continue }
            let headers = String(decoding: part[part.startIndex..<split.lowerBound], as: UTF8.self)
            var content = part[split.upperBound..<part.endIndex]
            if content.suffix(2) == Data("\r\n".utf8) { content = content.dropLast(2) }
            guard let disposition = headers.components(separatedBy: "\r\n").first(where: { $0.lowercased().hasPrefix("content-disposition") }),
                let name = parameter("name", in: disposition)
            else { throw HTTPError(.badRequest, message: "multipart 表单的一部分缺少 name") }
            if let file = parameter("filename", in: disposition) {
                // A folder chosen with no file in it still sends one empty part.
                if !file.isEmpty || !content.isEmpty { form.files.append((name, file, Data(content))) }
            } else {
                form.fields[name] = String(decoding: content, as: UTF8.self)
            }
        }
        return form
    }

    private static func parameter(_ key: String, in disposition: String) -> String? {
        guard let range = disposition.range(of: " \(key)=\"") else { return nil }
        let rest = disposition[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }
}
