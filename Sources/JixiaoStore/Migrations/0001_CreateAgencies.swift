struct CreateAgencies: StoreMigration {
    let number = 1
    let name = "create agencies"
    let statements = [
        """
        CREATE TABLE agencies (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            supervising_agency TEXT
        )
        """,
    ]
}
