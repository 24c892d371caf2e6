import Foundation
import JixiaoStore

/// The public list of published documents, a page at a time (template `public.mustache`).
struct PublicListPage: Encodable {
    var frame: PageFrame
    var documents: [ListingRow]
    var empty: Bool
    var q: String
    var action: String
    var pager: Pager

    init(frame: PageFrame, listing: ListingPage, year: Int?, text: String, page: Int) {
        self.frame = frame
        documents = listing.documents.map { ListingRow($0, publicLinks: true) }
        empty = listing.documents.isEmpty
        q = text
        action = SiteURL.publicList.path
        func link(_ page: Int) -> String {
            var items = ["page=\(page)"]
            if let year { items.append("year=\(year)") }
            if !text.isEmpty { items.append("q=" + PercentEncoding.encoded(text)) }
            return SiteURL.publicList.path + "?" + items.joined(separator: "&")
        }
        pager = Pager(page: page, total: listing.total, size: WebApp.publicPageSize, unit: "份", link: link)
    }
}
