/// When each reviewed kind of a fiscal year's documents is due at the finance bureau: a date in a later year
/// (自评 by the end of April of the next year, the 决算 disclosure by the end of August …), kept as data
/// (`Resources/Schedules/`), since each province and year sets its own.
public struct CollectionSchedule: Hashable, Sendable, Codable {
    /// One kind's due date: `yearsAfter` years after the fiscal year, on `date` (MM-DD).
    public struct Deadline: Hashable, Sendable, Codable {
        public var kind: DocumentKind
        public var yearsAfter: Int
        public var date: String

        public init(kind: DocumentKind, yearsAfter: Int, date: String) {
            self.kind = kind
            self.yearsAfter = yearsAfter
            self.date = date
        }
    }

    /// Where the dates come from (the notice that sets them).
    public var source: String
    public var deadlines: [Deadline]

    public init(source: String, deadlines: [Deadline]) {
        self.source = source
        self.deadlines = deadlines
    }

    /// The day `kind`'s documents of `fiscalYear` are due, nil if the schedule sets none.
    public func due(_ kind: DocumentKind, of fiscalYear: Int) -> CalendarDate? {
        guard let deadline = deadlines.first(where: { $0.kind == kind }) else { return nil }
        let parts = deadline.date.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 2 else { return nil }
        return CalendarDate(year: fiscalYear + deadline.yearsAfter, month: parts[0], day: parts[1])
    }

    /// The problem with the schedule, in words, if it has one (a kind twice, a kind that is not reviewed, a date
    /// that is not MM-DD).
    public var problem: String? {
        var seen = Set<DocumentKind>()
        for deadline in deadlines {
            guard deadline.kind.isReviewed else { return "\(deadline.kind.label)不经过报送和审核，不能设期限" }
            guard seen.insert(deadline.kind).inserted else { return "\(deadline.kind.label)的期限出现两次" }
            guard deadline.date.count == 5, due(deadline.kind, of: 2001) != nil else {
                return "\(deadline.kind.label)的期限“\(deadline.date)”不是“月-日”（如 04-30）"
            }
            guard (0...2).contains(deadline.yearsAfter) else { return "\(deadline.kind.label)的期限应在年度后 0 至 2 年内" }
        }
        return nil
    }
}
