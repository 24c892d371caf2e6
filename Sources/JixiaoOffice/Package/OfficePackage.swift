import Foundation
import ZIPFoundation

/// An OOXML package (the ZIP inside .xlsx and .docx), read part by part within ``PackageLimits``.
///
/// Declared sizes are checked before inflating and inflated bytes are counted while reading, so a
/// package that lies about its sizes is stopped too. XML parts are read as UTF-8 whatever their declared encoding,
/// and parts with a DTD are refused (no entity expansion).
public final class OfficePackage {
    public let file: String
    private let archive: Archive
    /// The entries by path (the first of two with one path), read once: a lookup by path is not a scan.
    private let entries: [String: Entry]
    /// The paths in the order the package stores them.
    public let partPaths: [String]
    private let limits: PackageLimits
    private var inflatedTotal = 0

    /// Opens the package at `url`; `file` names it in errors.
    public convenience init(url: URL, limits: PackageLimits = .standard) throws {
        let name = url.lastPathComponent
        let data: Data
        do {
            data = try Data(contentsOf: url, options: .mappedIfSafe)
        } catch {
            throw OfficeError(file: name, reason: "无法读取文件（\(error.localizedDescription)）")
        }
        try self.init(data: data, file: name, limits: limits)
    }

    public init(data: Data, file: String, limits: PackageLimits = .standard) throws {
        self.file = file
        self.limits = limits
        try FileSignature.requireZip(data, file: file)
        try ZipDirectory.refuseZIP64(data, file: file)
        archive = try Self.openArchive(data, file: file)
        var entries: [String: Entry] = [:]
        var paths: [String] = []
        for entry in archive {
            guard paths.count < limits.maximumEntries else {
                throw OfficeError(file: file, reason: "压缩包内条目超过 \(limits.maximumEntries) 个，拒绝读取")
            }
            paths.append(entry.path)
            if entries[entry.path] == nil { entries[entry.path] = entry }
        }
        self.entries = entries
        partPaths = paths
    }

    /// Opens `data` as a ZIP through a scratch file that is unlinked once open. ZIPFoundation's in-memory archive
    /// traps (a negative range in `MemoryFile.readData`) when a header points past the end of the bytes, as a
    /// truncated end-of-directory record does; reading a file there comes back short and the open fails instead.
    private static func openArchive(_ data: Data, file: String) throws -> Archive {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("jixiao-package-\(UUID().uuidString).zip")
        do {
            try data.write(to: url)
        } catch {
            throw OfficeError(file: file, reason: "无法暂存文件以读取（\(error.localizedDescription)）")
        }
        defer { try? FileManager.default.removeItem(at: url) }
        do {
            return try Archive(url: url, accessMode: .read)
        } catch {
            throw OfficeError(file: file, reason: "不是有效的 Office 文件（ZIP 结构损坏）")
        }
    }

    /// Whether the package holds a part at `path`.
    public func contains(_ path: String) -> Bool {
        entries[path] != nil
    }

    /// The bytes of the part at `path`; nil if there is none.
    public func part(_ path: String) throws -> Data? {
        guard let entry = entries[path] else { return nil }
        let place = OfficeError(file: file, part: path, reason: "")
        if entry.uncompressedSize > UInt64(limits.maximumPartBytes) {
            throw tooLarge(place, declared: entry.uncompressedSize)
        }
        var data = Data()
        data.reserveCapacity(Int(min(entry.uncompressedSize, UInt64(limits.maximumPartBytes))))
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                data.append(chunk)
                self.inflatedTotal += chunk.count
                if data.count > self.limits.maximumPartBytes || self.inflatedTotal > self.limits.maximumTotalBytes {
                    throw self.tooLarge(place, declared: nil)
                }
            }
        } catch let error as OfficeError {
            throw error
        } catch {
            throw OfficeError(file: file, part: path, reason: "压缩数据损坏，无法解压（\(error)）")
        }
        return data
    }

    /// The part at `path` as UTF-8 XML bytes (UTF-16 transcoded, other encodings refused), refusing DTDs; an error
    /// if the part is missing.
    public func xmlPart(_ path: String) throws -> Data {
        guard let raw = try part(path) else {
            throw OfficeError(file: file, part: path, reason: "缺少必需的部件")
        }
        return try XMLEncoding.utf8(raw, file: file, part: path)
    }

    private func tooLarge(_ place: OfficeError, declared: UInt64?) -> OfficeError {
        var error = place
        let limit = limits.maximumPartBytes >> 20
        let total = limits.maximumTotalBytes >> 20
        if let declared {
            error.reason = "解压后大小 \(declared >> 20) MiB，超过单个部件上限 \(limit) MiB（疑似压缩炸弹），拒绝读取"
        } else {
            error.reason = "解压后超过上限（单个部件 \(limit) MiB，全部 \(total) MiB；疑似压缩炸弹），已停止读取"
        }
        return error
    }
}
