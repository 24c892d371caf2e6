import JixiaoCore
import JixiaoDocuments
import JixiaoOffice
import JixiaoStore

/// A project across its years (template `project.mustache`): each year's documents side by side with their total,
/// grade and execution rate, and the form that starts the next year's evaluation of the same project.
struct ProjectPage: Encodable {
    var frame: PageFrame
    var name: String
    var code: String?
    var agency: String
    var agencyURL: String
    var years: [ListingRow]
    var canCreate: Bool
    var create: String
    var projectID: String
    var nextYear: String
    var thisYear: String
    var ledgerImport: String
    /// The self-evaluations' scores by year as a chart.
    var scoreChart: String?

    init(frame: PageFrame, project: ProjectRecord, page: ListingPage, canCreate: Bool) {
        self.frame = frame
        name = project.name
        code = project.code
        agency = project.agency
        agencyURL = SiteURL.agency(project.agencyID).path
        years = page.documents.map(ListingRow.init)
        self.canCreate = canCreate
        create = SiteURL.documents.path
        projectID = project.id
        nextYear = (page.documents.compactMap(\.fiscalYear).max()).map { String($0 + 1) } ?? ""
        thisYear = (page.documents.compactMap(\.fiscalYear).max()).map(String.init) ?? ""
        ledgerImport = SiteURL.projectLedgerImport(project.id).path
        let scored = years.filter { $0.score != "—" }
        scoreChart = scored.isEmpty ? nil : ChartSVG.svg(WordChart(
            kind: .bar, title: "各年度项目支出绩效自评得分", categories: scored.map(\.year), series: [.init(name: "自评得分", values: scored.map(\.score))]))
    }
}

/// An agency (template `agency.mustache`): its figures of every year side by side (the overall evaluation's score,
/// grade and execution; the final accounts' spending by kind) with charts of them, and its projects.
struct AgencyPage: Encodable {
    var frame: PageFrame
    var name: String
    var code: String?
    var years: [Year]
    var spendingChart: String?
    var scoreChart: String?
    var projects: [ProjectLink]

    struct ProjectLink: Encodable { var name: String; var url: String }

    /// One fiscal year of the agency.
    struct Year: Encodable {
        var year: String
        var evaluationURL: String?
        var state: String
        var score: String
        var grade: String
        var executionRate: String
        var accountsURL: String?
        var spending: String
        var basic: String
        var project: String
    }

    /// `documents` are the agency's overall evaluations and final accounts of every year; `accounts` the final
    /// accounts' content by document id.
    init(frame: PageFrame, agency: AgencyRecord, documents: [DocumentListing], accounts: [String: FinalAccounts], projects: [ProjectRecord]) {
        self.frame = frame
        name = agency.name
        code = agency.code
        let years = Set(documents.compactMap(\.fiscalYear)).sorted()
        self.years = years.map { year in
            let evaluation = documents.first { $0.fiscalYear == year && $0.kind == .agencyEvaluation }.map(ListingRow.init)
            let disclosure = documents.first { $0.fiscalYear == year && $0.kind == .finalAccounts }
            let spending = disclosure.flatMap { accounts[$0.id]?.spending }
            let amounts = spending?.lines.compactMap(\.amount) ?? []
            let total = amounts.isEmpty ? nil : amounts.reduce(Money.zero, +)
            return Year(
                year: String(year), evaluationURL: evaluation?.url, state: evaluation?.state ?? "—", score: evaluation?.score ?? "—",
                grade: evaluation?.grade ?? "—", executionRate: evaluation?.executionRate ?? "—",
                accountsURL: disclosure.map { SiteURL.document($0.id).path }, spending: total?.wanText ?? "—",
                basic: spending?.basic?.wanText ?? "—", project: spending?.project?.wanText ?? "—")
        }
        let spent = self.years.filter { $0.spending != "—" }
        spendingChart = spent.isEmpty ? nil : ChartSVG.svg(WordChart(
            kind: .bar, title: "各年度支出（万元）", categories: spent.map(\.year),
            series: [.init(name: "基本支出", values: spent.map { $0.basic == "—" ? "0" : $0.basic }),
                     .init(name: "项目支出", values: spent.map { $0.project == "—" ? "0" : $0.project })]))
        let scored = self.years.filter { $0.score != "—" }
        scoreChart = scored.isEmpty ? nil : ChartSVG.svg(WordChart(
            kind: .bar, title: "各年度部门整体支出绩效自评得分", categories: scored.map(\.year), series: [.init(name: "自评得分", values: scored.map(\.score))]))
        self.projects = projects.map { ProjectLink(name: $0.name, url: SiteURL.project($0.id).path) }
    }
}
