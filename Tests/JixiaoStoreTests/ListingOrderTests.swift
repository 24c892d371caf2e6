import Foundation
import JixiaoCore
import SQLKit
import Testing
@testable import JixiaoStore

/// A list sorted by a column that may be empty puts the empty value lowest in both directions, with ties in the
/// sort's direction, on both backends (so one index serves both directions there); and on SQLite the reviewer's
/// sort, by score within a state, walks an index instead of sorting the rows.
@Suite struct ListingOrderTests {
    @Test(arguments: StoreTests.backends)
    func anEmptyScoreIsTheLowestBothWays(_ backend: StoreTests.Backend) async throws {
        try await StoreTests.withStore(backend) { store in
            try await store.addAgency(DocumentModelTests.unit)
            let created = try await store.create([2023, 2024, 2025].map { try DocumentModelTests.project($0) }, by: StoreTests.author)
            let (low, high, empty) = (created[0].id, created[1].id, created[2].id)
            try await store.database.raw("UPDATE documents SET total_centi = 6000 WHERE id = \(bind: low)").run()
            try await store.database.raw("UPDATE documents SET total_centi = 9000 WHERE id = \(bind: high)").run()
            try await store.database.raw("UPDATE documents SET total_centi = NULL WHERE id = \(bind: empty)").run()
            for states in [[], [WorkflowState.draft]] {
                let up = try await store.listings(for: StoreTests.admin, ListingQuery(states: states, order: .score))
                #expect(up.documents.map(\.id) == [empty, low, high])
                let down = try await store.listings(for: StoreTests.admin, ListingQuery(states: states, order: .score, descending: true))
                #expect(down.documents.map(\.id) == [high, low, empty])
            }
            let byUnit = try await store.listings(for: StoreTests.admin, ListingQuery(order: .agency, descending: true))
            #expect(byUnit.documents.map(\.fiscalYear) == [2025, 2024, 2023], "ties follow the direction")
        }
    }

    @Test func theReviewersSortWalksAnIndex() async throws {
        try await StoreTests.withStore(.sqlite) { store in
            for descending in [false, true] {
                let query = ListingQuery(states: [.submitted], order: .score, descending: descending, limit: 100)
                let page = DocumentStore.listingQueries(for: StoreTests.admin, query).page
                let plan = try await store.database.raw("EXPLAIN QUERY PLAN \(page)").all()
                    .map { try $0.decode(column: "detail", as: String.self) }
                #expect(plan.contains { $0.contains("documents_state_score") }, "\(plan)")
                #expect(!plan.contains { $0.contains("TEMP B-TREE") }, "\(plan)")
            }
        }
    }
}
