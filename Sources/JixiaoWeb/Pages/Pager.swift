/// Where a paged list stands: "第 2 / 7 页，共 650 项" and the links to the pages before and after (none past the ends).
struct Pager: Encodable {
    var label: String
    var previous: String?
    var next: String?

    /// `page` of a list of `total` rows, `size` a page; `link` makes a page's address; `unit` counts the rows ("项").
    init(page: Int, total: Int, size: Int, unit: String = "项", link: (Int) -> String) {
        let pages = max(1, (total + size - 1) / size)
        label = "第 \(min(page, pages)) / \(pages) 页，共 \(total) \(unit)"
        previous = page > 1 ? link(min(page, pages + 1) - 1) : nil
        next = page < pages ? link(page + 1) : nil
    }
}
