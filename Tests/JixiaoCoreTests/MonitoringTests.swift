import Foundation
import JixiaoCore
import JixiaoDocuments
import Testing

/// In-year monitoring by Sichuan's milestones and the 2023 working calendar: warnings raised on the first day of the
/// next month, answers due in 10 working days (holidays skipped, make-up working weekends counted), overdue ones,
/// inspection after three in a row, and the gap between goal achievement and execution.
@Suite struct MonitoringTests {
    static let monitor = Monitor(rules: try! RuleFiles.monitoringRules(), calendar: try! RuleFiles.calendar(2023))
    static func wan(_ text: String) -> Money { Money(ExactDecimal(text)!, unit: .wan)! }

    static func report(_ spent: [(Int, String)], indicators: [IndicatorProgress] = [], answers: [Answer] = []) -> MonitoringReport {
        MonitoringReport(
            fiscalYear: 2023, agency: Agency(name: "某单位"), project: "某项目", initialBudget: wan("100"),
            spent: spent.map { MonthlySpent(month: $0.0, amount: wan($0.1)) }, indicators: indicators, answers: answers)
    }

    @Test func theCalendarSkipsHolidaysAndCountsMakeUpDays() throws {
        let calendar = try RuleFiles.calendar(2023)
        #expect(calendar.adding(workingDays: 10, to: CalendarDate("2023-05-01")!) == CalendarDate("2023-05-16"), "May 1–3 off, Saturday May 6 worked")
        #expect(calendar.adding(workingDays: 10, to: CalendarDate("2023-07-01")!) == CalendarDate("2023-07-14"))
        #expect(CalendarDate("2023-05-06")!.weekday == 5 && calendar.isWorkingDay(CalendarDate("2023-05-06")!))
        #expect(!calendar.isWorkingDay(CalendarDate("2023-10-02")!))
        #expect(CalendarDate(daysSince1970: 19_478) == CalendarDate("2023-05-01"))
    }

    @Test func aMilestoneMissedIsWarnedTheNextMonthAndDueInTenWorkingDays() throws {
        let behind = Self.report([(4, "20")])
        #expect(Self.monitor.review(behind, asOf: CalendarDate("2023-04-30")!).warnings.isEmpty, "not before May 1")
        let warned = Self.monitor.review(behind, asOf: CalendarDate("2023-05-01")!)
        let warning = try #require(warned.warnings.first)
        #expect(warned.warnings.count == 1 && warning.month == 4 && warning.raisedOn == CalendarDate("2023-05-01"))
        #expect(warning.due == CalendarDate("2023-05-16") && !warning.isOverdue)
        #expect(warning.message.contains("累计执行率 20.00%，低于序时进度要求 25.00%"))
        #expect(Self.monitor.review(behind, asOf: CalendarDate("2023-05-17")!).warnings[0].isOverdue)
        let answered = Self.report([(4, "20")], answers: [Answer(month: 4, decision: .proceed, date: CalendarDate("2023-05-10")!)])
        #expect(!Self.monitor.review(answered, asOf: CalendarDate("2023-06-01")!).warnings[0].isOverdue)
        let onTrack = Self.report([(4, "25")])
        #expect(Self.monitor.review(onTrack, asOf: CalendarDate("2023-05-01")!).warnings.isEmpty, "25 % is on the milestone")
    }

    @Test func threeWarningsInARowMarkTheProjectForInspection() {
        let slow = Self.report([(4, "10"), (6, "30"), (8, "50"), (10, "90")])
        let august = Self.monitor.review(slow, through: 8, asOf: CalendarDate("2023-09-01")!)
        #expect(august.warnings.map(\.month) == [4, 6, 8] && august.inspection)
        #expect(!Self.monitor.review(slow, through: 6, asOf: CalendarDate("2023-07-01")!).inspection)
        let recovered = Self.report([(4, "10"), (6, "45"), (8, "50")])
        #expect(!Self.monitor.review(recovered, through: 8, asOf: CalendarDate("2023-09-01")!).inspection, "the streak is broken in June")
        let silent = Self.report([(8, "70")])
        let unreported = Self.monitor.review(silent, through: 6, asOf: CalendarDate("2023-07-01")!).warnings
        #expect(unreported.map(\.kind) == [.unreported, .unreported], "no figure is no data, not 0 %")
    }

    @Test func goalAchievementFarFromExecutionIsWarned() {
        let indicators = [IndicatorProgress(name: "培训人次", target: "≥500人次", progress: "300人次", completion: ExactDecimal("0.6"))]
        let apart = Self.report([(4, "30"), (6, "45")], indicators: indicators)
        let result = Self.monitor.review(apart, through: 6, asOf: CalendarDate("2023-07-01")!)
        #expect(result.warnings.contains { if case .gap = $0.kind { $0.month == 6 } else { false } }, "60 % achieved, 45 % spent: 15 points")
        let close = Self.report([(4, "30"), (6, "55")], indicators: indicators)
        #expect(Self.monitor.review(close, through: 6, asOf: CalendarDate("2023-07-01")!).warnings.isEmpty)
    }
}
