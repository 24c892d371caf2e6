/// A province's rules for in-year monitoring (绩效运行监控, 双监控), as data: the cumulative execution a project must
/// reach by the end of each milestone month, how far goal achievement and execution may drift apart, how many working
/// days a unit has to answer a warning, and after how many warnings in a row a project is inspected. Sichuan's: below
/// 25 % at the end of April, 40 % June, 60 % August, 80 % October; a gap over 10 points; 10 working days; three.
public struct MonitoringRules: Hashable, Sendable, Codable {
    public var id: String
    public var version: String
    public var name: String
    public var milestones: [Milestone]
    /// Goal achievement and execution, in percentage points, may differ by at most this.
    public var maximumGapPoints: ExactDecimal
    public var answerWorkingDays: Int
    public var inspectionAfterWarnings: Int

    /// By the end of `month`, cumulative execution should be at least `minimum` (0.25 = 25 %) of the budget.
    public struct Milestone: Hashable, Sendable, Codable {
        public var month: Int
        public var minimum: ExactDecimal
    }

    public var reference: String { "\(id)@\(version)" }
}

/// The working days of a year (工作日历), as data: weekends are rest days except the listed working ones, and the
/// listed holidays are rest days.
public struct WorkingCalendar: Hashable, Sendable, Codable {
    public var year: Int
    public var holidays: [CalendarDate]
    /// Weekend days that are working days (调休上班).
    public var workingWeekendDays: [CalendarDate]

    public init(year: Int, holidays: [CalendarDate], workingWeekendDays: [CalendarDate]) {
        self.year = year
        self.holidays = holidays
        self.workingWeekendDays = workingWeekendDays
    }

    public func isWorkingDay(_ date: CalendarDate) -> Bool {
        if holidays.contains(date) { return false }
        if workingWeekendDays.contains(date) { return true }
        return date.weekday < 5
    }

    /// The `count`-th working day after `date` (a warning raised on a day is due `count` working days later).
    public func adding(workingDays count: Int, to date: CalendarDate) -> CalendarDate {
        var day = date
        var left = count
        while left > 0 {
            day = day.next
            if isWorkingDay(day) { left -= 1 }
        }
        return day
    }
}
