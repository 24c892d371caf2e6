struct CreateAccounts: StoreMigration {
    let number = 4
    let name = "create users, reviewer assignments and sessions"
    let statements = [
        """
        CREATE TABLE users (
            id TEXT PRIMARY KEY,
            login TEXT NOT NULL UNIQUE,
            display_name TEXT NOT NULL,
            password_hash TEXT NOT NULL,
            role TEXT NOT NULL,
            agency_id TEXT REFERENCES agencies(id),
            created_at TEXT NOT NULL
        )
        """,
        """
        CREATE TABLE reviewer_agencies (
            user_id TEXT NOT NULL REFERENCES users(id),
            agency_id TEXT NOT NULL REFERENCES agencies(id),
            PRIMARY KEY (user_id, agency_id)
        )
        """,
        """
        CREATE TABLE sessions (
            token_hash TEXT PRIMARY KEY,
            user_id TEXT NOT NULL REFERENCES users(id),
            csrf_token TEXT NOT NULL,
            expires_at TEXT NOT NULL
        )
        """,
    ]
}
