import Foundation
import JixiaoStore

/// The public list of published documents, a page at a time (template `public.mustache`).
struct PublicListPage: Encodable {
    var frame: PageFrame
    var documents: [ListingRow]
    var empty: Bool
    var q: String
    var action: String
    var pageLabel: String
    var previous: String?
    var next: String?

    init(frame: PageFrame, listing: ListingPage, year: Int?, text: String, page: Int) {
        self.frame = frame
        documents = listing.documents.map(ListingRow.init)
        empty = listing.total == 0
        q = text
        action = SiteURL.publicList.path
        let pages = max(1, (listing.total + WebApp.publicPageSize - 1) / WebApp.publicPageSize)
        pageLabel = "第 \(min(page, pages)) / \(pages) 页，共 \(listing.total) 份"
        func link(_ page: Int) -> String {
            var items = ["page=\(page)"]
            if let year { items.append("year=\(year)") }
            if !text.isEmpty { items.append("q=" + (text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")) }
            return SiteURL.publicList.path + "?" + items.joined(separator: "&")
        }
        previous = page > 1 ? link(page - 1) : nil
        next = page < pages ? link(page + 1) : nil
    }
}
