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
        var builder = ZipBuilder()
        var archive = Data()
        for (path, data) in ordered { archive.append(try builder.entry(path, data, compress: data.count >= storedBelow)) }
        archive.append(try builder.end())
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
