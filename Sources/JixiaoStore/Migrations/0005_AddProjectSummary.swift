struct AddProjectSummary: StoreMigration {
    let number = 5
    let name = "add the overview's summary columns to projects"
    let statements = [
        "ALTER TABLE projects ADD COLUMN total_centi INTEGER",
        "ALTER TABLE projects ADD COLUMN grade TEXT",
        "ALTER TABLE projects ADD COLUMN execution_bp INTEGER",
        "ALTER TABLE projects ADD COLUMN findings INTEGER",
        "ALTER TABLE projects ADD COLUMN profile TEXT",
        "CREATE INDEX projects_state ON projects (state)",
    ]
}
