import Foundation
import JixiaoZlib

/// Writes an OOXML package (a ZIP of parts) in memory, [Content_Types].xml first. Parts under 2 KiB are stored;
/// larger ones are deflated at zlib level 1, which for XML costs a third of the default level's time for a few
/// per cent more bytes. (Reading packages stays with ZIPFoundation and its limits.)
enum OfficeArchive {
    static let storedBelow = 2_048
    static let level: Int32 = 1

    static func write(_ parts: [(String, Data)]) throws -> Data {
        let ordered = parts.sorted { lhs, rhs in lhs.0 == "[Content_Types].xml" || (rhs.0 != "[Content_Types].xml" && lhs.0 < rhs.0) }
        var archive = Data()
        var directory = Data()
        let (time, date) = dosTimestamp(Date())
        for (path, data) in ordered {
            guard data.count < Int(UInt32.max), path.utf8.count < Int(UInt16.max) else {
                throw OfficeError(file: "", part: path, reason: "部件过大，无法写入")
            }
            let checksum = data.withUnsafeBytes { raw in
                UInt32(crc32(0, raw.bindMemory(to: Bytef.self).baseAddress, uInt(raw.count)))
            }
            let stored = data.count < storedBelow
            let body = stored ? data : try deflate(data, path: path)
            let name = Data(path.utf8)
            let offset = UInt32(archive.count)
            // The fields the local header and the central directory entry share, from "version needed" to
            // "extra field length".
            func describe(_ fields: inout LittleEndian) {
                fields.append16(20)
                fields.append16(0x0800)  // names are UTF-8
                fields.append16(stored ? 0 : 8)
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
            archive.append(header.bytes)
            archive.append(name)
            archive.append(body)
            var entry = LittleEndian()
            entry.append32(0x0201_4B50)
            entry.append16(20)  // version made by
            describe(&entry)
            entry.append16(0)  // comment length
            entry.append16(0)  // disk number
            entry.append16(0)  // internal attributes
            entry.append32(0)  // external attributes
            entry.append32(offset)
            directory.append(entry.bytes)
            directory.append(name)
        }
        var end = LittleEndian()
        end.append32(0x0605_4B50)
        end.append16(0)
        end.append16(0)
        end.append16(UInt16(ordered.count))
        end.append16(UInt16(ordered.count))
        end.append32(UInt32(directory.count))
        end.append32(UInt32(archive.count))
        end.append16(0)
        archive.append(directory)
        archive.append(end.bytes)
        return archive
    }

    /// Raw deflate (no zlib header), as ZIP stores it.
    static func deflate(_ data: Data, path: String) throws -> Data {
        var stream = z_stream()
        guard deflateInit2_(&stream, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw OfficeError(file: "", part: path, reason: "无法初始化压缩")
        }
        defer { deflateEnd(&stream) }
        var output = Data(count: Int(deflateBound(&stream, uLong(data.count))))
        let result: Int32 = data.withUnsafeBytes { input in
            output.withUnsafeMutableBytes { target in
                stream.next_in = UnsafeMutablePointer(mutating: input.bindMemory(to: Bytef.self).baseAddress)
                stream.avail_in = uInt(input.count)
                stream.next_out = target.bindMemory(to: Bytef.self).baseAddress
                stream.avail_out = uInt(target.count)
                return JixiaoZlib.deflate(&stream, Z_FINISH)
            }
        }
        guard result == Z_STREAM_END else { throw OfficeError(file: "", part: path, reason: "压缩失败（zlib \(result)）") }
        output.count = Int(stream.total_out)
        return output
    }

    /// MS-DOS time and date, as ZIP headers carry them.
    static func dosTimestamp(_ date: Date) -> (UInt16, UInt16) {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "Asia/Shanghai") ?? .current, from: date)
        let time = UInt16((parts.hour ?? 0) << 11 | (parts.minute ?? 0) << 5 | (parts.second ?? 0) / 2)
        let day = UInt16(max(0, (parts.year ?? 1980) - 1980) << 9 | (parts.month ?? 1) << 5 | (parts.day ?? 1))
        return (time, day)
    }
}

/// Little-endian integers for ZIP headers.
struct LittleEndian {
    private(set) var bytes = Data()

    mutating func append16(_ value: UInt16) {
        bytes.append(UInt8(value & 0xFF))
        bytes.append(UInt8(value >> 8))
    }

    mutating func append32(_ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8((value >> UInt32(shift)) & 0xFF)) }
    }
}
