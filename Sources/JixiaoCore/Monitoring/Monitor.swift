/// The warnings of in-year monitoring, by the province's rules and working calendar, as of a day: a milestone month
/// whose cumulative execution is short is warned on the first day of the next month; goal achievement and execution
/// too far apart are warned at the latest month reported; each warning is due an answer within the working days the
/// rules give, and is overdue after that without one; a project warned at several milestones in a row is marked for
/// inspection.
public struct Monitor: Sendable {
    public let rules: MonitoringRules
    public let calendar: WorkingCalendar

    public init(rules: MonitoringRules, calendar: WorkingCalendar) {
        self.rules = rules
        self.calendar = calendar
    }

    /// One warning.
    public struct Warning: Hashable, Sendable {
        public enum Kind: Hashable, Sendable {
            /// Execution below the milestone: the rate reached and the rate required.
            case execution(rate: ExactDecimal, required: ExactDecimal)
            /// Goal achievement and execution apart by more than the rules allow (points).
            case gap(achievement: ExactDecimal, execution: ExactDecimal)
            /// No cumulative execution reported for the milestone month: unknown, not zero.
            case unreported
            /// A budget of zero: no rate can be computed (never 0 % or 100 %).
            case noBudget
        }

        public var project: String
        public var month: Int
        public var kind: Kind
        public var raisedOn: CalendarDate
        public var due: CalendarDate
        public var answer: Answer?
        /// No answer by the due date, as of the day monitored.
        public var isOverdue: Bool

        /// The warning as the inbox and `jixiao monitor` print it.
        public var message: String {
            let what = switch kind {
            case .execution(let rate, let required):
                "截至 \(month) 月底累计执行率 \(Percent.text(rate))，低于序时进度要求 \(Percent.text(required))"
            case .gap(let achievement, let execution):
                "截至 \(month) 月底绩效目标完成 \(Percent.text(achievement))，预算执行 \(Percent.text(execution))，相差超过规定"
            case .unreported:
                "截至 \(month) 月底未报送累计执行数，无法判断序时进度"
            case .noBudget:
                "预算数为 0，无法计算 \(month) 月底的执行率"
            }
            let state = answer.map { "已答复：\($0.decision.label)（\($0.date)）" } ?? (isOverdue ? "逾期未答复" : "待答复")
            return "\(project)：\(what)；\(raisedOn) 预警，须在 \(due) 前答复，\(state)"
        }
    }

    /// A project's warnings and whether it is marked for inspection.
    public struct Result: Sendable {
        public var warnings: [Warning]
        public var inspection: Bool
    }

    /// The warnings raised for `report` for the months up to `month` (all when nil), as of `today`: a month's warning is
    /// raised on the first day of the next month; an answer not given by its due date is overdue.
    public func review(_ report: MonitoringReport, through month: Int? = nil, asOf today: CalendarDate) -> Result {
        let last = month ?? 12
        var warnings: [Warning] = []
        var streak = 0
        var inspection = false
        for milestone in rules.milestones.sorted(by: { $0.month < $1.month }) {
            let raised = CalendarDate.lastDay(of: milestone.month, in: report.fiscalYear).next
            guard milestone.month <= last, raised <= today else { break }
            guard let spent = report.spent.first(where: { $0.month == milestone.month })?.amount else {
                warnings.append(warning(report, month: milestone.month, kind: .unreported, raised: raised, today: today))
                streak += 1
                if streak >= rules.inspectionAfterWarnings { inspection = true }
                continue
            }
            guard let rate = spent.ratio(to: report.basis) else {
                warnings.append(warning(report, month: milestone.month, kind: .noBudget, raised: raised, today: today))
                continue
            }
            if rate < milestone.minimum {
                warnings.append(warning(report, month: milestone.month, kind: .execution(rate: rate, required: milestone.minimum), raised: raised, today: today))
                streak += 1
                if streak >= rules.inspectionAfterWarnings { inspection = true }
            } else {
                streak = 0
            }
        }
        if let month = report.lastMonth.map({ min($0, last) }), let achievement = report.goalAchievement, let spent = report.spent(through: month),
            let execution = spent.ratio(to: report.basis)
        {
            let raised = CalendarDate.lastDay(of: month, in: report.fiscalYear).next
            let gap = (achievement - execution) * 100
            if raised <= today, gap > rules.maximumGapPoints || gap < -rules.maximumGapPoints {
                warnings.append(warning(report, month: month, kind: .gap(achievement: achievement, execution: execution), raised: raised, today: today))
            }
        }
        return Result(warnings: warnings, inspection: inspection)
    }

    private func warning(_ report: MonitoringReport, month: Int, kind: Warning.Kind, raised: CalendarDate, today: CalendarDate) -> Warning {
        let due = calendar.adding(workingDays: rules.answerWorkingDays, to: raised)
        let answer = report.answers.first { $0.month == month }
        return Warning(
            project: report.project, month: month, kind: kind, raisedOn: raised, due: due, answer: answer,
            isOverdue: answer.map { $0.date > due } ?? (today > due))
    }
}
