import Hummingbird
import JixiaoCore
import JixiaoStore

extension WebApp {
    /// 提交 · 退回（附意见）· 审核通过 · 公开: each a form post, checked by the workflow's rules in JixiaoCore.
    func addWorkflowRoutes(to router: Router<WebContext>) {
        for verb in WorkflowVerb.allCases {
            router.post(SiteURL.pattern { SiteURL.documentStep($0, verb) }) { request, context -> Response in
                let user = try Guard.user(request, context)
                let form = try await FormData.read(request, limit: WebLimits.formBytes)
                try Guard.csrf(form, context)
                let id = try context.parameters.require("id")
                let head = try await Guard.store {
                    try await store.transition(id, verb.action(comment: form.text("comment")), by: user.author, as: user.actor)
                }
                warmPublicPDF(head, as: user.actor)
                return .redirect(to: user.role == .reviewer && verb != .publish ? SiteURL.inbox.path : SiteURL.document(id).path)
            }
        }
    }

    /// A published report's PDF is made in the background, so the public pages serve it from the queue's cache.
    func warmPublicPDF(_ head: DocumentHead, as actor: Actor) {
        guard warmsPublishedPDFs, head.state == .published else { return }
        let app = self
        Task { _ = try? await app.publishedDownload(head, format: "pdf", as: actor) }
    }
}
