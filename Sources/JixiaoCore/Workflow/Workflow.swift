import Foundation

/// Where a self-evaluation stands: 草稿 → 已提交 → 退回 → 已提交 → 审核通过 → 已公开.
public enum WorkflowState: String, Hashable, Sendable, Codable, CaseIterable {
    case draft, submitted, returned, approved, published

    public var label: String {
        switch self {
        case .draft: "草稿"
        case .submitted: "已提交"
        case .returned: "退回"
        case .approved: "审核通过"
        case .published: "已公开"
        }
    }

    /// Whether the unit may still change the evaluation.
    public var isEditable: Bool { self == .draft || self == .returned }
}

/// What a user asks of an evaluation.
public enum WorkflowAction: Hashable, Sendable {
    case edit
    case submit
    /// Back to the unit, with the reviewer's comment (required).
    case `return`(comment: String)
    case approve
    case publish

    public var label: String {
        switch self {
        case .edit: "修改"
        case .submit: "提交"
        case .return: "退回"
        case .approve: "审核通过"
        case .publish: "公开"
        }
    }
}

/// Why an action was refused, in words for the user.
public struct WorkflowError: Error, Equatable, CustomStringConvertible {
    public var reason: String
    /// The evaluation is invisible to this user: the web layer answers 404, not 403.
    public var notFound: Bool

    public var description: String { reason }
}

/// The rules of the review: who may do what, in which state. Published is read-only for everyone; in a closed
/// fiscal year nobody edits or submits, while the review (return, approve, publish) goes on.
public enum Workflow {
    /// The state after `action` by `actor` on an evaluation of `agency` in `state`, or why it is refused.
    public static func apply(
        _ action: WorkflowAction, by actor: Actor, agency: String, in state: WorkflowState, yearIsOpen: Bool = true
    ) throws -> WorkflowState {
        guard actor.canSee(agency) else {
            throw WorkflowError(reason: "找不到该项目", notFound: true)
        }
        func refuse(_ reason: String) -> WorkflowError { WorkflowError(reason: reason, notFound: false) }
        if !yearIsOpen, action == .edit || action == .submit {
            throw refuse("该年度已结束填报，不能\(action.label)；如需\(action.label)，请财政局管理员重新开放该年度")
        }
        let isUnit = actor.role == .unitFiller || actor.role == .unitLead
        switch action {
        case .edit:
            guard isUnit || actor.role == .bureauAdmin else { throw refuse("\(actor.role.label)不能修改单位的自评内容") }
            guard state.isEditable else { throw refuse("“\(state.label)”状态的自评不能修改\(state == .published ? "（已公开，只读）" : "；如需修改，请审核人退回")") }
            return state
        case .submit:
            guard actor.role == .unitLead else { throw refuse("只有单位负责人可以提交") }
            guard state.isEditable else { throw refuse("“\(state.label)”状态的自评不能提交") }
            return .submitted
        case .return(let comment):
            guard actor.role == .reviewer || actor.role == .bureauAdmin else { throw refuse("只有审核人可以退回") }
            guard state == .submitted || state == .approved else { throw refuse("只能退回已提交或审核通过、尚未公开的自评") }
            guard !comment.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw refuse("退回时必须填写退回意见") }
            return .returned
        case .approve:
            guard actor.role == .reviewer || actor.role == .bureauAdmin else { throw refuse("只有审核人可以审核通过") }
            guard state == .submitted else { throw refuse("只能审核已提交的自评（当前为“\(state.label)”）") }
            return .approved
        case .publish:
            guard actor.role == .reviewer || actor.role == .bureauAdmin else { throw refuse("只有审核人或财政局管理员可以公开") }
            guard state == .approved else { throw refuse("只能公开审核通过的自评（当前为“\(state.label)”）") }
            return .published
        }
    }
}
