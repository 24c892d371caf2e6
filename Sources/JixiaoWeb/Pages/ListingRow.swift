import JixiaoCore
import JixiaoStore

/// One document in a list (template partial of `documents`, `inbox`, `overview`, `public`, `project`, `agency`): its
/// unit, year, kind, state and stored summary, printed, with its links.
struct ListingRow: TemplateRepresentable, Sendable {
    var url: String
    var agency: String
    var agencyURL: String
    var projectURL: String?
    var year: String
    var kind: String
    var name: String
    var state: String
    var score: String
    var grade: String
    var executionRate: String
    var findings: String
    var updatedAt: String
    /// The public downloads, on the public list only.
    var reports: PublicReports?

    /// The public downloads of a published document.
    struct PublicReports: Sendable { var html: String; var docx: String; var pdf: String }

    init(_ listing: DocumentListing) {
        self.init(listing, publicLinks: false)
    }

    init(_ listing: DocumentListing, publicLinks: Bool) {
        url = SiteURL.document(listing.id).path
        agency = listing.agency
        agencyURL = SiteURL.agency(listing.agencyID).path
        projectURL = listing.projectID.map { SiteURL.project($0).path }
        year = listing.fiscalYear.map(String.init) ?? ""
        kind = listing.kind.label
        name = listing.title
        state = listing.state.label
        score = listing.summary?.total?.fixed(2) ?? "—"
        grade = listing.summary?.grade ?? "—"
        executionRate = listing.summary?.executionRate.map(Percent.text) ?? "—"
        findings = listing.summary.map { String($0.findings) } ?? "—"
        updatedAt = BeijingTime.display(listing.updatedAt)
        reports = publicLinks ? PublicReports(
            html: SiteURL.publicReport(listing.id, format: "html").path, docx: SiteURL.publicReport(listing.id, format: "docx").path,
            pdf: SiteURL.publicReport(listing.id, format: "pdf").path) : nil
    }

    /// The row as the templates read it: each field by its name (an absent project link or download absent).
    var templateValue: TemplateValue {
        var fields: [TemplateValue.Field] = []
        fields.reserveCapacity(14)
        func add(_ name: String, _ value: String) { fields.append(TemplateValue.Field(name: name, value: .text(value))) }
        add("url", url)
        add("agency", agency)
        add("agencyURL", agencyURL)
        if let projectURL { add("projectURL", projectURL) }
        add("year", year)
        add("kind", kind)
        add("name", name)
        add("state", state)
        add("score", score)
        add("grade", grade)
        add("executionRate", executionRate)
        add("findings", findings)
        add("updatedAt", updatedAt)
        if let reports {
            let links: [TemplateValue.Field] = [
                TemplateValue.Field(name: "html", value: .text(reports.html)), TemplateValue.Field(name: "docx", value: .text(reports.docx)),
                TemplateValue.Field(name: "pdf", value: .text(reports.pdf)),
            ]
            fields.append(TemplateValue.Field(name: "reports", value: .object(links)))
        }
        return .object(fields)
    }
}
