import Foundation
import Testing
import JixiaoCore
import JixiaoDocuments

/// Seed 004's 附件2 基础数据表 read from the workbook as units fill it: the staff, the cost lines with their parts under
/// 上年决算 · 本年预算 · 本年决算 (the years read from the headers), 政府采购金额; bad cells named.
@Suite struct AgencyBaseDataTests {
    func seed004() throws -> AgencyBaseData {
        let evaluation = try #require(try SelfEvaluationImporter.load(Seed004ScoreTests.fixture).first)
        return try #require(evaluation.baseData)
    }

    static func wan(_ text: String) -> Money { Money(ExactDecimal(text)!, unit: .wan)! }

    @Test func staffAndTheirStatedRate() throws {
        let staffing = try seed004().staffing
        #expect(staffing.authorized == 14 && staffing.inPost == 10)
        #expect(staffing.statedRate == .value(ExactDecimal("71.4")!))
        #expect(staffing.source?.at(.rate).cell == "D3")
    }

    /// The agency's money by source (the 自评表's budget block) and by kind (the 基础数据表 and the year's spending).
    @Test func fundsBySourceAndKind() throws {
        let evaluation = try #require(try SelfEvaluationImporter.load(Seed004ScoreTests.fixture).first)
        let funds = AgencyFunds(evaluation)
        #expect(funds.bySource.map(\.source) == [.generalBudget] && funds.bySource.first?.amount == Self.wan("320.28"))
        #expect(funds.isAllGeneralBudget(of: evaluation.budget.total.adjustedBudget))
        #expect(funds.spent == Self.wan("320.25") && funds.projects == Self.wan("96.41"))
        #expect(funds.basic == Self.wan("223.84"), "320.25 − 96.41")
        #expect(funds.publicFunds == Self.wan("20.67") && funds.personnel == Self.wan("203.17"))
        #expect(funds.projectItems.map(\.name) == ["业务工作经费"])
        #expect(AgencyFunds.Source(label: "非税收入") == .fiscalSpecialAccount && AgencyFunds.Source(label: "按收入性质分") == nil)
        var over = evaluation
        over.budget.total.spent = Self.wan("90")
        #expect(AgencyFunds(over).basic == nil, "项目支出 above the year's spending: no 基本支出 is made up")
    }

    @Test func costLinesWithTheirPartsAndYears() throws {
        let data = try seed004()
        let projects = try #require(data.line(.projects))
        #expect(projects.figures == CostFigures(previousActual: Self.wan("93.68"), budget: Self.wan("38.69"), actual: Self.wan("96.41")))
        let projectsIndex = try #require(data.costLines.firstIndex(of: projects))
        #expect(data.parts(of: projectsIndex).map(\.name) == ["业务工作经费"])
        let complete = data.parts(of: projectsIndex).allSatisfy { $0.isCompletePart }
        #expect(complete)
        let publicFunds = try #require(data.line(.publicFunds))
        #expect(publicFunds.figures.actual == Self.wan("20.67"))
        let publicIndex = try #require(data.costLines.firstIndex(of: publicFunds))
        #expect(data.parts(of: publicIndex).map(\.name) == ["办公经费", "水费、电费、差旅费", "会议费、培训费"])
        let anyComplete = data.parts(of: publicIndex).contains { $0.isCompletePart }
        #expect(!anyComplete)
        let threePublic = try #require(data.costLines.firstIndex { $0.kind == .threePublic })
        #expect(data.parts(of: threePublic).compactMap(\.kind) == [.vehicles, .overseas, .reception])
        let vehicles = try #require(data.costLines.firstIndex { $0.kind == .vehicles })
        #expect(data.parts(of: vehicles).compactMap(\.kind) == [.vehiclePurchase, .vehicleOperation])
        #expect(data.procurement == CostFigures(actual: Self.wan("109.5")))
    }

    /// An overall evaluation with its 基础数据表 under it, with the figures a test changes.
    static func workbook(authorized: String = "14", rate: String = "71.4%", threePublic: String = "3", publicFunds: String = "20",
                         office: String = "1") throws -> URL {
        let csv = """
        2023年度部门（单位）整体支出绩效自评表
        区级预算部门（单位）名称,示例局
        年度预算申请（万元）,,年初预算数,全年预算数,全年执行数,分值,执行率,得分
        ,年度资金总额,100,100,90,10,90%,9
        绩效指标,一级指标,二级指标,三级指标,年度指标值,实际完成值,分值,得分,偏差原因分析及改进措施
        ,产出指标（90分）,数量指标,办件数,≥100件,120件,90,90,
        总分,,,,,,100,99,
        2023年度部门（单位）整体支出绩效评价基础数据表
        财政供养人员情况（人）,编制数,2023年实际在职人数,控制率
        ,\(authorized),10,\(rate)
        经费控制情况（万元）,2022年决算数,2023年预算数,2023年决算数
        三公经费,3,3,\(threePublic)
        1、公务用车购置和维护经费,2,2,2
        其中：公车购置,0,0,0
        公车运行维护,2,2,2
        2、出国经费,0,0,0
        3、公务接待,1,1,1
        公用经费,20,20,\(publicFunds)
        其中：办公经费,1,1,\(office)
        政府采购金额,——,,5
        """
        return try TestWorkbook.write(Data(csv.utf8), name: "agency.csv")
    }

    func findings(_ url: URL) throws -> [Finding] {
        let evaluation = try #require(try SelfEvaluationImporter.load(url).first)
        #expect(evaluation.baseData != nil)
        return EvaluationChecks(profile: try ProfileCatalog.builtin().profile(id: "hunan-2023-agency")).findings(for: evaluation)
    }

    @Test func aConsistentTableHasNoBaseDataFinding() throws {
        let found = try findings(Self.workbook())
        #expect(!found.contains { $0.rule.hasPrefix("basedata.") || $0.rule == "rate.zero-denominator" })
    }

    @Test func partsAgainstTheirTotalsAndTheStatedRate() throws {
        let sum = try findings(Self.workbook(threePublic: "3.5")).filter { $0.rule == "basedata.sum" }
        #expect(sum.count == 1 && sum.first?.location.cell == "D12" && sum.first?.expected == "3")
        let subset = try findings(Self.workbook(publicFunds: "0.5")).filter { $0.rule == "basedata.subset" }
        #expect(subset.count == 1 && subset.first?.location.cell == "D18")
        let rate = try findings(Self.workbook(rate: "80%")).filter { $0.rule == "basedata.rate" }
        #expect(rate.first?.expected == "71%" && rate.first?.location.cell == "D10")
        let zero = try findings(Self.workbook(authorized: "0")).filter { $0.rule == "rate.zero-denominator" }
        #expect(zero.count == 1 && zero.first?.location.cell == "D10")
    }

    @Test func badCellsAreNamed() throws {
        #expect { try SelfEvaluationImporter.load(Self.workbook(threePublic: "约3万")) } throws: {
            "\($0)".contains("单元格 D12") && "\($0)".contains("三公经费的本年决算数")
        }
        #expect { try SelfEvaluationImporter.load(Self.workbook(office: "-1")) } throws: {
            "\($0)".contains("单元格 D19") && "\($0)".contains("不能为负数")
        }
        #expect { try SelfEvaluationImporter.load(Self.workbook(authorized: "14.5")) } throws: {
            "\($0)".contains("单元格 B10") && "\($0)".contains("编制数应为不小于 0 的整数")
        }
    }

    /// Lines as units write them: "（1）" items under a "1、" item, a project named 政府采购…, buildings under their
    /// merged label; the table is found by its title, not by one word in an indicator's text.
    @Test func subItemsAProjectNamedLikeARowAndBuildings() throws {
        let csv = """
        2023年度部门（单位）整体支出绩效自评表
        区级预算部门（单位）名称,示例局
        绩效指标,一级指标,二级指标,三级指标,年度指标值,实际完成值,分值,得分,偏差原因分析及改进措施
        ,产出指标（90分）,数量指标,在职人员控制率,实际在职人数≤编制数,≤100%,90,90,
        总分,,,,,,100,99,
        2023年度部门（单位）整体支出绩效评价基础数据表
        经费控制情况（万元）,2022年决算数,2023年预算数,2023年决算数
        项目支出,100,100,100
        1、业务工作经费,95,95,95
        （1）安全生产检查,60,60,60
        （2）应急演练,35,35,35
        2、政府采购监管经费,5,5,5
        公用经费,20,20,20
        政府采购金额,,10,8
        楼堂馆所控制情况（2023年完工项目）,批复规模（㎡）,实际规模（㎡）,规模控制率,预算投资（万元）,实际投资（万元）,投资概算控制率
        ,1000,980,,500,520,
        厉行节约保障措施,严控会议和差旅
        """
        let url = try TestWorkbook.write(Data(csv.utf8), name: "lines.csv")
        let evaluation = try #require(try SelfEvaluationImporter.load(url).first)
        let data = try #require(evaluation.baseData)
        #expect(data.costLines.map(\.name) == ["项目支出", "业务工作经费", "安全生产检查", "应急演练", "政府采购监管经费", "公用经费"])
        #expect(data.parts(of: 1).map(\.name) == ["安全生产检查", "应急演练"])
        #expect(data.line(.publicFunds)?.figures.actual == Self.wan("20"))
        #expect(data.procurement == CostFigures(budget: Self.wan("10"), actual: Self.wan("8")))
        #expect(data.buildings.count == 1 && data.buildings.first?.actualInvestment == Self.wan("520"))
        #expect(data.savingMeasures == "严控会议和差旅")
        #expect(data.label(of: 2) == "（1）安全生产检查")
        let findings = EvaluationChecks(profile: try ProfileCatalog.builtin().profile(id: "hunan-2023-agency")).findings(for: evaluation)
        #expect(!findings.contains { $0.rule.hasPrefix("basedata.") }, "\(findings.map(\.explanation))")
        // Written as the workbook's 附件2 and read back, buildings included.
        let workbook = try TestWorkbook.write(try SelfEvaluationWorkbook.data(evaluation), name: "again.xlsx")
        let again = try #require(try SelfEvaluationImporter.load(workbook).first?.baseData)
        #expect(again.buildings.map(\.actualInvestment) == [Self.wan("520")])
        #expect(again.costLines.map(\.name) == data.costLines.map(\.name))
        #expect(again.parts(of: 1).map(\.name) == ["安全生产检查", "应急演练"])
    }

    @Test func oneWordInAnIndicatorIsNotTheTable() throws {
        let csv = """
        2023年度部门（单位）整体支出绩效自评表
        区级预算部门（单位）名称,示例局
        绩效指标,一级指标,二级指标,三级指标,年度指标值,实际完成值,分值,得分,偏差原因分析及改进措施
        ,产出指标（90分）,数量指标,人员控制,不超过编制数,≤100%,90,90,
        总分,,,,,,100,99,
        """
        let url = try TestWorkbook.write(Data(csv.utf8), name: "no-base.csv")
        #expect(try SelfEvaluationImporter.load(url).first?.baseData == nil)
    }
}
