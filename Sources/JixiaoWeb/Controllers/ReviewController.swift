import Foundation
import Hummingbird
import JixiaoCore
import JixiaoOffice
import JixiaoStore

extension WebApp {
    /// The reviewer's inbox (submitted documents of their units) and the finance bureau's overview of every
    /// document of every kind: sortable, filterable, paged, and exportable to XLSX.
    func addReviewRoutes(to router: Router<WebContext>) {
        router.get(RouterPath(.inbox)) { request, context -> Response in
            let user = try Guard.user(request, context, in: [.reviewer, .bureauAdmin])
            let page = try await store.listings(for: user.actor, ListingQuery(states: [.submitted], order: .updatedAt))
            struct Model: Encodable { var frame: PageFrame; var documents: [ListingRow]; var empty: Bool; var alerts: [String]; var hasAlerts: Bool }
            let alerts = try await monitoringAlerts(for: user)
            return pages.render("inbox", Model(
                frame: PageFrame("待审核", context), documents: page.documents.map(ListingRow.init), empty: page.total == 0, alerts: alerts,
                hasAlerts: !alerts.isEmpty))
        }
        router.get(RouterPath(.overview)) { request, context -> Response in
            let user = try Guard.user(request, context, in: [.reviewer, .bureauAdmin])
            let filter = try OverviewFilter(request.uri.queryParameters)
            let page = try await store.listings(for: user.actor, filter.query(limit: OverviewFilter.pageSize))
            return pages.render("overview", OverviewView(frame: PageFrame("绩效自评总览", context), filter: filter, page: page))
        }
        router.get(RouterPath(.overviewExport)) { request, context -> Response in
            let user = try Guard.user(request, context, in: [.reviewer, .bureauAdmin])
            let filter = try OverviewFilter(request.uri.queryParameters)
            let page = try await store.listings(for: user.actor, filter.query(limit: nil))
            let data = try WorkbookWriter.write([OverviewWorkbook.sheet(page.documents)], title: "绩效自评总览")
            return Response(
                status: .ok,
                headers: [
                    .contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    .contentDisposition: "attachment; filename=\"overview.xlsx\"",
                ],
                body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
    }
}

