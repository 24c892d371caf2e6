import SQLKit

/// On PostgreSQL, every committed change to who may do what is announced (`NOTIFY jixiao_access`), by whichever server
/// or process made it, so that servers may keep sessions between requests (``RememberedSessions``): a session changed
/// or ended announces its token hash; a change to users, their positions, reviewers' units or units (renamed, removed)
/// announces nothing in particular, and every kept session is forgotten. A new session or unit changes no one's rights
/// and is not announced. PostgreSQL sends the announcements at commit, once each however many rows changed. SQLite keeps
/// no sessions (a lookup there is a read in the process) and needs nothing.
struct AnnounceAccessChanges: StoreMigration {
    let number = 16
    let name = "announcing changes of sessions and rights"

    func run(on db: any SQLDatabase) async throws {
        guard db.dialect.name == "postgresql" else { return }
        var statements = [
            """
            CREATE FUNCTION jixiao_access_session_changed() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM pg_notify('jixiao_access', OLD.token_hash);
                RETURN NULL;
            END
            $$
            """,
            """
            CREATE FUNCTION jixiao_access_changed() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM pg_notify('jixiao_access', '');
                RETURN NULL;
            END
            $$
            """,
            """
            CREATE TRIGGER jixiao_access_session AFTER UPDATE OR DELETE ON sessions
            FOR EACH ROW EXECUTE FUNCTION jixiao_access_session_changed()
            """,
            """
            CREATE TRIGGER jixiao_access_agencies AFTER UPDATE OR DELETE ON agencies
            FOR EACH STATEMENT EXECUTE FUNCTION jixiao_access_changed()
            """,
        ]
        for table in ["users", "user_positions", "reviewer_agencies"] {
            statements.append("""
                CREATE TRIGGER jixiao_access_\(table) AFTER INSERT OR UPDATE OR DELETE ON \(table)
                FOR EACH STATEMENT EXECUTE FUNCTION jixiao_access_changed()
                """)
        }
        for table in ["sessions", "users", "user_positions", "reviewer_agencies", "agencies"] {
            statements.append("""
                CREATE TRIGGER jixiao_access_\(table)_truncate AFTER TRUNCATE ON \(table)
                FOR EACH STATEMENT EXECUTE FUNCTION jixiao_access_changed()
                """)
        }
        try await Migrations.execute(statements, on: db)
    }
}
