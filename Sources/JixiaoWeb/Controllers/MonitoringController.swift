import Foundation
import Hummingbird
import JixiaoCore
import JixiaoDocuments
import JixiaoStore

extension WebApp {
    /// Monitoring tables: a month's cumulative execution reported, the indicators' progress, an answer to a warning;
    /// each a new version of the table.
    func addMonitoringRoutes(to router: Router<WebContext>) {
        router.post(SiteURL.pattern(SiteURL.monitoringSave)) { request, context -> Response in
            let user = try Guard.user(request, context, in: [.unitFiller, .unitLead, .bureauAdmin])
            let form = try await FormData.read(request, limit: WebLimits.formBytes)
            try Guard.csrf(form, context)
            let id = try context.parameters.require("id")
            var document = try await Guard.store { try await store.document(id, as: MonitoringReport.self, for: user.actor) }
            try Self.apply(form, to: &document.body)
            guard let version = try RequestValues.integer(form.text("version"), "version", in: RequestValues.versions) else {
                throw HTTPError(.badRequest, message: "表单缺少版本号")
            }
            _ = try await Guard.store { try await store.save(id, document.body, expectedVersion: version, by: user.author, as: user.actor) }
            return .redirect(to: SiteURL.document(id).path)
        }
    }

    /// The monitoring table's page.
    func monitoringPage(_ stored: StoredDocument, user: UserRecord, context: WebContext) async throws -> Response {
        let document = try await Guard.store { try stored.document(as: MonitoringReport.self) }
        let head = stored.head
        let (result, notice) = monitor(document.body)
        let page = MonitoringPage(
            head, report: document.body, result: result, notice: notice, rules: monitoring,
            canEdit: DocumentPage.Capabilities(user.actor, head: head).edit, csrf: context.session?.csrfToken ?? "")
        return pages.render(PageFrame(head.title + " 运行监控表", context), body: pages.html("monitoring", page))
    }

    /// The warnings of a table as of today in Beijing. Without the year's working calendar the answers' due dates count
    /// Monday to Friday only, and the notice says so.
    func monitor(_ report: MonitoringReport) -> (result: Monitor.Result, notice: String?) {
        let calendar = calendars[report.fiscalYear]
        let result = Monitor(rules: monitoring, calendar: calendar ?? WorkingCalendar(year: report.fiscalYear, holidays: [], workingWeekendDays: []))
            .review(report, asOf: BeijingTime.today)
        let notice = calendar == nil ? "未载入 \(report.fiscalYear) 年的节假日安排（Resources/Calendars），答复期限暂按周一至周五计算" : nil
        return (result, notice)
    }

    /// The unanswered warnings of every monitoring table `user` may see in the years open for filling and the current
    /// one, for their inbox (at most 500 tables a year).
    func monitoringAlerts(for user: UserRecord) async throws -> [String] {
        let years = Set(try await store.fiscalYears().filter(\.isOpen).map(\.year) + [BeijingTime.today.year]).sorted()
        var alerts: [String] = []
        for fiscalYear in years {
            let page = try await store.listings(for: user.actor, ListingQuery(fiscalYear: fiscalYear, kinds: [.monitoringReport], limit: 500))
            for listing in page.documents {
                let report = try await Guard.store { try await store.document(listing.id, as: MonitoringReport.self, for: user.actor) }.body
                alerts += monitor(report).result.warnings.filter { $0.answer == nil }.map { "\(listing.agency)：\($0.message)" }
            }
        }
        return alerts
    }

    /// A monitoring table's download: the official table as XLSX or DOCX.
    func monitoringDownload(_ head: DocumentHead, format: String, for user: UserRecord) async throws -> Response {
        let report = try await Guard.store { try await store.document(head.id, as: MonitoringReport.self, for: user.actor) }.body
        let data: Data
        let type: String
        switch format {
        case "xlsx":
            data = try MonitoringTable.xlsx(report)
            type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case "docx":
            data = try MonitoringTable.docx(report, warnings: monitor(report).result.warnings)
            type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        default: throw HTTPError(.notFound, message: "运行监控表可下载 xlsx 或 docx")
        }
        return Self.attachment(data, type: type, file: ReportFileName.name(["\(report.fiscalYear)年度", head.agency, report.project, "绩效运行监控表"], extension: format))
    }

    /// A new monitoring table of `project` for `year`, its indicators those of the project's evaluation of the year.
    func newMonitoringReport(_ form: FormData, agency: String, project: String, year: Int?, evaluation: SelfEvaluation?) throws -> MonitoringReport {
        guard let year else { throw HTTPError(.unprocessableContent, message: "请填写年度") }
        guard let budget = try FormAmount.positive(form.text("budget"), unit: .wan, field: "年初预算数（万元）") else {
            throw HTTPError(.unprocessableContent, message: "请填写“年初预算数（万元）”")
        }
        let indicators = (evaluation?.indicators.indicators ?? []).map { IndicatorProgress(name: $0.name, target: $0.target, progress: "") }
        return MonitoringReport(fiscalYear: year, agency: Agency(name: agency), project: project, initialBudget: budget, indicators: indicators)
    }

    /// The form's edit of a table: `op` spent (a month's cumulative execution), indicators, or answer.
    static func apply(_ form: FormData, to report: inout MonitoringReport) throws {
        func amount(_ field: String, _ label: String) throws -> Money? {
            let money = try FormAmount.optional(form.text(field), unit: .wan, field: label)
            if let money, money.fen < 0 { throw HTTPError(.unprocessableContent, message: "“\(label)”不能为负数") }
            return money
        }
        guard let month = Int(form.text("month")).flatMap({ (1...12).contains($0) ? $0 : nil }) ?? (form.text("op") == "indicators" ? 0 : nil) else {
            throw HTTPError(.unprocessableContent, message: "“月份”应为 1 至 12")
        }
        switch form.text("op") {
        case "spent":
            guard let spent = try amount("amount", "1–N月累计执行数") else { throw HTTPError(.unprocessableContent, message: "请填写累计执行数") }
            if let earlier = report.spent.filter({ $0.month < month }).max(by: { $0.month < $1.month }), earlier.amount > spent {
                throw HTTPError(.unprocessableContent, message: "累计执行数不能少于 \(earlier.month) 月的 \(earlier.amount.amount(in: .wan).plainText) 万元")
            }
            if let later = report.spent.filter({ $0.month > month }).min(by: { $0.month < $1.month }), later.amount < spent {
                throw HTTPError(.unprocessableContent, message: "累计执行数不能多于 \(later.month) 月的 \(later.amount.amount(in: .wan).plainText) 万元")
            }
            report.spent.removeAll { $0.month == month }
            report.spent.append(MonthlySpent(month: month, amount: spent))
            report.spent.sort { $0.month < $1.month }
            if let projected = try amount("projected", "全年预计执行数") { report.projectedSpent = projected }
        case "indicators":
            for index in report.indicators.indices {
                let prefix = "i\(index)."
                report.indicators[index].progress = form.text(prefix + "progress")
                let completion = form.text(prefix + "completion")
                if completion.isEmpty {
                    report.indicators[index].completion = nil
                } else {
                    guard let percent = ExactDecimal(completion), percent >= 0 else {
                        throw HTTPError(.unprocessableContent, message: "第 \(index + 1) 个指标的“完成比例”应为百分数，收到“\(completion.prefix(20))”")
                    }
                    report.indicators[index].completion = percent.divided(by: 100)
                }
                report.indicators[index].likelihood = IndicatorProgress.Likelihood(rawValue: form.text(prefix + "likelihood")) ?? report.indicators[index].likelihood
                report.indicators[index].reason = form.text(prefix + "reason")
                report.indicators[index].measures = form.text(prefix + "measures")
            }
        case "answer":
            guard let decision = Answer.Decision(rawValue: form.text("decision")) else { throw HTTPError(.unprocessableContent, message: "请选择处理意见") }
            report.answers.removeAll { $0.month == month }
            report.answers.append(Answer(month: month, decision: decision, date: BeijingTime.today, note: form.text("note")))
        default:
            throw HTTPError(.badRequest, message: "未知的操作“\(form.text("op"))”")
        }
    }
}
