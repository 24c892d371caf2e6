import JixiaoCore
import JixiaoStore

/// One document in a list (template partial of `documents`, `inbox`, `overview`, `public`, `project`, `agency`): its
/// unit, year, kind, state and stored summary, printed, with its links.
struct ListingRow: Encodable, Sendable {
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
    var reports: PublicReports

    /// The public downloads of a published document.
    struct PublicReports: Encodable, Sendable { var html: String; var docx: String; var pdf: String }

    init(_ listing: DocumentListing) {
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
        reports = PublicReports(
            html: SiteURL.publicReport(listing.id, format: "html").path, docx: SiteURL.publicReport(listing.id, format: "docx").path,
            pdf: SiteURL.publicReport(listing.id, format: "pdf").path)
    }
}
