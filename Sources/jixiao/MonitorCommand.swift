import ArgumentParser
import Foundation
import JixiaoCore
import JixiaoDocuments

/// `jixiao monitor FILE… --month N`: the warnings of in-year monitoring up to month N, by the province's rules and the
/// working calendar: execution behind the milestones, goal achievement apart from execution, answers due and overdue,
/// projects warned several times in a row.
struct MonitorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "monitor", abstract: "绩效运行监控：按序时进度和工作日历列出预警、答复期限和逾期情况")

    @Argument(help: "监控表文件（.json，一个或多个项目）")
    var files: [String]

    @Option(name: .long, help: "监控到第几月（预警在次月 1 日发出）")
    var month: Int

    @Option(name: .long, help: "查看日期 YYYY-MM-DD（判断是否逾期；默认次月 1 日）")
    var date: String?

    @Option(name: .long, help: "监控规则：内置 id（如 sichuan-monitoring）或 JSON 文件路径")
    var rules: String = "sichuan-monitoring"

    func validate() throws {
        guard (1...12).contains(month) else { throw ValidationError("--month 应为 1 至 12，收到 \(month)") }
        if let date, CalendarDate(date) == nil { throw ValidationError("--date 应为 YYYY-MM-DD，收到“\(date)”") }
    }

    func run() throws {
        let monitoring = try RuleFiles.monitoringRules(rules)
        var reports: [MonitoringReport] = []
        for file in files { reports += try MonitoringReportImporter.load(URL(fileURLWithPath: file)) }
        guard let year = reports.first?.fiscalYear else { throw ValidationError("文件中没有监控表") }
        let asOf = date.flatMap(CalendarDate.init) ?? CalendarDate.lastDay(of: month, in: year).next
        var calendars: [Int: WorkingCalendar] = [:]
        var results: [(MonitoringReport, Monitor.Result)] = []
        for report in reports {
            if calendars[report.fiscalYear] == nil { calendars[report.fiscalYear] = try RuleFiles.calendar(report.fiscalYear) }
            let monitor = Monitor(rules: monitoring, calendar: calendars[report.fiscalYear]!)
            results.append((report, monitor.review(report, through: month, asOf: asOf)))
        }
        print(MonitorText.render(results, rules: monitoring, asOf: asOf.description))
    }
}
