/// Sign-in attempts, for throttling and for the bureau to see; and the stored logins brought to the form sign-in now
/// looks up (`LoginName.normalised`). SQL can lower-case and trim but not apply NFKC, which matters only for logins
/// with full-width or other compatibility characters: those, and a login whose normal form another user already
/// has (`Admin` beside `admin`), are left as they were. Nobody can type such a login any more (what is typed is
/// normalised), so the look-alike account is shut out rather than merged; the admin page marks it.
struct CreateLoginAttempts: StoreMigration {
    let number = 8
    let name = "create login attempts; logins lower-cased and trimmed"
    let statements = [
        """
        CREATE TABLE login_attempts (
            login TEXT NOT NULL,
            address TEXT,
            attempted_at TEXT NOT NULL,
            outcome TEXT NOT NULL
        )
        """,
        "CREATE INDEX login_attempts_login ON login_attempts (login, attempted_at)",
        "CREATE INDEX login_attempts_time ON login_attempts (attempted_at)",
        """
        UPDATE users SET login = LOWER(TRIM(login))
        WHERE login <> LOWER(TRIM(login)) AND NOT EXISTS (
            SELECT 1 FROM users other WHERE other.id <> users.id AND LOWER(TRIM(other.login)) = LOWER(TRIM(users.login)))
        """,
    ]
}
