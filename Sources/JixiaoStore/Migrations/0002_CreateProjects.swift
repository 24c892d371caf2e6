struct CreateProjects: StoreMigration {
    let number = 2
    let name = "create projects"
    let statements = [
        """
        CREATE TABLE projects (
            id TEXT PRIMARY KEY,
            agency_id TEXT NOT NULL REFERENCES agencies(id),
            fiscal_year INTEGER,
            name TEXT NOT NULL,
            state TEXT NOT NULL,
            version INTEGER NOT NULL,
            write_token TEXT NOT NULL,
            evaluation TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """,
        "CREATE INDEX projects_agency ON projects (agency_id, fiscal_year)",
    ]
}
