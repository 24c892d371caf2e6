import JixiaoCore

/// An agency (预算单位) as stored: a stable id; its name and codes are attributes that can change.
public struct AgencyRecord: Hashable, Sendable, Codable {
    public var id: String
    public var name: String
    /// The unit code the finance bureau gives it, or its 统一社会信用代码, when known.
    public var code: String?
    public var supervisingAgency: String?
}

/// A project (项目) of an agency, the same from year to year: a stable id, the agency it belongs to, its name and
/// the 项目编码 the budget system gives it (optional). Each year's documents about it point to it.
public struct ProjectRecord: Hashable, Sendable, Codable {
    public var id: String
    public var agencyID: String
    public var agency: String
    public var name: String
    public var code: String?
}

/// Who made a change: the user's id (nil for the system, e.g. the example data) and their name at that time.
public struct Author: Hashable, Sendable {
    public var id: String?
    public var name: String

    public init(id: String?, name: String) {
        self.id = id
        self.name = name
    }
}

/// What identifies a document's current version without reading its content: its subject, year and kind, its place
/// in the workflow, its version, and the set-up of its fiscal year (which changes its scores and what may be done).
public struct DocumentHead: Hashable, Sendable {
    public var id: String
    public var kind: DocumentKind
    public var agencyID: String
    public var agency: String
    /// The project it is about, for kinds about a project.
    public var projectID: String?
    public var fiscalYear: Int?
    public var title: String
    public var state: WorkflowState
    /// Increases by one with every save or transition; a save naming another version is refused.
    public var version: Int
    public var updatedAt: String
    /// The set-up of the document's fiscal year, nil when the bureau has not set it up.
    public var yearSetUp: FiscalYear?
}

/// A stored document with its content.
public struct Document<Body: DocumentBody>: Sendable {
    public var head: DocumentHead
    public var body: Body

    public var id: String { head.id }
}

/// One recorded change: who (id and the name they had), when, what was done to which field, old → new.
public struct HistoryEntry: Hashable, Sendable, Codable {
    public var version: Int
    public var actorID: String?
    public var actor: String
    public var at: String
    /// 修改 · 新增 · 删除 · 移动 of a field or row; 新建, 状态, 退回, 支付 (a payment counted from the ledger), 升级.
    public var operation: String
    public var field: String
    public var oldValue: String
    public var newValue: String
}

/// Why a store operation was refused.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    /// No such document, project or agency, or not one this user may see (the web layer answers 404 either way).
    case notFound
    /// Someone saved first: the document is at `current`, the save was based on `expected`.
    case stale(expected: Int, current: Int)
    /// The input cannot be stored (an unknown unit, a taken login …).
    case refused(String)
    /// The workflow does not let this user do this now (a reviewer editing, a published document …).
    case forbidden(String)
    case duplicate(String)
    /// A stored row that cannot be read (an unknown state, a body that does not decode): never shown as something else.
    case unreadable(row: String, reason: String)

    public var description: String {
        switch self {
        case .notFound: "找不到（或无权查看）"
        case .stale(let expected, let current):
            "保存失败：该文档已被他人修改（您编辑的是第 \(expected) 版，当前为第 \(current) 版）。请刷新后重新修改，您的修改未丢失，可复制后再保存。"
        case .refused(let reason), .forbidden(let reason): reason
        case .duplicate(let name): "已存在同名单位“\(name)”"
        case .unreadable(let row, let reason): "数据库中的记录 \(row) 无法读取：\(reason)"
        }
    }
}
