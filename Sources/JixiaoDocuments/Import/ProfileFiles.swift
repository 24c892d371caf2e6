import Foundation
import JixiaoCore

extension ProfileCatalog {
    /// The profiles shipped with Jixiao (`Resources/Profiles`, one JSON file each), read from disk here at the edge
    /// and handed to Core as values.
    public static func builtin() throws -> ProfileCatalog {
        guard let folder = Bundle.module.resourceURL?.appendingPathComponent("Profiles") else { throw ProfileError.missingBuiltins }
        var catalog = ProfileCatalog(profiles: [])
        do { try catalog.addFiles(in: folder) } catch CocoaError.fileReadNoSuchFile { throw ProfileError.missingBuiltins }
        return catalog
    }

    /// Adds every `.json` profile in `folder`, in name order; a file that is not a profile is an error naming it.
    public mutating func addFiles(in folder: URL) throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        for name in names.sorted() where name.hasSuffix(".json") {
            try add(try Self.profile(at: folder.appendingPathComponent(name)))
        }
    }

    /// The profile in one file.
    public static func profile(at url: URL) throws -> ScoringProfile {
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw ProfileError.invalid(url.path, "无法读取文件") }
        return try ScoringProfile.decode(data, source: url.lastPathComponent)
    }
}
