import Hummingbird
import JixiaoCore
import JixiaoStore

extension WebApp {
    /// The public pages: published documents only, with their reports. Anything else is "not found".
    func addPublicRoutes(to router: Router<WebContext>) {
        router.get(RouterPath(.publicList)) { request, context -> Response in
            let year = try RequestValues.year(request.uri.queryParameters["year"])
            let text = try RequestValues.filter(request.uri.queryParameters["q"], "q")
            let page = try RequestValues.integer(request.uri.queryParameters["page"], "page", in: RequestValues.pages) ?? 1
            let listing = try await store.listings(
                for: nil, ListingQuery(fiscalYear: year, text: text, limit: Self.publicPageSize, offset: (page - 1) * Self.publicPageSize))
            return pages.render("public", PublicListPage(frame: PageFrame("绩效自评公开", context), listing: listing, year: year, text: text, page: page))
        }
        router.get(SiteURL.pattern { SiteURL.publicReport($0, format: "{format}") }) { _, context -> Response in
            let head = try await publishedHead(context.parameters.require("id"))
            return try await publishedDownload(head, format: context.parameters.require("format"), as: Actor(role: .bureauAdmin))
        }
    }

    /// Rows of the public list a page shows.
    static let publicPageSize = 50

    /// A published document's head; 404 for anything else, as if it did not exist (its state is read before its
    /// content, so nothing about an unpublished document is told).
    func publishedHead(_ id: String) async throws -> DocumentHead {
        let head = try await Guard.store { try await store.head(id, for: Actor(role: .bureauAdmin)) }
        guard head.state == .published, head.kind.isReviewed else { throw HTTPError(.notFound, message: "找不到该文档") }
        return head
    }

    /// The download of a reviewed document, an evaluation's report or a disclosure, in `format`.
    func publishedDownload(_ head: DocumentHead, format: String, as actor: Actor) async throws -> Response {
        if head.kind == .finalAccounts {
            return try await finalAccountsDownload(try await Guard.store { try await store.document(head.id, as: FinalAccounts.self, for: actor) }, format: format)
        }
        return try await download(try await Guard.store { try await store.document(head.id, as: SelfEvaluation.self, for: actor) }, format: format)
    }
}
