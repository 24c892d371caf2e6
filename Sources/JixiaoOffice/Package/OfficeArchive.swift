import Foundation
import ZIPFoundation

/// Writes an OOXML package (a ZIP of parts) in memory, [Content_Types].xml first. Parts under 2 KiB are stored:
/// deflating them saves a few hundred bytes and costs a compressor set-up each.
enum OfficeArchive {
    static let storedBelow = 2_048

    static func write(_ parts: [(String, Data)]) throws -> Data {
        let archive = try Archive(accessMode: .create)
        let ordered = parts.sorted { lhs, rhs in lhs.0 == "[Content_Types].xml" || (rhs.0 != "[Content_Types].xml" && lhs.0 < rhs.0) }
        for (path, data) in ordered {
            let method: CompressionMethod = data.count < storedBelow ? .none : .deflate
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: method) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw OfficeError(file: "", reason: "无法生成压缩包") }
        return data
    }
}
