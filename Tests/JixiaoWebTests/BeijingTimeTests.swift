import Testing
@testable import JixiaoWeb

/// Stored UTC times are shown in Beijing time.
@Suite struct BeijingTimeTests {
    @Test func utcIsShownEightHoursLater() {
        #expect(BeijingTime.display("2026-11-23T08:31:05Z") == "2026-11-23 16:31")
        #expect(BeijingTime.display("2026-12-31T20:00:09Z", seconds: true) == "2027-01-01 04:00:09")
        #expect(BeijingTime.display("2024-02-28T16:00:00Z") == "2024-02-29 00:00", "a leap day")
        #expect(BeijingTime.display("2023-02-28T16:00:00Z") == "2023-03-01 00:00")
        #expect(BeijingTime.display("2026-11-23T08:31:05.123Z") == "2026-11-23 16:31", "fractions of a second")
        #expect(BeijingTime.display("不是时间") == "不是时间")
        #expect(BeijingTime.display("2026-13-23T08:31:05Z") == "2026-13-23T08:31:05Z", "no 13th month")
    }
}
