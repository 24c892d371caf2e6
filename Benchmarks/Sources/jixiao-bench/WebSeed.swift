import Foundation
import JixiaoCore
import JixiaoStore
import JixiaoWeb

/// `jixiao-bench web-seed --database LOCATION [--agencies 1000] [--projects 10]`: fills a store with a synthetic
/// province (agencies × projects, 12 indicators each, summaries stored as the web app stores them) and two users for
/// the load benchmark: `bench-admin` (the bureau) and `bench-unit` (the lead of the first unit), both with the
/// password `bench-password`. Of every ten projects four stay drafts, one is submitted, one returned, one approved
/// and three published, as in a bureau's year under way.
enum WebSeed {
    static let password = "bench-password"

    static func run(database: String, agencies: Int, projectsPerAgency: Int) async throws {
        let profiles = try ProfileCatalog.builtin()
        let store = try await StoreDatabase.open(database, profiles: profiles)
        let app = try await WebApp(database: store, profiles: profiles, bcryptCost: 10)
        let evaluations = SyntheticProvince(projects: agencies * projectsPerAgency, indicatorsPerProject: 12, seed: 2023).generate()
            .enumerated().map { index, evaluation in
                var evaluation = evaluation
                evaluation.agency.name = "第\(index / projectsPerAgency + 1)号预算单位"
                return evaluation
            }
        let start = DispatchTime.now().uptimeNanoseconds
        for agency in 1...agencies { _ = try await app.store.addAgency("第\(agency)号预算单位") }
        let author = Author(id: nil, name: "基准数据")
        var created: [DocumentHead] = []
        for batch in stride(from: 0, to: evaluations.count, by: 500) {
            created += try await app.store.create(Array(evaluations[batch..<min(batch + 500, evaluations.count)]), by: author).map(\.head)
        }
        for (index, head) in created.enumerated() {
            for action in workflow(index) {
                let actor = action == .submit ? Actor(role: .unitLead, agency: head.agencyID) : Actor(role: .bureauAdmin)
                _ = try await app.store.transition(head.id, action, by: author, as: actor)
            }
        }
        let hash = try await app.hashPassword(password, for: "bench-admin")
        try await app.accounts.createUser(login: "bench-admin", displayName: "基准管理员", passwordHash: hash, role: .bureauAdmin, agency: nil, reviews: [])
        try await app.accounts.createUser(
            login: "bench-unit", displayName: "基准单位负责人", passwordHash: hash, role: .unitLead, agency: "第1号预算单位", reviews: [])
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        print("stored \(agencies) agencies × \(projectsPerAgency) projects (\(evaluations.count), 12 indicators each) in \(Measure.fixed(seconds)) s")
        try await store.shutdown()
    }

    /// The workflow steps the `index`th document goes through.
    private static func workflow(_ index: Int) -> [WorkflowAction] {
        switch index % 10 {
        case 4: [.submit]
        case 5: [.submit, .return(comment: "请补充佐证材料")]
        case 6: [.submit, .approve]
        case 7, 8, 9: [.submit, .approve, .publish]
        default: []
        }
    }
}
