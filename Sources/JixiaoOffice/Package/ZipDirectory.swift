import Foundation

/// The ZIP's directory as ZIPFoundation will walk it, checked first for ZIP64 records. ZIPFoundation converts a
/// 64-bit offset to `off_t` and adds 64-bit sizes unchecked, so a ZIP64 field past `Int64.max` traps the process
/// (a 150-byte file stopped the server). Office packages within ``PackageLimits`` never need ZIP64 (it is for
/// parts and files past 4 GiB), so a package that uses it is refused and ZIPFoundation only sees 32-bit values.
enum ZipDirectory {
    static func refuseZIP64(_ data: Data, file: String) throws {
        let uses = data.withUnsafeBytes { usesZIP64(Bytes(raw: $0)) }
        if uses {
            throw OfficeError(file: file, reason: "使用了 ZIP64 扩展（Office 文件在大小上限内用不到它），拒绝读取")
        }
    }

    private static func usesZIP64(_ bytes: Bytes) -> Bool {
        // ZIPFoundation takes the last end-of-directory signature that leaves room for the 22-byte record.
        guard bytes.count >= 22,
            let end = stride(from: bytes.count - 22, through: 0, by: -1).first(where: {
                bytes.uint32($0) == 0x0605_4B50
            })
        else { return false }
        // It looks for a ZIP64 locator and record just before that record, and uses them when they are there.
        if bytes.uint32(end - 20) == 0x0706_4B50 || bytes.uint32(end - 76) == 0x0606_4B50 { return true }
        var cursor = Int(bytes.uint32(end + 16))
        for _ in 0..<bytes.uint16(end + 10) {
            guard bytes.uint32(cursor) == 0x0201_4B50, cursor + 46 <= bytes.count else { return false }
            // A size or offset of 0xFFFFFFFF sends ZIPFoundation to the entry's 64-bit ZIP64 field.
            if [20, 24, 42].contains(where: { bytes.uint32(cursor + $0) == UInt32.max }) { return true }
            cursor +=
                46 + Int(bytes.uint16(cursor + 28)) + Int(bytes.uint16(cursor + 30)) + Int(bytes.uint16(cursor + 32))
        }
        return false
    }

    /// Little-endian reads that answer 0 outside the bytes.
    private struct Bytes {
        let raw: UnsafeRawBufferPointer
        var count: Int { raw.count }

        func uint16(_ offset: Int) -> UInt16 {
            guard offset >= 0, offset <= count - 2 else { return 0 }
            return UInt16(raw[offset]) | UInt16(raw[offset + 1]) << 8
        }

        func uint32(_ offset: Int) -> UInt32 {
            guard offset >= 0, offset <= count - 4 else { return 0 }
            return UInt32(uint16(offset)) | UInt32(uint16(offset + 2)) << 16
        }
    }
}
