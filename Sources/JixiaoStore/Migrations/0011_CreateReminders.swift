/// The bureau's reminders to units ("请于 4 月 30 日前提交…"), shown in the units' lists; the indexes the collection
/// dashboard and lists filtered by state count from.
struct CreateReminders: StoreMigration {
    let number = 11
    let name = "create reminders; index documents for the collection and by state"
    let statements = [
        """
        CREATE TABLE reminders (
            id TEXT PRIMARY KEY,
            agency_id TEXT NOT NULL REFERENCES agencies(id),
            fiscal_year INTEGER NOT NULL,
            message TEXT NOT NULL,
            sent_by TEXT NOT NULL,
            sent_at TEXT NOT NULL
        )
        """,
        "CREATE INDEX reminders_agency ON reminders (agency_id, sent_at)",
        // The collection dashboard counts a year's documents by agency, kind and state from this index alone.
        // Both indexes hold every column a list reads, like documents_listing: SQLite's planner (3.5x) takes an
        // index for a list's filter when it can, and one without the columns would read each row with its content.
        """
        CREATE INDEX documents_collection ON documents
        (fiscal_year, agency_id, kind, state, grade, project_id, total_centi, execution_bp, findings, updated_at, version, title, profile, id)
        """,
        // Lists filtered by state (the public list, the overview's state filter) are counted from this one.
        """
        CREATE INDEX documents_state ON documents
        (state, kind, fiscal_year, agency_id, grade, total_centi, execution_bp, findings, updated_at, version, title, profile, project_id, id)
        """,
    ]
}
