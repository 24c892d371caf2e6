import Foundation
import JixiaoZlib

/// The bytes of a ZIP, entry by entry: each entry's local header and data as it is added, the central directory
/// and its end at the end. No ZIP64: at most 65,535 entries and 4 GiB, refused beyond.
struct ZipBuilder {
    private var directory = Data()
    private var count = 0
    /// The bytes handed out so far (where the next entry starts).
    private(set) var offset = 0
    private let time: UInt16
    private let date: UInt16

    init(at moment: Date = Date()) {
        (time, date) = OfficeArchive.dosTimestamp(moment)
    }

    /// The local header, name and data of one more entry, deflated (zlib level 1) when `compress`.
    mutating func entry(_ path: String, _ data: Data, compress: Bool) throws -> Data {
        guard data.count < Int(UInt32.max), path.utf8.count < Int(UInt16.max) else {
            throw OfficeError(file: "", part: path, reason: "部件过大，无法写入")
        }
        guard count < Int(UInt16.max) else { throw OfficeError(file: "", part: path, reason: "压缩包条目超过 65535 个，无法写入") }
        let checksum = data.withUnsafeBytes { raw in
            UInt32(crc32(0, raw.bindMemory(to: Bytef.self).baseAddress, uInt(raw.count)))
        }
        let body = compress ? try OfficeArchive.deflate(data, path: path) : data
        let name = Data(path.utf8)
        guard offset + 30 + name.count + body.count < Int(UInt32.max) else {
            throw OfficeError(file: "", part: path, reason: "压缩包超过 4 GiB，无法写入")
        }
        // The fields the local header and the central directory entry share, from "version needed" to
        // "extra field length".
        func describe(_ fields: inout LittleEndian) {
            fields.append16(20)
            fields.append16(0x0800)  // names are UTF-8
            fields.append16(compress ? 8 : 0)
            fields.append16(time)
            fields.append16(date)
            fields.append32(checksum)
            fields.append32(UInt32(body.count))
            fields.append32(UInt32(data.count))
            fields.append16(UInt16(name.count))
            fields.append16(0)
        }
        var header = LittleEndian()
        header.append32(0x0403_4B50)
        describe(&header)
        var entry = LittleEndian()
        entry.append32(0x0201_4B50)
        entry.append16(20)  // version made by
        describe(&entry)
        entry.append16(0)  // comment length
        entry.append16(0)  // disk number
        entry.append16(0)  // internal attributes
        entry.append32(0)  // external attributes
        entry.append32(UInt32(offset))
        directory.append(entry.bytes)
        directory.append(name)
        count += 1
        var local = header.bytes
        local.append(name)
        local.append(body)
        offset += local.count
        return local
    }

    /// The central directory and its end record.
    func end() throws -> Data {
        guard offset + directory.count < Int(UInt32.max) else { throw OfficeError(file: "", reason: "压缩包超过 4 GiB，无法写入") }
        var end = LittleEndian()
        end.append32(0x0605_4B50)
        end.append16(0)
        end.append16(0)
        end.append16(UInt16(count))
        end.append16(UInt16(count))
        end.append32(UInt32(directory.count))
        end.append32(UInt32(offset))
        end.append16(0)
        return directory + end.bytes
    }
}

/// A ZIP written to a file as entries come (a year's published documents): memory holds one entry and the
/// directory, never the whole archive.
public final class ZipFileWriter {
    private let handle: FileHandle
    private var builder = ZipBuilder()

    /// Creates (or empties) the file at `url`.
    public init(url: URL) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw OfficeError(file: url.lastPathComponent, reason: "无法创建文件")
        }
        handle = try FileHandle(forWritingTo: url)
    }

    /// Adds `data` as `path`; already-compressed formats (DOCX, XLSX, PDF) are stored, others deflated.
    public func add(_ path: String, _ data: Data) throws {
        let packed = ["docx", "xlsx", "pdf", "zip", "png", "jpg"].contains((path as NSString).pathExtension.lowercased())
        try handle.write(contentsOf: builder.entry(path, data, compress: !packed && data.count >= OfficeArchive.storedBelow))
    }

    /// Writes the directory and closes the file.
    public func finish() throws {
        try handle.write(contentsOf: builder.end())
        try handle.close()
    }
}
