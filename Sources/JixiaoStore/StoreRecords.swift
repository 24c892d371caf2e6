import JixiaoCore

/// An agency as stored.
public struct AgencyRecord: Hashable, Sendable, Codable {
    public var id: String
    public var name: String
    public var supervisingAgency: String?
}

/// A project's self-evaluation as stored: its place in the workflow and its version for optimistic saves.
public struct ProjectRecord: Hashable, Sendable {
    public var id: String
    public var agency: String
    public var fiscalYear: Int?
    public var name: String
    public var state: WorkflowState
    /// Increases by one with every save or transition; a save naming an older version is refused.
    public var version: Int
    public var evaluation: SelfEvaluation
    public var updatedAt: String
}

/// One recorded change: who, when, which field, old → new.
public struct HistoryEntry: Hashable, Sendable, Codable {
    public var version: Int
    public var actor: String
    public var at: String
    public var field: String
    public var oldValue: String
    public var newValue: String
}

/// Why a store operation was refused.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    /// No such project, or not one this user may see (the web layer answers 404 either way).
    case notFound
    /// Someone saved first: the project is at `current`, the save was based on `expected`.
    case stale(expected: Int, current: Int)
    /// The input cannot be stored (an unknown unit, a taken login …).
    case refused(String)
    /// The workflow does not let this user do this now (a reviewer editing, a published project …).
    case forbidden(String)
    case duplicate(String)

    public var description: String {
        switch self {
        case .notFound: "找不到该项目"
        case .stale(let expected, let current):
            "保存失败：该项目已被他人修改（您编辑的是第 \(expected) 版，当前为第 \(current) 版）。请刷新后重新修改，您的修改未丢失，可复制后再保存。"
        case .refused(let reason), .forbidden(let reason): reason
        case .duplicate(let name): "已存在同名单位“\(name)”"
        }
    }
}
