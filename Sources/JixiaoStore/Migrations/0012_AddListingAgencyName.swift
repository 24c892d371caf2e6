/// Each document carries its agency's name for the lists (kept with every rename by the store), so a list is sorted,
/// searched and paged from the documents' indexes alone: the join with the agencies made every list read and sort all
/// the rows it filtered (the public list 6 ms, the overview sorted by score 11 ms on SQLite) instead of walking an index.
struct AddListingAgencyName: StoreMigration {
    let number = 12
    let name = "documents carry their agency's name; lists walk indexes by it"
    let statements = [
        "ALTER TABLE documents ADD COLUMN agency_name TEXT NOT NULL DEFAULT ''",
        "UPDATE documents SET agency_name = (SELECT a.name FROM agencies a WHERE a.id = documents.agency_id)",
        // The overview in its default order (by unit, then title) reads its page's rows in this order and stops; it
        // holds every column a list reads, so no row (with its JSON body) is read for a list.
        """
        CREATE INDEX documents_order ON documents
        (agency_name, title, fiscal_year, id, kind, state, total_centi, execution_bp, findings, updated_at, grade, version, profile,
        project_id, agency_id)
        """,
        // Lists filtered by state (the public list, the overview's state filter) are filtered, counted and sorted from
        // this index alone: it holds every column a list reads.
        "DROP INDEX documents_state",
        """
        CREATE INDEX documents_state ON documents
        (state, kind, agency_name, title, fiscal_year, id, total_centi, execution_bp, findings, updated_at, grade, version, profile,
        project_id, agency_id)
        """,
    ]
}
