import ArgumentParser
import Foundation
import JixiaoCore
import JixiaoDocuments

/// Where scoring profiles come from: the built-in ones, `--profiles-dir`, and `$JIXIAO_PROFILES`.
struct ProfileOptions: ParsableArguments {
    @Option(name: .long, help: "评分规则：内置 id（如 mof-2020-project、hunan-2023-agency，可加 @版本）或 JSON 文件路径")
    var profile: String?

    @Option(name: .customLong("profiles-dir"), help: "额外的评分规则目录（其中每个 .json 为一个规则）")
    var profilesDirectory: String?

    func catalog() throws -> ProfileCatalog {
        var catalog = try ProfileCatalog.builtin()
        let folders = [profilesDirectory, ProcessInfo.processInfo.environment["JIXIAO_PROFILES"]].compactMap { $0 }
        for folder in folders {
            do { try catalog.addFiles(in: URL(fileURLWithPath: folder)) } catch let error as ProfileError { throw error } catch {
                throw ValidationError("无法读取评分规则目录 \(folder)")
            }
        }
        if let profile, profile.hasSuffix(".json") {
            try catalog.add(try ProfileCatalog.profile(at: URL(fileURLWithPath: profile)))
        }
        return catalog
    }

    /// The profile to score `evaluation` with: the one asked for, or the default for its kind.
    func resolve(for evaluation: SelfEvaluation, in catalog: ProfileCatalog) throws -> ScoringProfile {
        guard let profile else { return try catalog.defaultProfile(for: evaluation.kind) }
        if profile.hasSuffix(".json") {
            return try ProfileCatalog.profile(at: URL(fileURLWithPath: profile))
        }
        return try catalog.profile(reference: profile)
    }
}
