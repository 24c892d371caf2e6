struct CreateHistory: StoreMigration {
    let number = 3
    let name = "create history"
    let statements = [
        """
        CREATE TABLE history (
            id TEXT PRIMARY KEY,
            project_id TEXT NOT NULL REFERENCES projects(id),
            version INTEGER NOT NULL,
            actor TEXT NOT NULL,
            at TEXT NOT NULL,
            field TEXT NOT NULL,
            old_value TEXT NOT NULL,
            new_value TEXT NOT NULL
        )
        """,
        "CREATE INDEX history_project ON history (project_id, version)",
    ]
}
