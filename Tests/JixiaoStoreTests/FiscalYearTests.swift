import Foundation
import JixiaoCore
import JixiaoDocuments
import Testing
@testable import JixiaoStore

/// 年度: the bureau assigns each year's profiles (the year's summaries are rescored) and closes a year's filling
/// (no new, edited or submitted evaluations; the review goes on). On both backends.
@Suite struct FiscalYearTests {
    /// The built-in profiles and a stricter Hunan variant: 中 from 76 points, so seed 004's 75.98 is 差.
    static func catalog() throws -> ProfileCatalog {
        var catalog = try ProfileCatalog.builtin()
        var strict = try catalog.profile(id: "hunan-2023-agency")
        strict.id = "hunan-strict-agency"
        strict.isDefault = nil
        strict.grades = strict.grades.map { rule in
            var rule = rule
            if rule.grade == .fair { rule.minimum = 76 }
            return rule
        }
        try catalog.add(strict)
        return catalog
    }

    @Test(arguments: StoreTests.backends)
    func aYearsProfileRescoresItsEvaluations(_ backend: StoreTests.Backend) async throws {
        try await StoreTests.withDatabase(backend, profiles: try Self.catalog()) { database in
            let store = database.store
            try await store.addAgency(StoreTests.unit)
            let created = try await store.create([try StoreTests.evaluation()], by: StoreTests.author)[0]
            let admin = Actor(role: .bureauAdmin)
            #expect(try await store.listings(for: admin).documents.first?.summary?.grade == "中")
            let strict = FiscalYear(year: 2023, isOpen: true, projectProfile: "mof-2020-project", agencyProfile: "hunan-strict-agency@2023.1")
            #expect(try await store.setFiscalYear(strict) == 1)
            let listed = try #require(try await store.listings(for: admin).documents.first?.summary)
            #expect(listed.grade == "差" && listed.profile == "hunan-strict-agency@2023.1")
            #expect(try await store.fiscalYears() == [strict])
            #expect(try await store.head(created.id, for: admin).yearSetUp == strict)

            await #expect(throws: StoreError.refused("评分规则“mof-2020-project@2020.1”用于项目支出自评，不能用于部门整体自评")) {
                try await store.setFiscalYear(FiscalYear(year: 2023, isOpen: true, projectProfile: "mof-2020-project", agencyProfile: "mof-2020-project@2020.1"))
            }
            await #expect(throws: StoreError.refused("没有评分规则“没有这个规则”")) {
                try await store.setFiscalYear(FiscalYear(year: 2023, isOpen: true, projectProfile: "没有这个规则", agencyProfile: "hunan-2023-agency"))
            }
            #expect(try await store.fiscalYears() == [strict], "a refused set-up changes nothing")
        }
    }

    @Test(arguments: StoreTests.backends)
    func aClosedYearStopsEditsAndSubmissionsButNotTheReview(_ backend: StoreTests.Backend) async throws {
        try await StoreTests.withStore(backend) { store in
            let agency = try await store.addAgency(StoreTests.unit)
            let other = try await store.addAgency("株洲市芦淞区财政局")
            let lead = StoreTests.lead(agency)
            let evaluation = try StoreTests.evaluation()
            var otherEvaluation = evaluation
            otherEvaluation.agency.name = other.name
            let draft = try await store.create([evaluation], by: StoreTests.author)[0]
            let submitted = try await store.transition(
                try await store.create([otherEvaluation], by: StoreTests.author)[0].id, .submit, by: StoreTests.author, as: StoreTests.lead(other))
            try await store.setFiscalYear(FiscalYear(year: 2023, isOpen: false, projectProfile: "mof-2020-project", agencyProfile: "hunan-2023-agency"))

            await #expect(throws: StoreError.forbidden("该年度已结束填报，不能修改；如需修改，请财政局管理员重新开放该年度")) {
                try await store.save(draft.id, evaluation, expectedVersion: 1, by: StoreTests.author, as: lead)
            }
            await #expect(throws: StoreError.forbidden("该年度已结束填报，不能提交；如需提交，请财政局管理员重新开放该年度")) {
                try await store.transition(draft.id, .submit, by: StoreTests.author, as: lead)
            }
            await #expect(throws: StoreError.forbidden("2023 年度已结束填报，不能新建或导入该年度的文档")) {
                try await store.create([evaluation], by: StoreTests.author)
            }
            let approved = try await store.transition(submitted.id, .approve, by: StoreTests.author, as: StoreTests.reviewer(other))
            #expect(approved.state == .approved, "the review goes on after the filling closes")

            try await store.setFiscalYear(FiscalYear(year: 2023, isOpen: true, projectProfile: "mof-2020-project", agencyProfile: "hunan-2023-agency"))
            #expect(try await store.save(draft.id, evaluation, expectedVersion: 1, by: StoreTests.author, as: lead).head.version == 2)
        }
    }
}
