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

    /// The tables whose changes are announced.
    static let tables = ["sessions", "users", "user_positions", "reviewer_agencies", "agencies"]
    /// The triggers that announce them, each table's for its rows and for TRUNCATE (``AccessListener`` checks they
    /// are all there and enabled before it vouches for anything).
    static let triggers = tables.flatMap { ["jixiao_access_\($0)", "jixiao_access_\($0)_truncate"] }

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
        ]
        for table in Self.tables {
            let trigger = switch table {
            case "sessions": "AFTER UPDATE OR DELETE ON sessions FOR EACH ROW EXECUTE FUNCTION jixiao_access_session_changed()"
            case "agencies": "AFTER UPDATE OR DELETE ON agencies FOR EACH STATEMENT EXECUTE FUNCTION jixiao_access_changed()"
            default: "AFTER INSERT OR UPDATE OR DELETE ON \(table) FOR EACH STATEMENT EXECUTE FUNCTION jixiao_access_changed()"
            }
            statements.append("CREATE TRIGGER jixiao_access_\(table) \(trigger)")
            statements.append("""
                CREATE TRIGGER jixiao_access_\(table)_truncate AFTER TRUNCATE ON \(table)
                FOR EACH STATEMENT EXECUTE FUNCTION jixiao_access_changed()
                """)
        }
        try await Migrations.execute(statements, on: db)
    }
}
