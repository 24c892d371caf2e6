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
    /// Read by its digits, without Foundation's date parsing (a list shows a hundred of these at a time).
    static func display(_ iso: String, seconds: Bool = false) -> String {
        let text = Array(iso.utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= text.count else { return nil }
            var value = 0
            for byte in text[range] {
                guard (0x30...0x39).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard text.count >= 20, text[10] == UInt8(ascii: "T"), text.last == UInt8(ascii: "Z"),
            let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
            let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
            hour < 24, minute < 60, second < 61, var date = CalendarDate(year: year, month: month, day: day)
        else { return iso }
        var local = hour + 8
        if local >= 24 {
            local -= 24
            date = CalendarDate(year: year, month: month, day: day + 1) ?? CalendarDate(year: year, month: month + 1, day: 1)
                ?? CalendarDate(year: year + 1, month: 1, day: 1) ?? date
        }
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
        let shown = "\(date) \(two(local)):\(two(minute))"
        return seconds ? shown + ":" + two(second) : shown
    }
}
