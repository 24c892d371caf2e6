struct CreateFiscalYears: StoreMigration {
    let number = 7
    let name = "create fiscal years (open or closed, the profile of each kind)"
    let statements = [
        """
        CREATE TABLE fiscal_years (
            year INTEGER PRIMARY KEY,
            open INTEGER NOT NULL,
            project_profile TEXT NOT NULL,
            agency_profile TEXT NOT NULL
        )
        """,
    ]
}
