import Hummingbird
import JixiaoCore
import JixiaoStore

extension WebApp {
    /// The public pages: published evaluations only, with their reports. Anything else is "not found".
    func addPublicRoutes(to router: Router<WebContext>) {
        router.get("/public") { request, context -> Response in
            let year = try RequestValues.year(request.uri.queryParameters["year"])
            let text = try RequestValues.filter(request.uri.queryParameters["q"], "q")
            let page = try await store.listings(for: nil, ListingQuery(fiscalYear: year, text: text, limit: 200))
            struct Model { var frame: PageFrame; var projects: [ListingRow]; var empty: Bool; var q: String }
            return pages.render("public", Model(frame: PageFrame("绩效自评公开", context), projects: page.projects.map(ListingRow.init), empty: page.total == 0, q: text))
        }
        router.get("/public/:id/report.{format}") { _, context -> Response in
            let record = try await publishedProject(context.parameters.require("id"))
            return try await download(record, format: context.parameters.require("format"))
        }
    }

    /// A published project; 404 for any other state, as if it did not exist.
    func publishedProject(_ id: String) async throws -> ProjectRecord {
        let record = try await Guard.store { try await store.project(id, for: Actor(role: .bureauAdmin)) }
        guard record.state == .published else { throw HTTPError(.notFound, message: "找不到该项目") }
        return record
    }
}
