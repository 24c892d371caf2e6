import Foundation
import JixiaoCore
import JixiaoDocuments
import JixiaoStore

/// What a fresh installation starts with: the units of the example evaluations and final accounts (docs/examples)
/// with their projects, a finance-bureau administrator, a reviewer of those units and, per unit, its 单位负责人 and the staff of its
/// payment approvals (财务, 经办人, 分管领导), each with a random password (kept to `PasswordRules`) printed once.
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
        var disclosures: [FinalAccounts] = []
        if let examples, let names = try? FileManager.default.contentsOfDirectory(atPath: examples.path) {
            for name in names.sorted() where name.hasSuffix(".json") {
                let data = try Data(contentsOf: examples.appendingPathComponent(name))
                if let accounts = try FinalAccountsFile.decode(data, file: name) {
                    disclosures.append(accounts)
                } else {
                    evaluations += try SelfEvaluationImporter.fromJSON(data, file: name)
                }
            }
        }
        let units = Array(Set(evaluations.map(\.agency.name) + disclosures.map(\.agency.name))).sorted()
        let existing = Set(try await app.store.agencies().map(\.name))
        for unit in units where !existing.contains(unit) { try await app.store.addAgency(unit) }
        for year in Set(evaluations.compactMap(\.fiscalYear)) {
            // The examples' years, open and scored by the default profiles, so the bureau sees how years are set up.
            try await app.store.setFiscalYear(FiscalYear(
                year: year, isOpen: true, projectProfile: try app.profiles.defaultProfile(for: .project).reference,
                agencyProfile: try app.profiles.defaultProfile(for: .agency).reference))
        }
        if !evaluations.isEmpty { _ = try await app.store.create(evaluations, by: Author(id: nil, name: "示例数据")) }
        if !disclosures.isEmpty { _ = try await app.store.create(disclosures, by: Author(id: nil, name: "示例数据")) }
        var logins: [FirstLogin] = []
        func add(_ login: String, _ name: String, _ role: Role, agency: String? = nil, reviews: [String] = [], positions: [String] = []) async throws {
            let password = PasswordRules.generate()
            try await app.accounts.createUser(
                login: login, displayName: name, passwordHash: try await app.hashPassword(password, for: login), role: role, agency: agency,
                reviews: reviews, positions: positions)
            logins.append(FirstLogin(login: login, password: password, role: role.label, unit: agency ?? reviews.joined(separator: "、")))
        }
        try await add("admin", "财政局管理员", .bureauAdmin)
        try await add("reviewer", "审核人", .reviewer, reviews: units)
        // Each unit's approvers by the seeds' chain: its lead signs as 主要领导 and records the 党委会's decisions and the
        // 分管区领导's consent; a 经办人 and a 分管领导 sign; the finance staff enters payments and approves none.
        let positions = Dictionary(uniqueKeysWithValues: (app.store.rules.approvals.first?.positions ?? []).map { ($0.name, $0.id) })
        func holding(_ names: [String]) -> [String] { names.compactMap { positions[$0] } }
        for (index, unit) in units.enumerated() {
            let n = index + 1
            try await add("unit\(n)", "\(unit)负责人", .unitLead, agency: unit, positions: holding(["主要领导", "局党委会", "分管区领导"]))
            try await add("finance\(n)", "\(unit)财务", .unitFiller, agency: unit)
            try await add("clerk\(n)", "\(unit)经办人", .unitFiller, agency: unit, positions: holding(["经办人"]))
            try await add("deputy\(n)", "\(unit)分管领导", .unitFiller, agency: unit, positions: holding(["分管领导"]))
        }
        return logins
    }
}
