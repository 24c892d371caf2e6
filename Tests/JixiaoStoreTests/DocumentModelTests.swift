import Foundation
import JixiaoCore
import JixiaoDocuments
import SQLKit
import Testing
@testable import JixiaoStore

/// Agencies and projects keep their ids across years and renames; a subject has one document of a kind per year;
/// a document never lands on another unit's project; what cannot be read is an error naming the row. Both backends.
@Suite struct DocumentModelTests {
    static let unit = "攀枝花市东区应急管理局"

    static func project(_ year: Int) throws -> SelfEvaluation {
        var evaluation = try StoreTests.example("seed000-project.json")
        evaluation.fiscalYear = year
        return evaluation
    }

    @Test(arguments: StoreTests.backends)
    func aProjectKeepsItsIdentityAcrossYears(_ backend: StoreTests.Backend) async throws {
        try await StoreTests.withStore(backend) { store in
            let agency = try await store.addAgency(Self.unit, code: "510402001")
            let first = try await store.create([try Self.project(2023)], by: StoreTests.author)[0]
            var later = try Self.project(2024)
            later.budget.total.spent = later.budget.total.adjustedBudget
            let second = try await store.create([later], by: StoreTests.author)[0]
            let projectID = try #require(first.head.projectID)
            #expect(second.head.projectID == projectID, "the same project, found by its agency and name")
            let years = try await store.listings(for: StoreTests.lead(agency), ListingQuery(projectID: projectID, order: .fiscalYear))
            #expect(years.documents.map(\.fiscalYear) == [2023, 2024])
            #expect(years.documents.map { $0.summary?.executionRate } == [
                ExactDecimal(significand: 8523, exponent: -4), ExactDecimal(significand: 10000, exponent: -4),
            ])
            let renamed = try await store.updateAgency(agency.id, name: "攀枝花市东区应急管理局（更名）", code: "510402001")
            #expect(renamed.id == agency.id)
            #expect(try await store.project(projectID, for: StoreTests.lead(agency)).agency == renamed.name)
            #expect(try await store.head(first.id, for: StoreTests.lead(agency)).agency == renamed.name)
            let listed = try await store.listings(for: StoreTests.admin, ListingQuery(text: "更名"))
            #expect(listed.documents.map(\.agency) == [renamed.name, renamed.name], "the lists show, sort and search by the new name")
            var next = try Self.project(2025)
            next.agency.name = renamed.name
            let continued = try await store.create([next], project: projectID, by: StoreTests.author)[0]
            #expect(continued.head.projectID == projectID)
        }
    }

    @Test(arguments: StoreTests.backends)
    func aSubjectHasOneDocumentOfAKindAYear(_ backend: StoreTests.Backend) async throws {
        try await StoreTests.withStore(backend) { store in
            let agency = try await store.addAgency(Self.unit)
            let first = try await store.create([try Self.project(2023)], by: StoreTests.author)[0]
            await #expect(throws: StoreError.refused("“应急管理专项经费”2023 年度的项目支出绩效自评已经存在，一个年度只能有一份")) {
                try await store.create([try Self.project(2023)], by: StoreTests.author)
            }
            let second = try await store.create([try Self.project(2024)], by: StoreTests.author)[0]
            var moved = try Self.project(2023)
            moved.budget.total.spent = nil
            await #expect(throws: StoreError.self) {
                try await store.save(second.id, moved, expectedVersion: 1, by: StoreTests.author, as: StoreTests.lead(agency))
            }
            #expect(try await store.head(second.id, for: StoreTests.admin).fiscalYear == 2024, "nothing changed")
            #expect(try await store.listings(for: StoreTests.admin).total == 2)
            _ = first
        }
    }

    @Test(arguments: StoreTests.backends)
    func noDocumentLandsOnAnotherUnitsProjectAndNoProjectOnAMissingUnit(_ backend: StoreTests.Backend) async throws {
        try await StoreTests.withStore(backend) { store in
            let agency = try await store.addAgency(Self.unit)
            let other = try await store.addAgency("株洲市芦淞区应急管理局")
            let projectID = try #require(try await store.create([try Self.project(2023)], by: StoreTests.author)[0].head.projectID)
            var foreign = try Self.project(2024)
            foreign.agency.name = other.name
            await #expect(throws: StoreError.notFound, "another unit's project is as if it did not exist") {
                try await store.create([foreign], project: projectID, by: StoreTests.author)
            }
            await #expect(throws: StoreError.refused("没有 id 为 nowhere 的单位，项目未移动")) {
                try await store.moveProject(projectID, toAgency: "nowhere")
            }
            #expect(try await store.project(projectID, for: StoreTests.admin).agencyID == agency.id, "nothing moved")
            let moved = try await store.moveProject(projectID, toAgency: other.id)
            #expect(moved.agencyID == other.id)
            #expect(try await store.listings(for: StoreTests.lead(other)).total == 1, "its documents went with it")
            #expect(try await store.listings(for: StoreTests.lead(agency)).total == 0)
        }
    }

    @Test(arguments: StoreTests.backends)
    func whatCannotBeReadIsAnErrorNamingTheRow(_ backend: StoreTests.Backend) async throws {
        try await StoreTests.withStore(backend) { store in
            try await store.addAgency(Self.unit)
            let created = try await store.create([try Self.project(2023)], by: StoreTests.author)[0]
            try await store.database.raw("UPDATE documents SET state = 'archived' WHERE id = \(bind: created.id)").run()
            await #expect(throws: StoreError.unreadable(row: "documents.id=\(created.id)", reason: "未知的状态“archived”")) {
                try await store.head(created.id, for: StoreTests.admin)
            }
            await #expect(throws: StoreError.unreadable(row: "documents.id=\(created.id)", reason: "未知的状态“archived”")) {
                try await store.listings(for: StoreTests.admin)
            }
            try await store.database.raw("UPDATE documents SET state = 'draft', body = '{\"kind\": 3}' WHERE id = \(bind: created.id)").run()
            await #expect(throws: StoreError.self) {
                try await store.document(created.id, as: SelfEvaluation.self, for: StoreTests.admin)
            }
            do {
                _ = try await store.document(created.id, as: SelfEvaluation.self, for: StoreTests.admin)
            } catch let StoreError.unreadable(row, _) {
                #expect(row == "documents.id=\(created.id)")
            }
            var second = try Self.project(2023)
            second.project = "另一个项目"
            let other = try await store.create([second], by: StoreTests.author)[0]
            // The figures are read with the document, as a page reads them.
            let siblings = { (id: String) in try await store.storedDocument(id, for: StoreTests.admin, withSiblings: true).siblings }
            let figures = { try store.comparedFigures(of: try await siblings(other.id)) }
            #expect(try await siblings(other.id).map(\.listing.id) == [created.id])
            #expect(try store.comparedFigures(of: try await siblings(created.id))[other.id]?.kind == .project)
            try await store.database.raw("UPDATE documents SET compared = '{\"kind\": 3}' WHERE id = \(bind: created.id)").run()
            do {
                _ = try await figures()
                Issue.record("figures that do not decode were taken")
            } catch let StoreError.unreadable(row, _) {
                #expect(row == "documents.id=\(created.id)", "the figures that do not decode are named, not their neighbours")
            }
            let good = try #require(try await store.database.raw("SELECT compared FROM documents WHERE id = \(bind: other.id)").first()?
                .decode(column: "compared", as: String.self))
            for broken in [good + "," + good, nil] {
                try await store.database.raw("UPDATE documents SET compared = \(bind: broken) WHERE id = \(bind: created.id)").run()
                await #expect(throws: StoreError.self, "two objects in one row, or none, are refused") {
                    try await figures()
                }
            }
        }
    }
}

extension DocumentModelTests {
    /// The history the store keeps replays: from the first version, the recorded changes of every later save give
    /// each saved version, moves, removals, insertions, renames and fund lines included.
    @Test(arguments: StoreTests.backends)
    func theStoredHistoryReplaysEverySave(_ backend: StoreTests.Backend) async throws {
        try await StoreTests.withStore(backend) { store in
            let agency = try await store.addAgency(Self.unit)
            let first = try Self.project(2023)
            let created = try await store.create([first], by: StoreTests.author)[0]
            var versions = [first]
            var current = first
            let edits: [(inout SelfEvaluation) -> Void] = [
                { $0.indicators.categories[0].groups[0].indicators.swapAt(0, 2) },
                { $0.indicators.categories[0].groups[0].indicators.remove(at: 0); $0.indicators.categories[1].groups[0].indicators[0].actual = "改" },
                { $0.indicators.categories[0].groups[0].indicators.insert(Indicator(name: "新增", target: "≥1", actual: "2", weight: .value(5)), at: 1) },
                { $0.indicators.categories[2].groups[0].indicators[0].name += "（更名）"; $0.statedGrade = "良" },
                { $0.budget.fundLines.append(FundLine(source: .otherFunds, figures: BudgetFigures(spent: Money(fen: 12_345)))) },
                { $0.statedTotal = StatedTotal(weight: .value(100), score: .absent); $0.narrative["problems"] = ["一", "二"] },
            ]
            for (index, edit) in edits.enumerated() {
                edit(&current)
                _ = try await store.save(created.id, current, expectedVersion: index + 1, by: StoreTests.author, as: StoreTests.lead(agency))
                versions.append(current)
            }
            let recorded = try await store.recordedChanges(created.id)
            var tree = try Self.tree(first)
            for version in 2...versions.count {
                tree = try DocumentChange.apply(recorded[version] ?? [], to: tree)
                #expect(tree == (try Self.tree(versions[version - 1])), "version \(version)")
            }
            let history = try await store.history(created.id, for: StoreTests.admin)
            #expect(history.contains { $0.version == 2 && $0.operation == "移动" })
            #expect(history.contains { $0.version == 3 && $0.operation == "删除" })
            #expect(history.contains { $0.version == 4 && $0.operation == "新增" && $0.newValue == "新增" })
        }
    }

    /// A ledger with nothing executed leaves the evaluation's figure; once a payment is executed the figure is the
    /// ledger's and no save of the evaluation can change it.
    @Test(arguments: StoreTests.backends)
    func theLedgerGivesTheEvaluationItsFigureOnceAPaymentIsExecuted(_ backend: StoreTests.Backend) async throws {
        try await StoreTests.withDatabase(backend) { database in
            let store = StoreTests.reopened(database)
            let agency = try await store.addAgency(Self.unit)
            let lead = StoreTests.lead(agency)
            let evaluation = try await store.create([try Self.project(2023)], by: StoreTests.author)[0]
            let projectID = try #require(evaluation.head.projectID)
            let rules = try RuleFiles.approvalRules("seeds-2023")
            var ledger = PaymentLedger(
                fiscalYear: 2023, agency: Agency(name: Self.unit), project: "应急管理专项经费", budget: Money(fen: 48_000_000), rules: rules.reference)
            let created = try await store.create([ledger], project: projectID, by: StoreTests.author)[0]
            #expect(try await store.document(evaluation.id, as: SelfEvaluation.self, for: lead).body.budget.total.spent == Money(fen: 40_909_400))
            let signers = ["clerk", "divisionLead", "principal"].map { Approval(position: $0, by: PersonRef(name: $0)) }
            ledger.payments = [Payment(
                voucher: "1", date: CalendarDate("2023-03-01")!, payee: "某单位", amount: Money(fen: 300_000), purpose: "用途",
                enteredBy: PersonRef(name: "财务"), approvals: signers)]
            _ = try await store.save(created.id, ledger, expectedVersion: 1, by: StoreTests.author, as: lead)
            let linked = try await store.document(evaluation.id, as: SelfEvaluation.self, for: lead)
            #expect(linked.body.budget.total.spent == Money(fen: 300_000) && linked.body.budget.ledger?.payments == 1)
            var typed = linked.body
            typed.budget.total.spent = Money(fen: 1)
            let saved = try await store.save(evaluation.id, typed, expectedVersion: linked.head.version, by: StoreTests.author, as: lead)
            #expect(saved.body.budget.total.spent == Money(fen: 300_000), "the ledger's figure stands")
        }
    }

    static func tree(_ evaluation: SelfEvaluation) throws -> JSONTree {
        try #require(JSONTree(parsing: try DocumentStore.encode(evaluation)))
    }

    @Test(arguments: StoreTests.backends)
    func aDocumentIsComparedWithItsUnitsEvaluationsOfTheYearForThoseWhoMaySeeThem(_ backend: StoreTests.Backend) async throws {
        try await StoreTests.withStore(backend) { store in
            let unit = try await store.addAgency(Self.unit)
            let other = try await store.addAgency("另一个单位")
            var evaluations = try ["项目甲", "项目乙"].map { name in
                var evaluation = try Self.project(2023)
                evaluation.project = name
                return evaluation
            }
            var elsewhere = try Self.project(2023)
            elsewhere.agency = Agency(name: other.name)
            evaluations.append(elsewhere)
            var lastYear = try Self.project(2022)
            lastYear.project = "项目甲"
            evaluations.append(lastYear)
            let created = try await store.create(evaluations, by: StoreTests.author)
            let head = created[0].head
            for actor in [StoreTests.admin, StoreTests.lead(unit), StoreTests.reviewer(unit)] {
                #expect(try await store.storedDocument(head.id, for: actor, withSiblings: true).siblings.map(\.listing.id) == [created[1].id],
                        "the unit's other evaluation of the year, not another unit's nor another year's")
            }
            #expect(try await store.storedDocument(head.id, for: StoreTests.admin).siblings.isEmpty, "only when asked")
            // The document's statement and its siblings' share columns by position: each lines up.
            let sibling = try #require(try await store.storedDocument(head.id, for: StoreTests.admin, withSiblings: true).siblings.first)
            let own = created[1].head
            #expect(sibling.listing.kind == own.kind && sibling.listing.agencyID == own.agencyID && sibling.listing.agency == own.agency
                && sibling.listing.projectID == own.projectID && sibling.listing.fiscalYear == own.fiscalYear
                && sibling.listing.title == own.title && sibling.listing.state == own.state && sibling.listing.version == own.version
                && sibling.listing.updatedAt == own.updatedAt && sibling.listing.summary != nil)
            for actor in [StoreTests.lead(other), StoreTests.reviewer(other)] {
                await #expect(throws: StoreError.self, "nothing for who may not see the unit") {
                    try await store.storedDocument(head.id, for: actor, withSiblings: true)
                }
            }
        }
    }
}
