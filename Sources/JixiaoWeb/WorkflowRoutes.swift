import Hummingbird
import JixiaoCore
import JixiaoStore

extension WebApp {
    /// 提交 · 退回（附意见）· 审核通过 · 公开: each a form post, checked by the workflow's rules in JixiaoCore.
    func addWorkflowRoutes(to router: Router<WebContext>) {
        for verb in ["submit", "return", "approve", "publish"] {
            router.post("/projects/:id/\(verb)") { request, context -> Response in
                let user = try Guard.user(request, context)
                let form = try await FormData.read(request, limit: WebLimits.formBytes)
                try Guard.csrf(form, context)
                let id = try context.parameters.require("id")
                let action = try Self.action(verb, comment: form.text("comment"))
                _ = try await Guard.store { try await store.transition(id, action, by: user.displayName, as: user.actor) }
                return .redirect(to: user.role == .reviewer && verb != "publish" ? "/inbox" : "/projects/\(id)")
            }
        }
    }

    static func action(_ verb: String, comment: String) throws -> WorkflowAction {
        switch verb {
        case "submit": .submit
        case "return": .return(comment: comment)
        case "approve": .approve
        case "publish": .publish
        default: throw HTTPError(.notFound, message: "没有“\(verb)”这一操作")
        }
    }
}
