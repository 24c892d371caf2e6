import Foundation
import Testing
import JixiaoCore
import JixiaoDocuments

/// `jixiao score ../shared/fixtures/seed004-self-evaluation.xlsx --profile hunan-2023-agency`: the faults
/// of seed 004's 自评表 are found and every difference is explained.
@Suite struct Seed004ScoreTests {
    static let fixture = TestPaths.shared.appendingPathComponent("fixtures/seed004-self-evaluation.xlsx")

    func sheet() throws -> ScoreSheet {
        let evaluations = try SelfEvaluationImporter.load(Self.fixture)
        #expect(evaluations.count == 1)
        let profile = try ProfileCatalog.builtin().profile(id: "hunan-2023-agency")
        return Scorer(profile: profile).score(evaluations[0])
    }

    @Test func importsTheTableFoundByItsHeaders() throws {
        let evaluation = try #require(try SelfEvaluationImporter.load(Self.fixture).first)
        #expect(evaluation.agency.name == "株洲市芦淞区应急管理局")
        #expect(evaluation.kind == .agency)
        #expect(evaluation.fiscalYear == 2023)
        #expect(evaluation.budget.total.initialBudget == Money(fen: 241_750_000))
        #expect(evaluation.budget.total.adjustedBudget == Money(fen: 320_280_000))
        #expect(evaluation.budget.total.spent == Money(fen: 320_250_000))
        #expect(evaluation.budget.statedExecutionRate == .value(ExactDecimal("99.99")!))
        #expect(evaluation.budget.breakdown.contains { $0.label == "项目支出" && $0.amount == Money(fen: 96_440_000) })
        #expect(evaluation.goal.expected.hasPrefix("统筹推进全局各项工作"))
        #expect(evaluation.goal.actual.hasPrefix("统筹推进了全局各项工作"))
        #expect(evaluation.indicators.categories.map(\.name) == ["产出指标", "效益指标", "满意度指标", "成本指标"])
        #expect(evaluation.indicators.categories.map(\.statedWeight) == [40, 20, 10, 20])
        #expect(evaluation.indicators.indicators.count == 11)
        #expect(evaluation.statedTotal.weight == .value(100))
        #expect(evaluation.statedTotal.score == .value(94))
    }

    @Test func itemWeightsAddToNinetySevenUnderHeadersOfOneHundred() throws {
        let sheet = try sheet()
        #expect(sheet.itemWeightTotal == 97)
        let total = try #require(sheet.weightProblems.first { $0.rule == "weight.total" })
        #expect(total.stated == "97")
        #expect(total.message.contains("合计 100"))
        #expect(!sheet.weightProblems.contains { $0.rule == "weight.header-total" })
    }

    @Test func categoryRowsDisagreeWithTheirHeaders() throws {
        let problems = try sheet().weightProblems.filter { $0.rule == "weight.category-sum" }
        let pairs = problems.map { "\($0.message.prefix { $0 != "：" }) \($0.stated)/\($0.expected)" }
        #expect(pairs == ["产出指标 30/40", "效益指标 28/20", "满意度指标 9/10"])
        #expect(problems.map { $0.source?.cell } == ["B13", "B16", "B20"])
    }

    /// Each finding names the cell that holds the figure it is about: the 总分 row's 分值, the header that states a
    /// category's points, the 得分 recomputed, the empty 偏差原因 cell, the 实际完成值 written as a target.
    @Test func everyFindingPointsAtTheCellItIsAbout() throws {
        let evaluation = try #require(try SelfEvaluationImporter.load(Self.fixture).first)
        let profile = try ProfileCatalog.builtin().profile(id: "hunan-2023-agency")
        let findings = EvaluationChecks(profile: profile).findings(for: evaluation)
        let cells = findings.map { "\($0.rule) \($0.location.cell ?? "")" }
        for expected in [
            "weight.total G24", "weight.stated-total G24", "weight.category-sum B13", "weight.not-applicable-points G16",
            "score.recomputed H4", "score.recomputed H21", "score.deviation-note I21", "value.actual-as-target F20",
        ] {
            #expect(cells.contains(expected), "\(expected) not in \(cells)")
        }
        #expect(!cells.contains { $0.hasSuffix(" A12") })
    }

    @Test func theSlashRowScoresTenThoughItHasNoTargetOrActual() throws {
        let sheet = try sheet()
        let problem = try #require(sheet.weightProblems.first { $0.rule == "weight.not-applicable-points" })
        #expect(problem.message.contains("经济效益指标"))
        #expect(problem.source?.cell == "G16")
        let row = try #require(sheet.rows.first { $0.group == "经济效益指标" })
        #expect(row.statedScore == 10)
        #expect(row.roundedScore == 0)
        #expect(row.provenance.rule == .notApplicable)
    }

    @Test func executionItemRecomputesToTen() throws {
        let execution = try sheet().execution
        #expect(execution.statedScore == 9)
        #expect(execution.roundedScore?.fixed(2) == "10.00")
        #expect(execution.difference == 1)
        #expect(execution.provenance.explanation.contains("320.25 / 320.28 = 99.99%"))
    }

    @Test func theTotalIsRecomputedWithAReasonForEachDifference() throws {
        let sheet = try sheet()
        #expect(sheet.total.fixed(2) == "75.98")
        #expect(sheet.gradeLabel == "中")
        #expect(sheet.statedTotal.score == .value(94))
        let differing = sheet.differences.map(\.displayName)
        #expect(differing == ["预算执行率", "经济效益指标（/）", "1.基本支出成本金额； 2.项目支出成本金额。"])
        for row in sheet.differences {
            #expect(!row.provenance.explanation.isEmpty)
            #expect(row.provenance.profile == "hunan-2023-agency@2023.1")
        }
        let cost = try #require(sheet.rows.first { $0.group == "经济成本指标" })
        #expect(cost.provenance.explanation.contains("96.41 ≥ 2 × 目标 38.69"))
    }

    @Test func theTextReportShowsStatedBesideRecomputed() throws {
        let text = ScoreSheetText.render(try sheet())
        #expect(text.contains("重算总分：75.98"))
        #expect(text.contains("产出指标：各行分值合计 30，表头为 40"))
        #expect(text.contains("各行分值（含预算执行率）合计 97"))
    }

    @Test func theNationalProfileFlagsTheHunanLayout() throws {
        let evaluation = try #require(try SelfEvaluationImporter.load(Self.fixture).first)
        let sheet = Scorer(profile: try ProfileCatalog.builtin().profile(id: "mof-2020-project")).score(evaluation)
        #expect(sheet.weightProblems.contains { $0.rule == "weight.profile-category" && $0.message.contains("规定 50 分") })
        #expect(sheet.weightProblems.contains { $0.rule == "weight.unknown-category" && $0.message.contains("成本指标") })
    }
}
