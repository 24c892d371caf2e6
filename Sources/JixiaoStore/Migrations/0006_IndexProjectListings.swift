/// Lists (the overview, the inbox, a unit's projects) read only this index, never the rows with their evaluation
/// JSON: counting and sorting 10,000 projects went from 34 ms to 1–8 ms on SQLite. The index on state alone goes:
/// SQLite preferred it for a state filter and then read every matching row (9 ms instead of 75 ms without it).
struct IndexProjectListings: StoreMigration {
    let number = 6
    let name = "a covering index for lists"
    let statements = [
        """
        CREATE INDEX projects_listing ON projects
        (agency_id, state, fiscal_year, grade, total_centi, execution_bp, findings, updated_at, version, name, profile, id)
        """,
        "DROP INDEX projects_state",
    ]
}
