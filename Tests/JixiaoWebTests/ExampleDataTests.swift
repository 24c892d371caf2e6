import Foundation
import JixiaoCore
import JixiaoStore
import Testing
@testable import JixiaoWeb

/// A fresh installation starts with every example of docs/examples, whatever its kind: the evaluations and the final
/// accounts, their units with their staff.
@Suite struct ExampleDataTests {
    @Test func everyExampleIsLoaded() async throws {
        try await WebHarness.withDatabase(.sqlite) { database in
            let app = try await WebApp(database: database, profiles: WebHarness.profiles, bcryptCost: 4)
            let logins = try await ExampleData.seedIfEmpty(app, examples: WebHarness.repository.appendingPathComponent("docs/examples"))
            let units = Set(logins.filter { $0.login.hasPrefix("unit") }.map(\.unit))
            #expect(units == ["区应急管理局", "攀枝花市东区应急管理局", "攀枝花市应急管理局", "株洲市芦淞区应急管理局"])
            let all = try await database.store.listings(for: Actor(role: .bureauAdmin), ListingQuery(limit: 100)).documents
            #expect(all.contains { $0.kind == .finalAccounts && $0.agency == "攀枝花市应急管理局" })
            #expect(all.contains { $0.kind == .agencyEvaluation && $0.agency == "区应急管理局" })
            #expect(try await ExampleData.seedIfEmpty(app, examples: nil).isEmpty, "only once")
        }
    }
}
