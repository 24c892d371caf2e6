import Foundation
import Testing
@testable import JixiaoCore

/// Each management formula of the profiles over the base data: the seeds' values, a zero denominator (no data, never
/// 0 % or 100 %), a missing figure, and the boundaries of each band.
@Suite struct ManagementScoringTests {
    static func wan(_ text: String) -> Money { Money(ExactDecimal(text)!, unit: .wan)! }

    static func profile(countsInTotal: Bool = true) throws -> ScoringProfile {
        var profile = try ProfileCatalog.builtin().profile(id: "hunan-2023-agency")
        var management = try #require(profile.management)
        management.countsInTotal = countsInTotal
        management.indicators = management.indicators.map { rule in
            var scored = rule
            scored.weight = 2
            return scored
        }
        profile.management = management
        return profile
    }

    static func data(authorized: Int? = 14, inPost: Int? = 10, threePublic: CostFigures = CostFigures(),
                     publicFunds: CostFigures = CostFigures(), procurement: CostFigures = CostFigures(),
                     buildings: [BuildingControl] = []) -> AgencyBaseData {
        AgencyBaseData(
            staffing: Staffing(authorized: authorized, inPost: inPost),
            costLines: [CostLine(name: "“三公”经费", kind: .threePublic, figures: threePublic),
                        CostLine(name: "公用经费", kind: .publicFunds, figures: publicFunds)],
            procurement: procurement, buildings: buildings)
    }

    func score(_ id: String, _ data: AgencyBaseData, countsInTotal: Bool = true) throws -> ManagementScore {
        let profile = try Self.profile(countsInTotal: countsInTotal)
        let rule = try #require(profile.management?.indicators.first { $0.id == id })
        return ManagementScoring(profile: profile).score(rule, SelfEvaluation(kind: .agency, agency: Agency(name: "示例局"), baseData: data))
    }

    @Test func staffControlIsInPostOverAuthorized() throws {
        // Seed 004: 10 / 14 = 71.43 %; seed 001: 18 / 18 = 100 %, still full (the band is ≤ 100 %); 19 / 18 is not.
        let seed004 = try score("staff-control", Self.data())
        #expect(seed004.rate?.fixed(2) == "71.43" && seed004.score == 2)
        #expect(seed004.provenance.explanation.contains("10 / 14 = 71.43%"))
        #expect(try score("staff-control", Self.data(authorized: 18, inPost: 18)).score == 2)
        #expect(try score("staff-control", Self.data(authorized: 18, inPost: 19)).score == 0)
    }

    @Test func aZeroOrMissingDenominatorIsNoDataNeverZeroOrFull() throws {
        let zero = try score("staff-control", Self.data(authorized: 0, inPost: 3))
        #expect(zero.rate == nil && zero.score == nil && zero.provenance.rule == .noData)
        #expect(zero.provenance.explanation.contains("分母为零"))
        let missing = try score("three-public-control", Self.data())
        #expect(missing.rate == nil && missing.score == nil && missing.rateText == "无数据")
        let noBudget = try score("three-public-control", Self.data(threePublic: CostFigures(budget: Self.wan("0"), actual: Self.wan("0.42"))))
        #expect(noBudget.rate == nil && noBudget.provenance.explanation.contains("分母为零"))
    }

    @Test func threePublicControlIsActualOverBudgetNotTheSavingRate() throws {
        // Seed 001: 预算 5万元, 实际 0.42万元 → 8.4 %, not the 91.6 % it prints (that is 1 − 8.4 %).
        let seed001 = try score("three-public-control", Self.data(threePublic: CostFigures(budget: Self.wan("5"), actual: Self.wan("0.42"))))
        #expect(seed001.rate == ExactDecimal("8.4") && seed001.score == 2)
        let over = try score("three-public-control", Self.data(threePublic: CostFigures(budget: Self.wan("5"), actual: Self.wan("5.01"))))
        #expect(over.score == 0)
        let exactlyBudget = try score("three-public-control", Self.data(threePublic: CostFigures(budget: Self.wan("5"), actual: Self.wan("5"))))
        #expect(exactlyBudget.rate == 100 && exactlyBudget.score == 2)
    }

    @Test func threePublicChangeIsAgainstLastYearAndFullAtOrBelowZero() throws {
        let fell = try score("three-public-change", Self.data(threePublic: CostFigures(previousActual: Self.wan("2"), actual: Self.wan("1.5"))))
        #expect(fell.rate == -25 && fell.score == 2)
        let same = try score("three-public-change", Self.data(threePublic: CostFigures(previousActual: Self.wan("2"), actual: Self.wan("2"))))
        #expect(same.rate == 0 && same.score == 2)
        let rose = try score("three-public-change", Self.data(threePublic: CostFigures(previousActual: Self.wan("2"), actual: Self.wan("2.02"))))
        #expect(rose.rate == 1 && rose.score == 0)
        let fromNothing = try score("three-public-change", Self.data(threePublic: CostFigures(previousActual: Self.wan("0"), actual: Self.wan("1"))))
        #expect(fromNothing.rate == nil, "a change from zero has no rate")
    }

    @Test func publicFundsProcurementAndBuildings() throws {
        // Seed 004: 公用经费 20.67 / 21.99 = 94.00 %.
        let funds = try score("public-funds-control", Self.data(publicFunds: CostFigures(budget: Self.wan("21.99"), actual: Self.wan("20.67"))))
        #expect(funds.rate?.fixed(2) == "94.00" && funds.score == 2)
        let procurement = try score("procurement-execution", Self.data(procurement: CostFigures(budget: Self.wan("100"), actual: Self.wan("99.99"))))
        #expect(procurement.score == 0, "the procurement band starts at 100 %")
        #expect(try score("procurement-execution", Self.data(procurement: CostFigures(budget: Self.wan("100"), actual: Self.wan("100")))).score == 2)
        let building = BuildingControl(approvedArea: 1000, actualArea: 1000, budgetedInvestment: Self.wan("500"), actualInvestment: Self.wan("520"))
        #expect(try score("building-size-control", Self.data(buildings: [building])).score == 2)
        #expect(try score("building-investment-control", Self.data(buildings: [building])).rate == 104)
        #expect(try score("building-investment-control", Self.data(buildings: [building])).score == 0)
    }

    @Test func budgetRatesComeFromTheBudgetBlock() throws {
        // Seed 004's 自评表: 年初 241.75, 全年 320.28, 执行 320.25 万元.
        let profile = try Self.profile(countsInTotal: false)
        var evaluation = SelfEvaluation(kind: .agency, agency: Agency(name: "示例局"))
        evaluation.budget.total = BudgetFigures(initialBudget: Self.wan("241.75"), adjustedBudget: Self.wan("320.28"), spent: Self.wan("320.25"))
        let scores = ManagementScoring(profile: profile).scores(evaluation).items
        func rate(_ id: String) -> String? { scores.first { $0.id == id }?.rateText }
        #expect(rate("budget-completion") == "132.47%")
        #expect(rate("budget-adjustment") == "32.48%", "(320.28 − 241.75) / 241.75")
        #expect(rate("carryover-rate") == "0.01%", "0.03 / 320.28")
        evaluation.budget.total.initialBudget = Self.wan("0")
        let zero = ManagementScoring(profile: profile).scores(evaluation).items
        #expect(zero.first { $0.id == "budget-adjustment" }?.rateText == "无数据")
        #expect(ManagementScoring(profile: profile).scores(SelfEvaluation(kind: .project, agency: Agency(name: "示例局"))).items.isEmpty)
    }

    @Test func aBlockThatDoesNotCountIsComputedButNotScored() throws {
        let rate = try score("staff-control", Self.data(), countsInTotal: false)
        #expect(rate.rate?.fixed(2) == "71.43" && rate.score == nil)
        #expect(rate.provenance.explanation.contains("不单独计分"))
    }

    @Test func aFormulaNamingAFigureTheTableLacksIsRefusedWhenTheProfileIsRead() throws {
        let json = #"{"kind": "ratio", "numerator": "staffing.retired", "denominator": "staffing.authorized"}"#
        #expect { try JSONDecoder().decode(RateFormula.self, from: Data(json.utf8)) } throws: { "\($0)".contains("staffing.retired") }
    }

    @Test func negativeBaseDataIsRefusedBeforeItIsStored() {
        var evaluation = SelfEvaluation(kind: .agency, agency: Agency(name: "示例局"))
        evaluation.baseData = Self.data(authorized: -14)
        #expect(EvaluationInput.problem(in: evaluation)?.contains("编制数") == true)
        evaluation.baseData = Self.data(publicFunds: CostFigures(actual: Money(fen: -1)))
        #expect(EvaluationInput.problem(in: evaluation)?.contains("公用经费") == true)
        evaluation.baseData = Self.data()
        #expect(EvaluationInput.problem(in: evaluation) == nil)
    }

    /// A rate cell a spreadsheet formula filled (2/3 saved as 0.66666666666666663) agrees with its figures.
    @Test func aFormulaCellsBinaryRateAgreesWithItsFigures() {
        let printed = PrintedRate(name: "在职人员控制率", rule: "basedata.rate", stated: ExactDecimal("66.666666666666663")!, location: SourceLocation())
        #expect(printed.finding(numerator: ("实际在职人数", 2, "2"), denominator: ("编制数", 3, "3")) == nil)
        let wrong = PrintedRate(name: "在职人员控制率", rule: "basedata.rate", stated: ExactDecimal("66.7")!, location: SourceLocation())
        #expect(wrong.finding(numerator: ("实际在职人数", 2, "2"), denominator: ("编制数", 3, "3")) == nil, "66.7 is 2/3 rounded")
        let off = PrintedRate(name: "在职人员控制率", rule: "basedata.rate", stated: ExactDecimal("67.7")!, location: SourceLocation())
        #expect(off.finding(numerator: ("实际在职人数", 2, "2"), denominator: ("编制数", 3, "3"))?.expected == "66.7%")
    }
}
