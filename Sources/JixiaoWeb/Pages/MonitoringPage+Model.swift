import JixiaoCore
import JixiaoStore

/// A project's monitoring table (template `monitoring.mustache`): cumulative execution by month, each indicator's
/// progress with 完成目标可能性, the warnings raised to date with their due dates, and the unit's answers.
struct MonitoringPage: Encodable {
    var csrf: String
    var urls: DocumentURLs
    var save: String
    var agency: String
    var project: String
    var year: Int
    var state: String
    var version: Int
    var canEdit: Bool
    var initialBudget: String
    var months: [MonthRow]
    var indicators: [IndicatorRow]
    var warnings: [String]
    var hasWarnings: Bool
    var answers: [String]
    var monthChoices: [Int]
    var likelihoods: [Choice]
    var decisions: [Choice]
    var rules: String
    var notice: String?

    struct MonthRow: Encodable { var month: Int; var amount: String; var rate: String }
    struct IndicatorRow: Encodable { var index: Int; var name: String; var target: String; var progress: String; var completion: String; var likelihood: [Choice]; var reason: String; var measures: String }
    struct Choice: Encodable { var value: String; var label: String; var selected: Bool }

    init(
        _ head: DocumentHead, report: MonitoringReport, result: Monitor.Result, notice: String?, rules: MonitoringRules, canEdit: Bool,
        csrf: String
    ) {
        self.notice = notice
        self.csrf = csrf
        urls = DocumentURLs(head)
        save = SiteURL.monitoringSave(head.id).path
        agency = head.agency
        project = report.project
        year = report.fiscalYear
        state = head.state.label
        version = head.version
        self.canEdit = canEdit
        self.rules = rules.name
        initialBudget = report.basis.amount(in: .wan).plainText
        months = report.spent.sorted { $0.month < $1.month }.map { entry in
            let rate = entry.amount.ratio(to: report.basis)
            return MonthRow(month: entry.month, amount: entry.amount.amount(in: .wan).plainText, rate: rate.map(Percent.text) ?? "—")
        }
        indicators = report.indicators.enumerated().map { index, indicator in
            IndicatorRow(
                index: index, name: indicator.name, target: indicator.target, progress: indicator.progress,
                completion: indicator.completion.map { ($0 * 100).plainText } ?? "",
                likelihood: IndicatorProgress.Likelihood.allCases.map { Choice(value: $0.rawValue, label: $0.label, selected: $0 == indicator.likelihood) },
                reason: indicator.reason, measures: indicator.measures)
        }
        warnings = result.warnings.map(\.message) + (result.inspection ? ["连续预警，列入重点检查"] : [])
        hasWarnings = !warnings.isEmpty
        answers = report.answers.map { "\($0.month) 月：\($0.decision.label)（\($0.date)）\($0.note)" }
        monthChoices = Array(1...12)
        likelihoods = IndicatorProgress.Likelihood.allCases.map { Choice(value: $0.rawValue, label: $0.label, selected: false) }
        decisions = Answer.Decision.allCases.map { Choice(value: $0.rawValue, label: $0.label, selected: false) }
    }
}
