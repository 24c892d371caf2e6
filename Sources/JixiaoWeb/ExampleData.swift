import Foundation
import JixiaoCore
import JixiaoDocuments
import JixiaoStore

/// What a fresh installation starts with: the units of the example evaluations (docs/examples) with their
/// projects, a finance-bureau administrator, a reviewer of those units and one 单位负责人 per unit, each with a
/// random password (kept to `PasswordRules`) printed once.
public enum ExampleData {
    /// One account created on first start and its password.
    public struct FirstLogin: Sendable {
        public var login: String
        public var password: String
        public var role: String
        public var unit: String
    }

    /// Loads the examples and accounts if the store has no users yet; returns the logins created (none otherwise).
    public static func seedIfEmpty(_ app: WebApp, examples: URL?) async throws -> [FirstLogin] {
        guard try await app.accounts.userCount() == 0 else { return [] }
        var evaluations: [SelfEvaluation] = []
        if let examples, let names = try? FileManager.default.contentsOfDirectory(atPath: examples.path) {
            for name in names.sorted() where name.hasSuffix(".json") {
                let url = examples.appendingPathComponent(name)
                evaluations += try SelfEvaluationImporter.fromJSON(Data(contentsOf: url), file: name)
            }
        }
        let units = Array(Set(evaluations.map(\.agency.name))).sorted()
        let existing = Set(try await app.store.agencies().map(\.name))
        for unit in units where !existing.contains(unit) { try await app.store.addAgency(unit) }
        for year in Set(evaluations.compactMap(\.fiscalYear)) {
            // The examples' years, open and scored by the default profiles, so the bureau sees how years are set up.
            try await app.store.setFiscalYear(FiscalYear(
                year: year, isOpen: true, projectProfile: try app.profiles.defaultProfile(for: .project).reference,
                agencyProfile: try app.profiles.defaultProfile(for: .agency).reference))
        }
        if !evaluations.isEmpty { _ = try await app.store.create(evaluations, by: Author(id: nil, name: "示例数据")) }
        var logins: [FirstLogin] = []
        func add(_ login: String, _ name: String, _ role: Role, agency: String? = nil, reviews: [String] = []) async throws {
            let password = PasswordRules.generate()
            try await app.accounts.createUser(
                login: login, displayName: name, passwordHash: try await app.hashPassword(password, for: login), role: role, agency: agency,
                reviews: reviews)
            logins.append(FirstLogin(login: login, password: password, role: role.label, unit: agency ?? reviews.joined(separator: "、")))
        }
        try await add("admin", "财政局管理员", .bureauAdmin)
        try await add("reviewer", "审核人", .reviewer, reviews: units)
        for (index, unit) in units.enumerated() {
            try await add("unit\(index + 1)", "\(unit)负责人", .unitLead, agency: unit)
        }
        return logins
    }
}
