import JixiaoCore
import JixiaoStore

/// The list of documents a user may see, a page at a time, with the forms to create and import one (template
/// `documents.mustache`).
struct DocumentListPage: Encodable {
    /// Rows a page: a unit's year fits on one; the bureau's province is a hundred pages.
    static let pageSize = 100

    var frame: PageFrame
    var documents: [ListingRow]
    var pager: Pager
    var canCreate: Bool
    var needsAgency: Bool
    var create: String
    var importURL: String
    /// In-year monitoring warnings not answered yet.
    var alerts: [String]
    var hasAlerts: Bool
    /// The bureau's reminders to the unit, newest first.
    var reminders: [ReminderRow]
    var hasReminders: Bool

    /// A reminder as the unit's inbox shows it.
    struct ReminderRow: Encodable {
        var year: Int
        var message: String
        var sentBy: String
        var sentAt: String
    }

    /// Page `number` of the list, of year `year` (every year when nil).
    init(frame: PageFrame, user: UserRecord, page: ListingPage, number: Int, year: Int?, alerts: [String], reminders: [Reminder]) {
        self.frame = frame
        documents = page.documents.map(ListingRow.init)
        pager = Pager(page: number, total: page.total, size: Self.pageSize) { number in
            SiteURL.documents.path + "?" + (year.map { "year=\($0)&" } ?? "") + "page=\(number)"
        }
        canCreate = user.role != .reviewer
        needsAgency = user.role == .bureauAdmin
        create = SiteURL.documents.path
        importURL = SiteURL.documentImport.path
        self.alerts = alerts
        hasAlerts = !alerts.isEmpty
        self.reminders = reminders.map { ReminderRow(year: $0.fiscalYear, message: $0.message, sentBy: $0.sentBy, sentAt: BeijingTime.display($0.sentAt, seconds: false)) }
        hasReminders = !reminders.isEmpty
    }
}
