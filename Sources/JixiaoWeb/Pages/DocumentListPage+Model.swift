import JixiaoCore
import JixiaoStore

/// The list of documents a user may see, with the forms to create and import one (template `documents.mustache`).
struct DocumentListPage {
    var frame: PageFrame
    var documents: [ListingRow]
    var canCreate: Bool
    var needsAgency: Bool
    var create: String
    var importURL: String
    /// In-year monitoring warnings not answered yet.
    var alerts: [String]
    var hasAlerts: Bool

    init(frame: PageFrame, user: UserRecord, page: ListingPage, alerts: [String]) {
        self.frame = frame
        documents = page.documents.map(ListingRow.init)
        canCreate = user.role != .reviewer
        needsAgency = user.role == .bureauAdmin
        create = SiteURL.documents.path
        importURL = SiteURL.documentImport.path
        self.alerts = alerts
        hasAlerts = !alerts.isEmpty
    }
}
