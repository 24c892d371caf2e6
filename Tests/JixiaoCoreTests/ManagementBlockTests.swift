import Foundation
import Testing
@testable import JixiaoCore

/// Seed 001's 30-point management block (预算编审 6 · 预算执行 7 · 结余结转 2 · 预决算公开 3 · 部门预算管理 5 ·
/// 政府采购 2 · 资产管理 5) under `sichuan-2022-agency`: scored group by group, each group its header's points less
/// what its items lose; the rates from the figures, the checklist items from the unit's review.
@Suite struct ManagementBlockTests {
    static func seed001() throws -> SelfEvaluation {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/examples/seed001-agency.json")
        return try JSONDecoder().decode(SelfEvaluation.self, from: Data(contentsOf: url))
    }

    static func profile() throws -> ScoringProfile {
        try ProfileCatalog.builtin().profile(id: "sichuan-2022-agency")
    }

    static func sheet(_ evaluation: SelfEvaluation) throws -> ScoreSheet {
        Scorer(profile: try profile()).score(evaluation)
    }

    static func group(_ sheet: ScoreSheet, _ name: String) -> ManagementGroupScore? {
        sheet.managementGroups.first { $0.name == name }
    }

    static func item(_ sheet: ScoreSheet, _ id: String) -> ManagementScore? {
        sheet.management.first { $0.id == id }
    }

    @Test func seed001ScoresTwentySevenAndAHalfOfThirty() throws {
        let sheet = try Self.sheet(try Self.seed001())
        let scores = sheet.managementGroups.map { "\($0.name) \($0.score?.plainText ?? "—")/\($0.weight.plainText)" }
        #expect(scores == ["预算编审管理 5.5/6", "预算执行管理 7/7", "部门结余结转管理 0/2", "预决算信息公开管理 3/3",
                           "部门预算管理 5/5", "政府采购管理 2/2", "资产管理 5/5"])
        #expect(sheet.total == ExactDecimal("27.5"))
        #expect(sheet.grade == nil, "27.5 is the block's 30 points, not a total out of 100: no grade")
        // The rates seed 001 prints or implies: "三公" 0.42 / 5 = 8.4 % (not the 91.6 % it prints), 预算完成率
        // 2038.06 / 2624.8 = 77.65 %, 结转结余率 586.74 / 2624.8 = 22.35 % (it says 0), 在职人员 18 / 18.
        #expect(Self.item(sheet, "three-public-control")?.rate == ExactDecimal("8.4"))
        #expect(Self.item(sheet, "budget-completion")?.rateText == "77.65%")
        #expect(Self.item(sheet, "carryover-rate")?.rateText == "22.35%")
        #expect(Self.item(sheet, "carryover-rate")?.pointsLost == 2)
        #expect(Self.item(sheet, "staff-control")?.rate == 100)
        #expect(Self.item(sheet, "payment-progress")?.provenance.explanation.contains("以预算完成率代替") == true)
        #expect(Self.group(sheet, "预算编审管理")?.explanation.contains("“绩效目标管理”扣 0.5 分") == true)
    }

    @Test func theUnitsFullMarksForAMissedTargetIsAFinding() throws {
        let evaluation = try Self.seed001()
        let findings = Assessment(evaluation, profile: try Self.profile()).findings
        let carryover = try #require(findings.first { $0.rule == "management.score" })
        #expect(carryover.quote == "结转结余率" && carryover.expected == "扣 2 分" && carryover.stated == "扣 0 分")
        #expect(!findings.contains { $0.rule == "weight.total" }, "a report without a 自评表 is not a weight error")
    }

    @Test func carryoverBoundaryIsFivePercentInclusive() throws {
        var evaluation = try Self.seed001()
        evaluation.budget.total = BudgetFigures(initialBudget: Money(fen: 10_000_00), adjustedBudget: Money(fen: 10_000_00), spent: Money(fen: 9_500_00))
        #expect(Self.item(try Self.sheet(evaluation), "carryover-rate")?.pointsLost == 0)
        evaluation.budget.total.spent = Money(fen: 9_499_99)
        let over = try #require(Self.item(try Self.sheet(evaluation), "carryover-rate"))
        #expect(over.rate == ExactDecimal("5.0001") && over.pointsLost == 2)
    }

    @Test func threePublicAboveBudgetLeavesItsGroupUndeterminedWithoutAnItemWeight() throws {
        var evaluation = try Self.seed001()
        evaluation.baseData?.costLines[0].figures = CostFigures(budget: Money(fen: 5_0000_00), actual: Money(fen: 5_0000_00))
        #expect(Self.group(try Self.sheet(evaluation), "预算执行管理")?.score == 7, "exactly the budget is within ≤ 100 %")
        evaluation.baseData?.costLines[0].figures.actual = Money(fen: 5_0000_01)
        let sheet = try Self.sheet(evaluation)
        #expect(Self.item(sheet, "three-public-control")?.pointsLost == nil)
        let group = try #require(Self.group(sheet, "预算执行管理"))
        #expect(group.score == nil && group.explanation.contains("“三公”经费控制率"), "the rules publish no item weight: fail closed")
        #expect(sheet.grade == nil, "a total missing a group's points gets no grade")
    }

    @Test func zeroDenominatorsAndMissingReviewsAreNoData() throws {
        var evaluation = try Self.seed001()
        evaluation.budget.total.initialBudget = Money(fen: 0)
        evaluation.baseData?.staffing.authorized = 0
        evaluation.managementReview.removeAll { $0.indicator == "procurement" }
        let sheet = try Self.sheet(evaluation)
        let completion = try #require(Self.item(sheet, "budget-completion"))
        #expect(completion.rate == nil && completion.provenance.explanation.contains("分母为零"))
        #expect(completion.pointsLost == 0 && completion.provenance.explanation.contains("按单位自评计满分"), "no standard: the unit's review stands")
        #expect(Self.item(sheet, "payment-progress")?.rate == nil, "its fallback has no data either")
        #expect(Self.item(sheet, "staff-control")?.rateText == "无数据")
        #expect(Self.group(sheet, "部门预算管理")?.score == 5, "no standard for the rate: the unit's review stands even without data")
        let procurement = try #require(Self.item(sheet, "procurement"))
        #expect(procurement.score == nil && procurement.provenance.explanation.contains("未对“政府采购管理”自评"))
        #expect(Self.group(sheet, "政府采购管理")?.score == nil)
    }

    @Test func deductionsBeyondAnItemOrItsHeaderAreErrors() throws {
        var evaluation = try Self.seed001()
        evaluation.managementReview = evaluation.managementReview.map { judgment in
            var changed = judgment
            if judgment.indicator == "disclosure" { changed.pointsLost = 3 }
            if judgment.indicator == "budget-accuracy" { changed.pointsLost = 6 }
            return changed
        }
        evaluation.managementReview.append(ManagementJudgment(indicator: "no-such-item"))
        let assessment = Assessment(evaluation, profile: try Self.profile())
        let rules = assessment.findings.map(\.rule)
        #expect(rules.contains("management.points"), "3 lost of 预决算信息公开性's 2")
        #expect(rules.contains("management.group"), "6.5 lost of 预算编审管理's 6")
        #expect(rules.contains("management.unknown"))
        #expect(Self.item(assessment.sheet, "disclosure")?.score == 0, "capped at the item's points")
        #expect(Self.group(assessment.sheet, "预算编审管理")?.score == 0, "never below zero")
        var negative = try Self.seed001()
        negative.managementReview[0].pointsLost = -1
        #expect(EvaluationInput.problem(in: negative)?.contains("扣分应为 0 或正数") == true)
    }

    @Test func aProfileWhoseItemsExceedTheirHeaderIsRefused() throws {
        var profile = try Self.profile()
        profile.management?.indicators[0].weight = 7
        var catalog = ProfileCatalog(profiles: [])
        #expect { try catalog.add(profile) } throws: { "\($0)".contains("预算编审管理") && "\($0)".contains("6 分") }
        profile = try Self.profile()
        profile.management?.groups[0].weight = 7
        #expect { try catalog.add(profile) } throws: { "\($0)".contains("应为 100") }
    }

    @Test func aFallbackToItselfIsRefused() throws {
        var profile = try Self.profile()
        let index = try #require(profile.management?.indicators.firstIndex { $0.id == "payment-progress" })
        profile.management?.indicators[index].fallback = "payment-progress"
        var catalog = ProfileCatalog(profiles: [])
        #expect { try catalog.add(profile) } throws: { "\($0)".contains("替代指标") }
    }

    @Test func aProportionalBandEarnsTheRateItself() {
        let band = RateBand(proportional: true)
        #expect(band.share(of: ExactDecimal("77.65")!) == ExactDecimal("0.7765"))
        #expect(band.share(of: 130) == 1 && band.share(of: -5) == 0)
    }
}
