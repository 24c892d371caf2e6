import Foundation

/// The scoring profiles a run can choose from: the built-in ones plus any the user adds as JSON files (loaded at the
/// edge, by JixiaoDocuments' `ProfileCatalog.builtin()` and the CLI, and handed to Core as values).
public struct ProfileCatalog: Sendable {
    public private(set) var profiles: [ScoringProfile]

    public init(profiles: [ScoringProfile]) {
        self.profiles = profiles
    }

    /// Adds `profile`; a later file with the same id and version replaces the earlier one.
    public mutating func add(_ profile: ScoringProfile) throws {
        if let problem = profile.management?.problem { throw ProfileError.invalid(profile.reference, problem) }
        let total = profile.totalWeight
        guard total == 100 else {
            throw ProfileError.invalid(profile.reference, "一级指标权重、执行率分值与计入总分的管理指标分值之和为 \(total.plainText)，应为 100")
        }
        if profile.isDefault == true,
            let other = profiles.first(where: { $0.isDefault == true && $0.evaluationKind == profile.evaluationKind && $0.id != profile.id })
        {
            throw ProfileError.invalid(profile.reference, "标为默认（isDefault），但“\(other.id)”已是\(profile.evaluationKind.label)自评的默认规则；省份或年度的规则请在“年度”设置中指定，不要标为默认")
        }
        profiles.removeAll { $0.id == profile.id && $0.version == profile.version }
        profiles.append(profile)
    }

    /// The profile with `id`, at `version` or the highest version when none is given.
    public func profile(id: String, version: String? = nil) throws -> ScoringProfile {
        let matching = profiles.filter { $0.id == id && (version == nil || $0.version == version) }
        guard let profile = matching.max(by: { $0.version.compare($1.version, options: .numeric) == .orderedAscending }) else {
            throw ProfileError.unknown(id, available: profiles.map(\.reference).sorted())
        }
        return profile
    }

    /// The default profile for an evaluation kind: the highest version of the profile the data marks as the
    /// default for that kind (`"isDefault": true`).
    public func defaultProfile(for kind: EvaluationKind) throws -> ScoringProfile {
        let defaults = profiles.filter { $0.isDefault == true && $0.evaluationKind == kind }
        guard let id = Set(defaults.map(\.id)).sorted().first else { throw ProfileError.noDefault(kind) }
        guard Set(defaults.map(\.id)).count == 1 else { throw ProfileError.severalDefaults(kind, Set(defaults.map(\.id)).sorted()) }
        return try profile(id: id)
    }
}

extension ScoringProfile {
    /// Decodes a profile file, naming `source` in the error.
    public static func decode(_ data: Data, source: String) throws -> ScoringProfile {
        do {
            return try JSONDecoder().decode(ScoringProfile.self, from: data)
        } catch let error as DecodingError {
            throw ProfileError.invalid(source, error.jixiaoDescription)
        }
    }
}

/// Why a profile could not be loaded or found.
public enum ProfileError: Error, Equatable, CustomStringConvertible {
    case missingBuiltins
    case invalid(String, String)
    case unknown(String, available: [String])
    case noDefault(EvaluationKind)
    case severalDefaults(EvaluationKind, [String])

    public var description: String {
        switch self {
        case .missingBuiltins: "找不到内置评分规则文件（Resources/Profiles）"
        case .invalid(let source, let reason): "评分规则 \(source) 无效：\(reason)"
        case .unknown(let id, let available): "没有评分规则“\(id)”；可用：\(available.joined(separator: "、"))"
        case .noDefault(let kind): "没有标为默认（isDefault）的\(kind.label)评分规则"
        case .severalDefaults(let kind, let ids): "\(kind.label)评分规则中有多个标为默认（isDefault）：\(ids.joined(separator: "、"))"
        }
    }
}

extension DecodingError {
    /// The failing key path and reason, for messages that name the field.
    public var jixiaoDescription: String {
        func path(_ context: Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            return keys.isEmpty ? "（根）" : keys.joined(separator: ".")
        }
        switch self {
        case .typeMismatch(let type, let context): return "字段 \(path(context))：类型应为 \(type)。\(context.debugDescription)"
        case .valueNotFound(_, let context): return "字段 \(path(context))：缺少值"
        case .keyNotFound(let key, let context): return "字段 \(path(context))：缺少必填字段“\(key.stringValue)”"
        case .dataCorrupted(let context): return "字段 \(path(context))：\(context.debugDescription)"
        @unknown default: return "\(self)"
        }
    }
}
