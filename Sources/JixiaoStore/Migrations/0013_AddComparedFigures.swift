import Foundation
import JixiaoCore
import SQLKit

/// Each evaluation keeps, beside its content, the figures its unit's other documents are compared on
/// (``ComparedFigures``, a few hundred bytes): a document's page compares it with its unit's other evaluations of the
/// year and read each one's whole JSON for its budget, a seventh of the page's time.
struct AddComparedFigures: StoreMigration {
    let number = 13
    let name = "evaluations keep the figures they are compared on"

    func run(on db: any SQLDatabase) async throws {
        try await db.raw("ALTER TABLE documents ADD COLUMN compared TEXT").run()
        let kinds = DocumentStore.comparedKinds.map(\.rawValue)
        var after = ""
        while true {
            // A batch at a time, so a province's documents are never all in memory.
            let rows = try await db.raw("""
                SELECT id, kind, body FROM documents WHERE kind IN (\(binds: kinds)) AND id > \(bind: after) ORDER BY id LIMIT 500
                """).all()
            for row in rows {
                let id = try row.decode(column: "id", as: String.self)
                let kind = DocumentKind(rawValue: try row.decode(column: "kind", as: String.self))
                // Content that does not decode is left without figures: opening it says what is wrong with it.
                let compared = try? DocumentStore.comparedColumn(kind, json: try row.decode(column: "body", as: String.self))
                try await db.raw("UPDATE documents SET compared = \(bind: compared) WHERE id = \(bind: id)").run()
            }
            guard let last = rows.last else { return }
            after = try last.decode(column: "id", as: String.self)
        }
    }
}
