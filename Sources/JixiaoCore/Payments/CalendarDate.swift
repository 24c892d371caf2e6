import Foundation

/// A day of the calendar ("2023-05-06"), without time or zone: the date on a voucher, a decision, a deadline.
public struct CalendarDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    /// The date, or nil when it is not a day of the calendar (2023-02-30).
    public init?(year: Int, month: Int, day: Int) {
        guard FiscalYear.acceptedYears.contains(year), (1...12).contains(month), (1...Self.days(in: month, of: year)).contains(day) else {
            return nil
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Reads "2023-05-06", "2023/5/6", "2023.5.6" or "2023年5月6日"; nil for anything else.
    public init?(_ text: String) {
        let parts = text.trimmingCharacters(in: .whitespaces).split { "-/.年月日".contains($0) }.compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        self.init(year: parts[0], month: parts[1], day: parts[2])
    }

    /// The day `days` after 1970-01-01 (civil-from-days, exact integer arithmetic).
    public init?(daysSince1970 days: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shifted = (5 * dayOfYear + 2) / 153
        let month = shifted < 10 ? shifted + 3 : shifted - 9
        self.init(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: dayOfYear - (153 * shifted + 2) / 5 + 1)
    }

    public var description: String {
        "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// The next day.
    public var next: CalendarDate {
        if day < Self.days(in: month, of: year) { return CalendarDate(unchecked: year, month, day + 1) }
        if month < 12 { return CalendarDate(unchecked: year, month + 1, 1) }
        return CalendarDate(unchecked: year + 1, 1, 1)
    }

    /// 0 Monday … 6 Sunday.
    public var weekday: Int {
        // Zeller's congruence, shifted so Monday is 0.
        let (m, y) = month < 3 ? (month + 12, year - 1) : (month, year)
        let h = (day + 13 * (m + 1) / 5 + y + y / 4 - y / 100 + y / 400) % 7
        return (h + 5) % 7
    }

    /// The last day of `month` in `year`.
    public static func lastDay(of month: Int, in year: Int) -> CalendarDate {
        CalendarDate(unchecked: year, month, days(in: month, of: year))
    }

    static func days(in month: Int, of year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private init(unchecked year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = CalendarDate(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "日期应为 YYYY-MM-DD，收到“\(text)”")
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
