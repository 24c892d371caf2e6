import Foundation
import Hummingbird
import JixiaoCore
import JixiaoStore

extension WebApp {
    /// The collection dashboard: for the bureau (every unit) and each reviewer (their units), what each unit owes
    /// this year and where it stands, the same as XLSX, and reminders sent into the units' inboxes.
    func addCollectionRoutes(to router: Router<WebContext>) {
        router.get(RouterPath(.collection)) { request, context -> Response in
            let user = try Guard.user(request, context, in: [.reviewer, .bureauAdmin])
            let filter = try CollectionFilter(request.uri.queryParameters, defaultYear: Self.collectionYear)
            let statuses = try await collection(filter.fiscalYear, for: user)
            let years = Set(try await store.fiscalYears().map(\.year) + [filter.fiscalYear, Self.collectionYear]).sorted(by: >)
            let sent = request.uri.queryParameters["sent"].flatMap { Int(String($0)) }.map { "已向 \($0) 个单位发送提醒" }
            return pages.render("collection", CollectionView(
                frame: PageFrame("\(filter.fiscalYear) 年度报送情况", context, flash: sent), filter: filter, statuses: statuses,
                schedule: schedule, years: years, canImport: user.role == .bureauAdmin))
        }
        router.get(RouterPath(.collectionExport)) { request, context -> Response in
            let user = try Guard.user(request, context, in: [.reviewer, .bureauAdmin])
            let filter = try CollectionFilter(request.uri.queryParameters, defaultYear: Self.collectionYear)
            let statuses = try await collection(filter.fiscalYear, for: user).filter(filter.view.includes)
            return Self.attachment(
                try CollectionWorkbook.data(statuses, fiscalYear: filter.fiscalYear),
                type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file: "\(filter.fiscalYear)年度报送情况.xlsx")
        }
        router.post(RouterPath(.collectionRemind)) { request, context -> Response in
            let user = try Guard.user(request, context, in: [.reviewer, .bureauAdmin])
            let form = try await FormData.read(request, limit: WebLimits.formBytes)
            try Guard.csrf(form, context)
            guard let year = try RequestValues.year(form.text("year")) else { throw HTTPError(.badRequest, message: "请选择年度") }
            let message = form.text("message")
            guard !message.isEmpty, message.count <= Self.reminderCharacters else {
                throw HTTPError(.unprocessableContent, message: "提醒内容应为 1 至 \(Self.reminderCharacters) 个字")
            }
            let agencies: [String]
            if !form.text("agency").isEmpty {
                agencies = [form.text("agency")]
            } else {
                guard let view = CollectionFilter.View(rawValue: form.text("view")), view != .all else {
                    throw HTTPError(.badRequest, message: "请选择要提醒的单位：有逾期的、尚未报送任何文档的或尚有未报送文档的")
                }
                agencies = try await collection(year, for: user).filter(view.includes).map(\.agencyID)
            }
            try await Guard.store { try await store.remind(agencies, fiscalYear: year, message: message, by: user.author, as: user.actor) }
            let view = CollectionFilter.View(rawValue: form.text("view")) ?? .all
            return .redirect(to: "\(SiteURL.collection.path)?year=\(year)&view=\(view.rawValue)&sent=\(Set(agencies).count)")
        }
    }

    /// The year a bureau collects now: last year's documents are due this year.
    static var collectionYear: Int { BeijingTime.today.year - 1 }

    /// The longest reminder a bureau may send.
    static let reminderCharacters = 500

    /// Where each unit `user` follows stands in `fiscalYear`'s collection, as of today in Beijing.
    func collection(_ fiscalYear: Int, for user: UserRecord) async throws -> [CollectionStatus] {
        let counted = try await Guard.store { try await store.collection(fiscalYear: fiscalYear, for: user.actor) }
        let today = BeijingTime.today
        return counted.map { counts in
            CollectionStatus(
                agency: (counts.agency.id, counts.agency.name, counts.agency.code), fiscalYear: fiscalYear, counts: counts.counts,
                projectsDue: counts.projectsDue, grades: counts.grades, schedule: schedule, today: today)
        }
    }
}
