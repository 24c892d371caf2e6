/// Where one agency stands in a fiscal year's collection: for each reviewed kind, how many documents are due, how
/// many exist in each workflow state, and whether the kind is late (its due day passed with documents not yet
/// submitted, drafts, returned ones or ones not even started).
public struct CollectionStatus: Hashable, Sendable {
    /// One kind's documents of the agency.
    public struct KindStatus: Hashable, Sendable {
        public var kind: DocumentKind
        /// How many documents of this kind the agency owes: one for the agency's own kinds, one per project with any
        /// document of the year for project self-evaluations (at least those it has).
        public var due: Int
        public var counts: [WorkflowState: Int]
        public var isLate: Bool

        /// Documents owed but not started.
        public var missing: Int { max(0, due - counts.values.reduce(0, +)) }
        /// Documents not yet with the bureau: missing, drafts and returned ones.
        public var outstanding: Int { missing + (counts[.draft] ?? 0) + (counts[.returned] ?? 0) }
        /// Documents the bureau has had: submitted, approved or published.
        public var handedIn: Int { (counts[.submitted] ?? 0) + (counts[.approved] ?? 0) + (counts[.published] ?? 0) }
    }

    public var agencyID: String
    public var agency: String
    public var code: String?
    public var kinds: [KindStatus]
    /// Evaluations by grade (优, 良, 中, 差), of those scored.
    public var grades: [String: Int]

    /// Whether the agency has handed in nothing at all this year.
    public var hasSubmittedNothing: Bool { kinds.allSatisfy { $0.handedIn == 0 } }
    public var isLate: Bool { kinds.contains(where: \.isLate) }

    /// The status of an agency from what the store counted, by `schedule`, as of `today`.
    public init(
        agency: (id: String, name: String, code: String?), fiscalYear: Int, counts: [DocumentKind: [WorkflowState: Int]],
        projectsDue: Int, grades: [String: Int], schedule: CollectionSchedule, today: CalendarDate
    ) {
        agencyID = agency.id
        self.agency = agency.name
        code = agency.code
        self.grades = grades
        kinds = DocumentKind.reviewed.map { kind in
            let counted = counts[kind] ?? [:]
            let existing = counted.values.reduce(0, +)
            let due = kind.isAboutProject ? max(projectsDue, existing) : 1
            var status = KindStatus(kind: kind, due: due, counts: counted, isLate: false)
            status.isLate = schedule.due(kind, of: fiscalYear).map { today > $0 } == true && status.outstanding > 0
            return status
        }
    }
}
