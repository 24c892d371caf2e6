import JixiaoCore
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
    }
}

/// An agency (template `agency.mustache`): its overall evaluations by year, and its projects with links to each.
struct AgencyPage: Encodable {
    var frame: PageFrame
    var name: String
    var code: String?
    var evaluations: [ListingRow]
    var projects: [ProjectLink]

    struct ProjectLink: Encodable { var name: String; var url: String }

    init(frame: PageFrame, agency: AgencyRecord, evaluations: ListingPage, projects: [ProjectRecord]) {
        self.frame = frame
        name = agency.name
        code = agency.code
        self.evaluations = evaluations.documents.map(ListingRow.init)
        self.projects = projects.map { ProjectLink(name: $0.name, url: SiteURL.project($0.id).path) }
    }
}
