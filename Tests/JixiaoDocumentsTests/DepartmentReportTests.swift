import Foundation
import Testing
import JixiaoCore
import JixiaoDocuments
import JixiaoOffice

/// Seed 004's overall evaluation (its 自评表 and 基础数据表 from the workbook) comes out as a department report in seed
/// 004's outline, never as a project report: the sentences data can write, the 基础数据表 and the 自评表 annexed.
@Suite struct DepartmentReportTests {
    static func evaluation() throws -> SelfEvaluation {
        try #require(try SelfEvaluationImporter.load(Seed004ScoreTests.fixture).first)
    }

    static func assessment(_ evaluation: SelfEvaluation) throws -> Assessment {
        Assessment(evaluation, profile: try ProfileCatalog.builtin().defaultProfile(for: evaluation.kind))
    }

    @Test func theDepartmentOutlineWithTheSentencesTheDataCanWrite() throws {
        let evaluation = try Self.evaluation()
        let outline = try ReportOutline.builtin(for: evaluation.kind)
        #expect(outline.id == "hunan-agency")
        let content = try ReportContent.report(evaluation, assessment: Self.assessment(evaluation), outline: outline)
        let document = try WordDocument(package: OfficePackage(data: ReportRenderers.docx(content), file: "r.docx"))
        let text = document.paragraphs.map(\.text).joined(separator: "\n")
        #expect(text.contains("2023年度株洲市芦淞区应急管理局整体支出"))
        for heading in ["一、部门（单位）基本情况", "二、一般公共预算支出情况", "六、资金使用及绩效情况（包含单位管理的公共专项）",
                        "九、部门整体支出绩效自评结果拟应用和公开情况"] {
            #expect(text.contains(heading), "\(heading)")
        }
        #expect(!text.contains("项目概况") && !text.contains("本项目自评得分"))
        #expect(text.contains("编制数14人，2023年实际在职人数10人，在职人员控制率71.43%。"))
        #expect(text.contains("2023年度单位一般公共预算财政拨款支出320.25万元，其中：项目支出96.41万元，基本支出223.84万元。"))
        #expect(text.contains("本部门整体支出自评得分75.98分"))
        // Sections the data cannot write say what the unit must add, instead of standing empty.
        #expect(text.contains("【请单位补充本节内容"))
        #expect(text.contains("附件2") && text.contains("附件3"))
        let tables = document.tables.map { $0.rows.flatMap { $0 }.joined() }
        #expect(tables.contains { $0.contains("整体支出绩效评价基础数据表") && $0.contains("96.41") })
        #expect(tables.contains { $0.contains("整体支出绩效自评表") })
    }

    @Test func anOutlineOfAnotherKindIsRefused() throws {
        let evaluation = try Self.evaluation()
        #expect {
            try ReportContent.report(evaluation, assessment: Self.assessment(evaluation), outline: ReportOutline.builtin("sichuan-project"))
        } throws: { "\($0)".contains("不是部门整体自评报告的提纲") }
    }

    /// docs/examples/seed001-agency.json, built from seed 001's text, regenerates seed 001's report: its outline (taken
    /// for the profile in force), its own paragraphs, the 30-point block scored group by group, "三公" at 8.4 %.
    @Test func seed001RegeneratesWithItsManagementBlockScored() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/examples/seed001-agency.json")
        let evaluation = try JSONDecoder().decode(SelfEvaluation.self, from: Data(contentsOf: url))
        let profile = try ProfileCatalog.builtin().profile(id: "sichuan-2022-agency")
        let outline = try ReportOutline.builtins().forKind(.agency, profile: profile.id)
        #expect(outline.id == "sichuan-agency")
        #expect(try ReportOutline.builtins().forKind(.agency, profile: "hunan-2023-agency").id == "hunan-agency")
        let content = try ReportContent.report(evaluation, assessment: Assessment(evaluation, profile: profile), outline: outline)
        let document = try WordDocument(package: OfficePackage(data: ReportRenderers.docx(content), file: "r.docx"))
        let text = document.paragraphs.map(\.text).joined(separator: "\n")
        for heading in ["一、部门概况", "二、部门整体支出绩效实现情况", "（一）履职完成情况", "1、预算编审管理（6分）", "2、预算执行管理（7分）",
                        "3、部门结余结转管理（2分）", "7、资产管理（5分）", "（二）履职效果情况", "四、绩效自评结果拟应用和公开情况"] {
            #expect(text.contains(heading), "\(heading)")
        }
        #expect(text.contains("管理指标30分，自评得分27.5分。"))
        #expect(text.contains("“三公”经费控制率 = 0.42 / 5 = 8.40%"))
        #expect(!text.contains("91.6"), "the saving rate seed 001 printed is not carried over")
        #expect(text.contains("结转结余率 = 586.74 / 2624.8 = 22.35%"))
        #expect(text.contains("预算编审管理（6分）：“绩效目标管理”扣 0.5 分，得 5.5 分。"))
        #expect(text.contains("此次自评价结果将呈送单位主要领导审阅"), "the unit's own paragraphs are kept")
        let tables = document.tables.map { $0.rows.flatMap { $0 }.joined() }
        #expect(tables.contains { $0.contains("预算编审管理小计") && $0.contains("5.50") })
    }
}
