import Foundation
import Testing
import JixiaoCore
import JixiaoDocuments

/// Real 自评表 of six provinces (`docs/corpus/self-evaluation-tables/`, transcribed from public copies, source on the
/// first line) import and score through the header words of `Resources/Layouts/self-evaluation.json`, not through
/// code written for each: (A)/(B) columns, 分值 before 指标值, 全年实际值, 分解目标 with a 自评权重 column, tables
/// with no 分值 column whose execution item is worth 20 and whose target blocks repeat the header.
@Suite struct ProvincialLayoutTests {
    static let folder = TestPaths.repository.appendingPathComponent("docs/corpus/self-evaluation-tables")
    let catalog = try! ProfileCatalog.builtin()

    /// One table and what it must read as: how many indicator rows, the points of all rows with the execution item,
    /// the execution item's points, the recomputed and the printed total.
    struct Layout: CustomTestStringConvertible, Sendable {
        var province: String
        var file: URL
        var rows: Int
        var points: ExactDecimal?
        var execution: ExactDecimal
        var total: ExactDecimal
        var statedTotal: ExactDecimal?
        var testDescription: String { "\(province) \(file.lastPathComponent)" }
    }

    static let layouts = [
        Layout(province: "湖南", file: Seed004ScoreTests.fixture, rows: 11, points: 97, execution: 10, total: ExactDecimal("75.98")!, statedTotal: 94),
        Layout(province: "安徽", file: folder.appendingPathComponent("anhui-chuzhou-tianchang-shuihanzaihai-2022.csv"),
               rows: 10, points: 100, execution: 10, total: 40, statedTotal: 100),
        Layout(province: "河北", file: folder.appendingPathComponent("hebei-langfang-shipingongchengxuexiao-nuantong-2019.csv"),
               rows: 9, points: 100, execution: 10, total: ExactDecimal("97.24")!, statedTotal: nil),
        Layout(province: "四川", file: folder.appendingPathComponent("sichuan-deyang-zhongjiang-shuibiaochi-2022.csv"),
               rows: 9, points: 110, execution: 10, total: 110, statedTotal: 100),
        Layout(province: "江西", file: folder.appendingPathComponent("jiangxi-nanchang-huangma-canchaweishengyuan-zhengti-2021.csv"),
               rows: 16, points: 100, execution: 10, total: 77, statedTotal: nil),
        Layout(province: "湖北", file: folder.appendingPathComponent("hubei-huanggang-shuitubaochi-jiance-2020.csv"),
               rows: 5, points: nil, execution: 20, total: ExactDecimal("99.6")!, statedTotal: ExactDecimal("99.6")!),
    ]

    func scored(_ file: URL) throws -> (SelfEvaluation, ScoreSheet) {
        let evaluations = try SelfEvaluationImporter.load(file)
        #expect(evaluations.count == 1)
        let evaluation = try #require(evaluations.first)
        return (evaluation, Scorer(profile: try catalog.defaultProfile(for: evaluation.kind)).score(evaluation))
    }

    @Test(arguments: layouts) func importsAndScores(_ layout: Layout) throws {
        let (evaluation, sheet) = try scored(layout.file)
        #expect(sheet.rows.count == layout.rows)
        #expect(sheet.execution.weight == layout.execution)
        #expect(evaluation.indicators.rowPoints == (layout.points != nil))
        if let points = layout.points { #expect(sheet.itemWeightTotal == points) }
        #expect(sheet.total == layout.total)
        #expect(evaluation.statedTotal.score.value == layout.statedTotal)
    }

    @Test func sixProvinces() {
        #expect(Set(Self.layouts.map(\.province)).count >= 6)
    }

    @Test func columnsMarkedAAndBAreTheBudgetAndTheSpending() throws {
        let (evaluation, _) = try scored(Self.layouts[1].file)
        #expect(evaluation.budget.total == BudgetFigures(
            initialBudget: Money(fen: 880_000_000), adjustedBudget: Money(fen: 880_000_000), spent: Money(fen: 880_000_000)))
        #expect(evaluation.project == "水旱灾害防御经费")
        #expect(evaluation.kind == .project)
    }

    @Test func pointsBeforeTheTargetAndARealOverweightTable() throws {
        let (evaluation, sheet) = try scored(Self.layouts[3].file)
        let first = try #require(evaluation.indicators.indicators.first)
        #expect(first.target == "≥266米" && first.weight == .value(10))
        // Sichuan 中江: rows worth 100 and an execution item of 10 under a 总分 of 100: the table's own error.
        #expect(sheet.weightProblems.contains { $0.rule == "weight.total" && $0.stated == "110" })
    }

    @Test func aSelfWeightColumnGivesTheCategoriesTheirPoints() throws {
        let (evaluation, _) = try scored(Self.layouts[4].file)
        #expect(evaluation.indicators.categories.map(\.statedWeight) == [30, 25, 35])
        #expect(evaluation.indicators.categories.first?.name == "管理指标")
    }

    /// Hubei: the execution item is worth 20 (in the header "（20分）"), rows carry only their 得分, and the second target
    /// block repeats the header row: one evaluation whose stated scores add up to the printed 99.6.
    @Test func aTableWithoutRowPointsIsScoredFromItsStatedScores() throws {
        let (evaluation, sheet) = try scored(Self.layouts[5].file)
        #expect(!evaluation.indicators.rowPoints)
        #expect(sheet.rows.allSatisfy { $0.provenance.rule == .acceptedStated })
        #expect(!sheet.weightProblems.contains { $0.severity == .error })
        let xiangyang = try scored(Self.folder.appendingPathComponent("hubei-xiangyang-zhongxinyiyuan-dongjin-2021.csv"))
        // Its 一级指标 header is printed garbled ("级标 一指"): the column left of 二级指标 stands for it.
        #expect(xiangyang.0.indicators.categories.map(\.name) == ["产出指标", "效益指标"])
        #expect(xiangyang.1.execution.weight == 20)
    }

    /// Anhui 棠溪镇: 年度资金总额 printed 0/0/0 above its only part 本年财政拨款 90/89.974/89.974, an execution rate of 0 on a
    /// zero base. Both are reported at their cells.
    @Test func aZeroTotalAboveAFilledPartIsAnError() throws {
        let file = Self.folder.appendingPathComponent("anhui-chizhou-guichi-tangxi-weituoyewu-2022.csv")
        let findings = try ReportAuditor(catalog: catalog).audit(file)
        let lines = findings.filter { $0.rule == "budget.fund-lines" }
        #expect(lines.map(\.location.cell) == ["C7", "D7", "E7"])
        #expect(lines.allSatisfy { $0.severity == .error && $0.stated == "0" })
        #expect(findings.contains { $0.rule == "rate.zero-denominator" && $0.location.cell == "G7" })
    }

    /// An empty total row stands for the sum of its 其中 rows; a comparator and a unit in columns of their own are read
    /// into the target as one would write it.
    @Test func anEmptyTotalRowAndComparatorAndUnitColumns() throws {
        let csv = """
        2024年度项目支出绩效自评表
        项目名称,示例项目
        项目资金（万元）,,年初预算数,全年预算数,全年执行数,分值,执行率,得分
        ,年度资金总额,,,,10,,
        ,其中：本年财政拨款,40,40,36,,,
        ,上年结转资金,10,10,9,,,
        一级指标,二级指标,三级指标,指标性质,指标值,度量单位,完成值,权重,得分
        产出指标（50分）,数量指标,培训人次,≥,500,人次,460,50,46
        效益指标（40分）,社会效益指标,满意度,≥,90,%,95,40,40
        总分,,,,,,,100,95
        """
        let url = try TestWorkbook.write(Data(csv.utf8), name: "layout.csv")
        let (evaluation, sheet) = try scored(url)
        #expect(evaluation.budget.total == BudgetFigures(
            initialBudget: Money(fen: 50_000_000), adjustedBudget: Money(fen: 50_000_000), spent: Money(fen: 45_000_000)))
        #expect(evaluation.indicators.indicators.map(\.target) == ["≥500人次", "≥90%"])
        #expect(evaluation.indicators.indicators.map(\.actual) == ["460人次", "95%"])
        #expect(sheet.rows.first?.roundedScore == 46)
    }

    /// Scans turned into text carry OCR damage; a cell that is not a number says where and what it holds.
    @Test func damagedCopiesGetAClearMessage() throws {
        #expect {
            try SelfEvaluationImporter.load(Self.folder.appendingPathComponent("ningxia-yinchuan-diliuzhongxue-gongyongjingfei-2021.csv"))
        } throws: { "\($0)".contains("单元格 G19") && "\($0)".contains("“IO”") }
        #expect {
            try SelfEvaluationImporter.load(Self.folder.appendingPathComponent("chongqing-kexuecheng-rongmeitizhongxin-zhengti-2021.csv"))
        } throws: { "\($0)".contains("未找到绩效指标表") }
    }
}
