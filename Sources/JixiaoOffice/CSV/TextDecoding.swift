import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Decodes text files as Chinese users save them: UTF-8 (with or without BOM), UTF-16 with BOM, or
/// GB18030 (a superset of GBK/GB2312), which is what Excel and WPS on Chinese Windows write for CSV.
public enum TextDecoding {
    /// The encodings told apart.
    public enum Encoding: String, Sendable {
        case utf8 = "UTF-8"
        case utf16LittleEndian = "UTF-16LE"
        case utf16BigEndian = "UTF-16BE"
        case gb18030 = "GB18030"
    }

    /// The text and the encoding it was found in; an error naming `file` when it is none of them.
    public static func decode(_ data: Data, file: String) throws -> (String, Encoding) {
        let bytes = [UInt8](data.prefix(3))
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return try (strictUTF8(data.dropFirst(3), file: file), .utf8)
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let encoding: Encoding = bytes[0] == 0xFF ? .utf16LittleEndian : .utf16BigEndian
            guard let text = String(data: data.dropFirst(2), encoding: encoding == .utf16LittleEndian ? .utf16LittleEndian : .utf16BigEndian) else {
                throw OfficeError(file: file, reason: "文本不是有效的 \(encoding.rawValue) 编码")
            }
            return (text, encoding)
        }
        if let text = try? strictUTF8(data, file: file) { return (text, .utf8) }
        if let converted = convert(data, from: "GB18030", to: "UTF-8") {
            return (String(decoding: converted, as: UTF8.self), .gb18030)
        }
        throw OfficeError(file: file, reason: "无法识别文本编码（既不是 UTF-8，也不是 GB18030/GBK）；请另存为“CSV UTF-8”")
    }

    private static func strictUTF8(_ data: Data, file: String) throws -> String {
        guard let text = String(validating: data, as: UTF8.self) else {
            throw OfficeError(file: file, reason: "文本不是有效的 UTF-8 编码")
        }
        return text
    }

    /// Converts `data` between two encodings with the C library's iconv; nil when the bytes are not valid in `source`.
    public static func convert(_ data: Data, from source: String, to target: String) -> Data? {
        let converter = iconv_open(target, source)
        guard converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        var input = [CChar](repeating: 0, count: data.count)
        data.withUnsafeBytes { raw in
            for (index, byte) in raw.enumerated() { input[index] = CChar(bitPattern: byte) }
        }
        var output = [CChar](repeating: 0, count: data.count * 4 + 16)
        var inputLeft = input.count
        var outputLeft = output.count
        let result = input.withUnsafeMutableBufferPointer { sourceBuffer in
            output.withUnsafeMutableBufferPointer { targetBuffer -> Int in
                var sourcePointer = sourceBuffer.baseAddress
                var targetPointer = targetBuffer.baseAddress
                return Glibc.iconv(converter, &sourcePointer, &inputLeft, &targetPointer, &outputLeft)
            }
        }
        guard result != -1, inputLeft == 0 else { return nil }
        return Data(output[0..<(output.count - outputLeft)].map { UInt8(bitPattern: $0) })
    }
}
