import Foundation
import JixiaoCore

/// Stored times (ISO 8601, UTC) as the users read them: Beijing time, to the minute or second.
enum BeijingTime {
    /// UTC+8 without daylight saving, as China has kept since 1991 (no tz database needed).
    private static let zone = TimeZone(secondsFromGMT: 8 * 3600)!

    /// Today's date in Beijing.
    static var today: CalendarDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return CalendarDate(year: parts.year ?? 2000, month: parts.month ?? 1, day: parts.day ?? 1) ?? CalendarDate("2000-01-01")!
    }

    /// "2026-11-23T08:31:05Z" → "2026-11-23 16:31" (or with seconds); the text unchanged when it is not such a time.
    static func display(_ iso: String, seconds: Bool = false) -> String {
        guard let date = try? Date(iso, strategy: .iso8601) else { return iso }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ value: Int?) -> String { value.map { $0 < 10 ? "0\($0)" : String($0) } ?? "00" }
        let minute = "\(parts.year ?? 0)-\(two(parts.month))-\(two(parts.day)) \(two(parts.hour)):\(two(parts.minute))"
        return seconds ? minute + ":" + two(parts.second) : minute
    }
}
