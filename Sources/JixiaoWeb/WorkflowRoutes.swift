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
                let record = try await Guard.store { try await store.transition(id, action, by: user.displayName, as: user.actor) }
                warmPublicPDF(record)
                return .redirect(to: user.role == .reviewer && verb != "publish" ? "/inbox" : "/projects/\(id)")
            }
        }
    }

    /// A published report's PDF is made in the background, so the public pages serve it from the queue's cache.
    func warmPublicPDF(_ record: ProjectRecord) {
        guard warmsPublishedPDFs, record.state == .published else { return }
        let app = self
        Task { _ = try? await app.download(record, format: "pdf") }
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
