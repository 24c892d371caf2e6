import SQLKit

/// A number that changes with every committed change to `documents`, by whichever server or process made it: a list's
/// length is counted once per change (`DocumentStore.count`) instead of on every request (counting the bureau's 4,000
/// drafts cost more than the rest of its page). The number moves in the writing transaction, so a reader sees the new
/// number exactly when it can see the change. On PostgreSQL it moves once per transaction, at its commit (a deferred
/// trigger): the row is locked only while a transaction commits and is the last lock it takes, so writers queue there
/// for a moment but never deadlock (a writer at REPEATABLE READ or SERIALIZABLE may have to retry its commit).
struct AddDocumentsGeneration: StoreMigration {
    let number = 15
    let name = "a change number for the documents"

    func run(on db: any SQLDatabase) async throws {
        var statements = [
            "CREATE TABLE documents_generation (id INTEGER PRIMARY KEY CHECK (id = 1), n BIGINT NOT NULL)",
            "INSERT INTO documents_generation (id, n) VALUES (1, 0)",
        ]
        if db.dialect.name == "postgresql" {
            statements += [
                """
                CREATE FUNCTION documents_generation_bump() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF current_setting('jixiao.documents_bumped', true) IS DISTINCT FROM txid_current()::text THEN
                        UPDATE documents_generation SET n = n + 1;
                        PERFORM set_config('jixiao.documents_bumped', txid_current()::text, true);
                    END IF;
                    RETURN NULL;
                END
                $$
                """,
                """
                CREATE CONSTRAINT TRIGGER documents_generation AFTER INSERT OR UPDATE OR DELETE ON documents
                DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION documents_generation_bump()
                """,
                "CREATE TRIGGER documents_generation_truncate AFTER TRUNCATE ON documents FOR EACH STATEMENT EXECUTE FUNCTION documents_generation_bump()",
            ]
        } else {
            // One writer at a time: the number moves inside the writing transaction and is seen with its commit.
            statements += ["INSERT", "UPDATE", "DELETE"].map { event in
                """
                CREATE TRIGGER documents_generation_\(event.lowercased()) AFTER \(event) ON documents
                BEGIN UPDATE documents_generation SET n = n + 1; END
                """
            }
        }
        try await Migrations.execute(statements, on: db)
    }
}
