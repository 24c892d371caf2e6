import Foundation
import Hummingbird
import JixiaoCore
import JixiaoOffice
import JixiaoStore

/// The overview's query string: year, kind, state, grade, text; sort column and direction; page.
struct OverviewFilter: Sendable {
    static let pageSize = 100
    var fiscalYear: Int?
    var year: String
    var kind: String
    var state: String
    var grade: String
    var text: String
    var sort: ListingQuery.Order
    var descending: Bool
    var page: Int

    /// Reads the query string; a number out of range or a text too long is a 400 naming the parameter.
    init(_ parameters: Parameters) throws {
        func value(_ key: String) throws -> String { try RequestValues.filter(parameters[Substring(key)], key) }
        fiscalYear = try RequestValues.year(parameters["year"])
        year = fiscalYear.map(String.init) ?? ""
        kind = try value("kind")
        state = try value("state")
        grade = try value("grade")
        text = try value("q")
        sort = ListingQuery.Order(rawValue: try value("sort")) ?? .agency
        descending = try value("dir") == "desc"
        page = try RequestValues.integer(parameters["page"], "page", in: RequestValues.pages) ?? 1
    }

    /// The listing query for one page of `limit` rows, or every row when `limit` is nil.
    func query(limit: Int?) -> ListingQuery {
        ListingQuery(
            fiscalYear: fiscalYear, kinds: DocumentKind(rawValue: kind).map { [$0] } ?? [],
            states: WorkflowState(rawValue: state).map { [$0] } ?? [], text: text, grade: grade,
            order: sort, descending: descending, limit: limit, offset: limit.map { $0 * (page - 1) } ?? 0)
    }

    /// The query string with some keys replaced, for links that keep the rest of the filter.
    func link(sort: ListingQuery.Order? = nil, page: Int? = nil, export: Bool = false) -> String {
        let newSort = sort ?? self.sort
        let dir = sort == nil ? (descending ? "desc" : "asc") : (sort == self.sort && !descending ? "desc" : "asc")
        let items = [("year", year), ("kind", kind), ("state", state), ("grade", grade), ("q", text), ("sort", newSort.rawValue), ("dir", dir), ("page", String(page ?? 1))]
        let query = items.filter { !$0.1.isEmpty }.map { "\($0.0)=\(PercentEncoding.encoded($0.1))" }.joined(separator: "&")
        return (export ? SiteURL.overviewExport : SiteURL.overview).path + "?" + query
    }
}

/// The overview page (template `overview.mustache`).
struct OverviewView: Encodable {
    var frame: PageFrame
    var documents: [ListingRow]
    var total: Int
    var filter: FilterView
    var sortLinks: [String: String]
    var kinds: [Choice]
    var states: [Choice]
    var action: String
    var pager: Pager
    var export: String

    struct FilterView: Encodable { var year: String; var grade: String; var text: String }
    struct Choice: Encodable { var value: String; var label: String; var selected: Bool }

    init(frame: PageFrame, filter: OverviewFilter, page: ListingPage) {
        self.frame = frame
        documents = page.documents.map(ListingRow.init)
        action = SiteURL.overview.path
        kinds = [Choice(value: "", label: "全部类别", selected: filter.kind.isEmpty)]
            + DocumentKind.allCases.map { Choice(value: $0.rawValue, label: $0.label, selected: $0.rawValue == filter.kind) }
        total = page.total
        self.filter = FilterView(year: filter.year, grade: filter.grade, text: filter.text)
        sortLinks = Dictionary(uniqueKeysWithValues: ListingQuery.Order.allCases.map { ($0.rawValue, filter.link(sort: $0)) })
        states = [Choice(value: "", label: "全部状态", selected: filter.state.isEmpty)]
            + WorkflowState.allCases.map { Choice(value: $0.rawValue, label: $0.label, selected: $0.rawValue == filter.state) }
        pager = Pager(page: filter.page, total: page.total, size: OverviewFilter.pageSize) { filter.link(page: $0) }
        export = filter.link(export: true)
    }
}

/// The overview as a worksheet.
enum OverviewWorkbook {
    static func sheet(_ documents: [DocumentListing]) -> WorksheetContent {
        var sheet = WorksheetContent(name: "总览")
        let headers = ["单位", "年度", "类别", "项目", "状态", "自评得分", "等级", "预算执行率", "审核发现问题数", "更新时间（北京时间）"]
        for (column, header) in headers.enumerated() {
            sheet.set(CellReference(row: 1, column: column + 1), .text(header), style: CellStyle(bold: true))
        }
        for (index, listing) in documents.enumerated() {
            let row = index + 2
            let summary = listing.summary
            let values: [(WorksheetContent.Value, CellStyle)] = [
                (.text(listing.agency), .text), (.text(listing.fiscalYear.map(String.init) ?? ""), .body), (.text(listing.kind.label), .body),
                (.text(listing.title), .text), (.text(listing.state.label), .body),
                (summary?.total.map { .number($0.fixed(2)) } ?? .text(""), .score), (.text(summary?.grade ?? ""), .body),
                (summary?.executionRate.map { .number($0.rounded(scale: 4).description) } ?? .text(""), .percent),
                (summary.map { .number(String($0.findings)) } ?? .text(""), .body),
                (.text(BeijingTime.display(listing.updatedAt, seconds: true)), .body),
            ]
            for (column, (value, style)) in values.enumerated() {
                sheet.set(CellReference(row: row, column: column + 1), value, style: style)
            }
        }
        sheet.columnWidths = [1: 30, 2: 8, 3: 20, 4: 36, 5: 10, 6: 10, 7: 8, 8: 12, 9: 14, 10: 22]
        sheet.printTitleRows = 1...1
        sheet.landscape = true
        return sheet
    }
}
