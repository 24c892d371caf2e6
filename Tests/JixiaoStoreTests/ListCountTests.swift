import Foundation
import JixiaoCore
import SQLKit
import Testing
@testable import JixiaoStore

/// A list's length is counted once per committed change of the documents and kept: every change counts, whoever made
/// it (this store, another server's, a statement of another program), and a change not yet committed is neither
/// counted nor leaves a count that outlives its commit. Both backends.
@Suite struct ListCountTests {
    static let admin = StoreTests.admin
    /// A page of one, so the list is counted rather than seen whole.
    static func drafts(_ states: [WorkflowState] = []) -> ListingQuery {
        ListingQuery(states: states, limit: 1)
    }

    @Test(arguments: StoreTests.backends)
    func aListsLengthFollowsEveryCommittedChange(_ backend: StoreTests.Backend) async throws {
        try await StoreTests.withStore(backend) { store in
            try await store.addAgency(DocumentModelTests.unit)
            let evaluations = try (1...3).map { index in
                var evaluation = try DocumentModelTests.project(2023)
                evaluation.project = "项目 \(index)"
                return evaluation
            }
            let created = try await store.create(evaluations, by: StoreTests.author)
            // Another server on the same database: the same tables, caches of its own.
            let other = DocumentStore(database: store.database, rules: store.rules)
            #expect(try await store.listings(for: Self.admin, Self.drafts()).total == 3)
            #expect(try await other.listings(for: Self.admin, Self.drafts()).total == 3)

            var fourth = try DocumentModelTests.project(2023)
            fourth.project = "项目 4"
            _ = try await other.create([fourth], by: StoreTests.author)
            #expect(try await store.listings(for: Self.admin, Self.drafts()).total == 4, "another server's change is counted")
            let pastTheEnd = ListingQuery(limit: 1, offset: 10)
            #expect(try await store.listings(for: Self.admin, pastTheEnd).total == 4)
            _ = try await other.create([try DocumentModelTests.project(2024)], by: StoreTests.author)
            #expect(try await store.listings(for: Self.admin, pastTheEnd).total == 5, "and counted for a page past the end")

            let submitted = Self.drafts([.submitted])
            #expect(try await store.listings(for: Self.admin, submitted).total == 0)
            try await store.database.raw("UPDATE documents SET state = 'submitted' WHERE id = \(bind: created[0].id)").run()
            #expect(try await store.listings(for: Self.admin, submitted).total == 1, "a statement of another program is counted")

            try await store.database.withSession { session in
                try await session.raw(SQLQueryString(backend == .sqlite ? "BEGIN IMMEDIATE" : "BEGIN")).run()
                try await session.raw("UPDATE documents SET state = 'submitted' WHERE id = \(bind: created[1].id)").run()
                // Counted meanwhile by another connection (a task of its own: the session holds this one's writer).
                let meanwhile = try await Task.detached { try await other.listings(for: Self.admin, submitted).total }.value
                #expect(meanwhile == 1, "a change not committed is not counted")
                try await session.raw("COMMIT").run()
            }
            #expect(try await other.listings(for: Self.admin, submitted).total == 2, "the count taken before the commit is not kept")
            #expect(try await store.listings(for: Self.admin, submitted).total == 2)
        }
    }
}
