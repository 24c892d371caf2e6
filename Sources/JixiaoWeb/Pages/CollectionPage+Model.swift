import Foundation
import Hummingbird
import JixiaoCore
import JixiaoOffice
import JixiaoStore

/// Which agencies the collection dashboard shows: a fiscal year, a view (all, late, nothing handed in, something
/// outstanding) and a page.
struct CollectionFilter: Sendable {
    enum View: String, CaseIterable, Sendable {
        case all, late, nothing, outstanding

        var label: String {
            switch self {
            case .all: "全部单位"
            case .late: "有逾期的单位"
            case .nothing: "尚未报送任何文档的单位"
            case .outstanding: "尚有未报送文档的单位"
            }
        }

        func includes(_ status: CollectionStatus) -> Bool {
            switch self {
            case .all: true
            case .late: status.isLate
            case .nothing: status.hasSubmittedNothing
            case .outstanding: status.kinds.contains { $0.outstanding > 0 }
            }
        }
    }

    static let pageSize = 100
    var fiscalYear: Int
    var view: View
    var page: Int

    /// Reads the query string; the year defaults to `defaultYear`, anything malformed is a 400 naming the parameter.
    init(_ parameters: Parameters, defaultYear: Int) throws {
        fiscalYear = try RequestValues.year(parameters["year"]) ?? defaultYear
        let view = try RequestValues.filter(parameters["view"], "view")
        guard let chosen = View(rawValue: view.isEmpty ? "all" : view) else {
            throw HTTPError(.badRequest, message: "参数“view”应为 " + View.allCases.map(\.rawValue).joined(separator: "、") + "，收到“\(view)”")
        }
        self.view = chosen
        page = try RequestValues.integer(parameters["page"], "page", in: RequestValues.pages) ?? 1
    }

    func url(view: View? = nil, page: Int? = nil) -> String {
        "\(SiteURL.collection.path)?year=\(fiscalYear)&view=\((view ?? self.view).rawValue)&page=\(page ?? 1)"
    }
}

/// The collection dashboard's view model: the totals by state and grade, and a page of agencies.
struct CollectionView: Encodable {
    struct Count: Encodable { var label: String; var count: Int }
    struct ViewLink: Encodable { var label: String; var url: String; var current: Bool; var count: Int }
    struct Cell: Encodable { var text: String; var late: Bool }
    struct Row: Encodable { var agencyID: String; var agency: String; var url: String; var code: String?; var cells: [Cell]; var late: Bool; var nothing: Bool }
    struct Deadline: Encodable { var kind: String; var date: String }
    struct YearChoice: Encodable { var year: Int; var selected: Bool }

    var frame: PageFrame
    var year: Int
    var years: [YearChoice]
    var kinds: [String]
    var states: [Count]
    var grades: [Count]
    var views: [ViewLink]
    var deadlines: [Deadline]
    var scheduleSource: String
    var rows: [Row]
    var empty: Bool
    var units: Int
    var late: Int
    var nothing: Int
    var pager: Pager
    /// The units table's columns (the unit, a column per kind, the reminder).
    var columns: Int
    var export: String
    var remind: String
    var bulkImport: String
    var archive: String
    var reminderText: String
    var view: String
    /// Whether the viewer is the bureau (bulk import and the year's ZIP are the bureau's).
    var canImport: Bool

    init(frame: PageFrame, filter: CollectionFilter, statuses: [CollectionStatus], schedule: CollectionSchedule, years: [Int], canImport: Bool) {
        self.frame = frame
        self.canImport = canImport
        view = filter.view.rawValue
        year = filter.fiscalYear
        self.years = years.map { YearChoice(year: $0, selected: $0 == filter.fiscalYear) }
        kinds = DocumentKind.reviewed.map(\.label)
        var byState: [WorkflowState: Int] = [:]
        var missing = 0
        var byGrade: [String: Int] = [:]
        for status in statuses {
            for kind in status.kinds {
                for (state, count) in kind.counts { byState[state, default: 0] += count }
                missing += kind.missing
            }
            for (grade, count) in status.grades { byGrade[grade, default: 0] += count }
        }
        states = [Count(label: "未建", count: missing)] + WorkflowState.allCases.map { Count(label: $0.label, count: byState[$0] ?? 0) }
        grades = ["优", "良", "中", "差"].map { Count(label: $0, count: byGrade[$0] ?? 0) }
        views = CollectionFilter.View.allCases.map { view in
            ViewLink(label: view.label, url: filter.url(view: view), current: view == filter.view, count: statuses.filter(view.includes).count)
        }
        deadlines = DocumentKind.reviewed.compactMap { kind in
            schedule.due(kind, of: filter.fiscalYear).map { Deadline(kind: kind.label, date: $0.description) }
        }
        scheduleSource = schedule.source
        units = statuses.count
        late = statuses.filter(\.isLate).count
        nothing = statuses.filter(\.hasSubmittedNothing).count
        let shown = statuses.filter(filter.view.includes)
        let start = (filter.page - 1) * CollectionFilter.pageSize
        rows = shown.dropFirst(start).prefix(CollectionFilter.pageSize).map(Self.row)
        empty = rows.isEmpty
        pager = Pager(page: filter.page, total: shown.count, size: CollectionFilter.pageSize, unit: "个单位") { filter.url(page: $0) }
        columns = kinds.count + 2
        export = "\(SiteURL.collectionExport.path)?year=\(filter.fiscalYear)&view=\(filter.view.rawValue)"
        remind = SiteURL.collectionRemind.path
        bulkImport = SiteURL.bulkImport.path
        archive = SiteURL.yearArchive(String(filter.fiscalYear)).path
        let due = deadlines.map { "\($0.kind) \($0.date)" }.joined(separator: "，")
        reminderText = "请按期报送 \(filter.fiscalYear) 年度的绩效自评和决算公开（期限：\(due)）。"
    }

    private static func row(_ status: CollectionStatus) -> Row {
        Row(
            agencyID: status.agencyID, agency: status.agency, url: SiteURL.agency(status.agencyID).path, code: status.code,
            cells: status.kinds.map { Cell(text: CollectionText.describe($0), late: $0.isLate) }, late: status.isLate,
            nothing: status.hasSubmittedNothing)
    }
}

/// One kind's status in words: "应交 10：草稿 4，已提交 1，…，未建 2（逾期）".
enum CollectionText {
    static func describe(_ kind: CollectionStatus.KindStatus) -> String {
        guard kind.due > 0 else { return "—" }
        var parts = WorkflowState.allCases.compactMap { state in kind.counts[state].flatMap { $0 > 0 ? "\(state.label) \($0)" : nil } }
        if kind.missing > 0 { parts.append("未建 \(kind.missing)") }
        return "应交 \(kind.due)：" + parts.joined(separator: "，") + (kind.isLate ? "（逾期）" : "")
    }
}

/// The collection as a workbook: a row per agency, per kind the count in each state and what is missing.
enum CollectionWorkbook {
    static func data(_ statuses: [CollectionStatus], fiscalYear: Int) throws -> Data {
        var sheet = WorksheetContent(name: "\(fiscalYear)年度报送情况")
        var headers = ["单位", "单位代码"]
        for kind in DocumentKind.reviewed {
            headers += ["\(kind.label)·应交", "未建"] + WorkflowState.allCases.map { "\(kind.label)·\($0.label)" } + ["逾期"]
        }
        headers += ["尚未报送任何文档"]
        for (column, header) in headers.enumerated() {
            sheet.set(CellReference(row: 1, column: column + 1), .text(header), style: CellStyle(bold: true))
        }
        for (index, status) in statuses.enumerated() {
            var values: [WorksheetContent.Value] = [.text(status.agency), .text(status.code ?? "")]
            for kind in status.kinds {
                values += [.number(String(kind.due)), .number(String(kind.missing))]
                values += WorkflowState.allCases.map { .number(String(kind.counts[$0] ?? 0)) }
                values.append(.text(kind.isLate ? "是" : ""))
            }
            values.append(.text(status.hasSubmittedNothing ? "是" : ""))
            for (column, value) in values.enumerated() {
                sheet.set(CellReference(row: index + 2, column: column + 1), value, style: column == 0 ? .text : .body)
            }
        }
        sheet.columnWidths = [1: 30, 2: 16]
        sheet.printTitleRows = 1...1
        sheet.landscape = true
        return try WorkbookWriter.write([sheet], title: "\(fiscalYear)年度绩效报送情况")
    }
}
