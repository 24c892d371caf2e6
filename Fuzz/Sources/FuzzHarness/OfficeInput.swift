import Foundation
import ZIPFoundation

/// The bytes an OOXML target reads. An input that starts with "PK" is a ZIP as a user uploads it; any other input
/// is a list of parts, each after a header line `==> path <==`, that is packed (stored, not deflated) into a ZIP
/// first. Mutations of a deflated ZIP rarely get past its checksums; mutations of the part list reach the XML
/// readers, and the XML dictionary (Fuzz/Dictionaries/ooxml.dict) helps them.
public enum OfficeInput {
    static let header = Data("==> ".utf8)
    static let headerEnd = Data(" <==\n".utf8)
    static let separator = Data("\n==> ".utf8)

    public static func package(_ data: Data) -> Data? {
        if data.starts(with: Data("PK".utf8)) { return data }
        guard data.starts(with: header),
            let archive = try? Archive(data: Data(), accessMode: .create, pathEncoding: nil)
        else { return nil }
        var cursor = data.startIndex
        while cursor < data.endIndex {
            let nameStart = cursor + header.count
            guard let nameEnd = data.range(of: headerEnd, in: nameStart..<data.endIndex) else { return nil }
            let path = String(decoding: data[nameStart..<nameEnd.lowerBound], as: UTF8.self)
            let next = data.range(of: separator, in: nameEnd.upperBound..<data.endIndex)
            let content = data[nameEnd.upperBound..<(next?.lowerBound ?? data.endIndex)]
            let length = Int64(content.count)
            try? archive.addEntry(with: path, type: .file, uncompressedSize: length, compressionMethod: .none) {
                position, size in
                let start = content.startIndex + Int(position)
                return content[start..<min(start + size, content.endIndex)]
            }
            cursor = next.map { $0.lowerBound + 1 } ?? data.endIndex
        }
        return archive.data
    }
}
