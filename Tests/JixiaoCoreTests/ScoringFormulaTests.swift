import Foundation
import Testing
import JixiaoCore
import JixiaoDocuments

/// The rules of DOMAIN.md §3 row by row, under the default profile.
@Suite struct ScoringFormulaTests {
    let scorer = Scorer(profile: try! ProfileCatalog.builtin().profile(id: "mof-2020-project"))

    func row(_ target: String, _ actual: String, weight: ExactDecimal = 10, stated: StatedNumber = .absent,
             group: String = "数量指标") -> RowScore {
        scorer.score(
            Indicator(name: "指标", target: target, actual: actual, weight: .value(weight), statedScore: stated),
            category: "产出指标", group: group)
    }

    @Test func positiveDirectionIsProportionalAndCapped() {
        #expect(row("≥90%", "95%").score == 10)
        #expect(row("≥90%", "45%").score == 5)
        #expect(row("不少于4次", "3次").provenance.rule == .positive)
        #expect(row("不少于4次", "3次").score == ExactDecimal("7.5")!)
    }

    @Test func negativeDirectionFallsToZeroAtTwiceTheTarget() {
        #expect(row("≤100万元", "90万元").score == 10)
        #expect(row("≤100万元", "150万元").score == 5)
        #expect(row("≤100万元", "200万元").score == 0)
        // A bare amount under 成本 is read as a ceiling (the profile's default direction).
        #expect(row("180万元", "198万元", group: "成本指标").score == 9)
        #expect(row("180万元", "198万元", group: "成本指标").provenance.rule == .negative)
    }

    @Test func equalityWithAZeroTarget() {
        #expect(row("=0起", "0起").score == 10)
        #expect(row("=0起", "1起").score == 0)
    }

    @Test func negativeActualsCountAsZero() {
        #expect(row("≥10个", "-5个").score == 0)
        #expect(row("≥10个", "-5个").provenance.explanation.contains("实际值为负"))
    }

    @Test func moneyUnitsAreNormalisedBeforeComparing() {
        #expect(row("≥48万元", "409094元").roundedScore == ExactDecimal("8.52")!)
    }

    @Test func qualitativeLevelsScoreInsideTheirBand() {
        #expect(row("全市安全生产形势稳定向好", "全部完成").score == 10)
        #expect(row("全市安全生产形势稳定向好", "基本达到预期效果").score == 8)
        #expect(row("全市安全生产形势稳定向好", "基本达到预期效果", stated: .value(7)).score == 7)
        #expect(row("全市安全生产形势稳定向好", "基本达到预期效果", stated: .value(10)).score == 8)
        #expect(row("全市安全生产形势稳定向好", "未完成", stated: .value(9)).score == 6)
    }

    @Test func notApplicableRowsCarryNoPoints() {
        let marked = row("/", "/", stated: .value(10))
        #expect(marked.provenance.rule == .notApplicable)
        #expect(marked.score == 0)
        #expect(marked.difference == -10)
    }

    @Test func missingActualIsNoDataNotZero() {
        let missing = row("≥90%", "")
        #expect(missing.provenance.rule == .noData)
        #expect(missing.score == nil)
    }

    @Test func unreadableValuesKeepTheStatedScoreAndSaySo() {
        let unreadable = row("约90%", "92%", stated: .value(9))
        #expect(unreadable.provenance.rule == .acceptedStated)
        #expect(unreadable.score == 9)
        #expect(unreadable.provenance.explanation.contains("约数"))
    }

    @Test func listsShareTheWeightEqually() {
        let parts = row("1.≥4次；2.≥2次。", "1、4次；2、1次。")
        #expect(parts.provenance.rule == .parts)
        #expect(parts.score == ExactDecimal("7.5")!)
    }

    @Test func executionRateUsesTheAdjustedBudget() {
        var evaluation = SelfEvaluation(kind: .project, agency: Agency(name: "单位"))
        evaluation.budget.total = BudgetFigures(
            initialBudget: Money(fen: 48_000_000), adjustedBudget: Money(fen: 48_000_000), spent: Money(fen: 40_909_400))
        let sheet = scorer.score(evaluation)
        #expect(sheet.execution.roundedScore == ExactDecimal("8.52")!)
        #expect(sheet.execution.provenance.explanation.contains("85.23%"))
    }

    @Test func aZeroBudgetIsNoDataNotAScore() {
        var evaluation = SelfEvaluation(kind: .project, agency: Agency(name: "单位"))
        evaluation.budget.total = BudgetFigures(adjustedBudget: .zero, spent: Money(fen: 100))
        let sheet = scorer.score(evaluation)
        #expect(sheet.execution.score == nil)
        #expect(sheet.execution.provenance.explanation.contains("分母为零"))
    }

    @Test func gradesFollowTheProfile() {
        let profile = scorer.profile
        #expect(profile.grade(for: 90)?.grade == .excellent)
        #expect(profile.grade(for: ExactDecimal("89.99")!)?.grade == .good)
        #expect(profile.grade(for: 60)?.grade == .fair)
        #expect(profile.grade(for: ExactDecimal("59.99")!)?.grade == .poor)
    }

    @Test func everyScoreNamesItsProfileAndInputs() {
        let scored = row("≥90%", "95%")
        #expect(scored.provenance.profile == "mof-2020-project@2020.1")
        #expect(scored.inputs.map(\.name) == ["年度指标值", "实际完成值", "分值", "填报得分"])
        #expect(!scored.provenance.formula.isEmpty)
    }
}
