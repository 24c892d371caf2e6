import Foundation
import Testing
import JixiaoCore
import JixiaoDocuments
import JixiaoOffice

/// The 自评表 written as XLSX and read back with the project's own readers.
@Suite struct SelfEvaluationWorkbookTests {
    /// The model without the places it was read from, for comparing two imports.
    static func withoutSources(_ evaluation: SelfEvaluation) -> SelfEvaluation {
        var copy = evaluation
        copy.source = nil
        for c in copy.indicators.categories.indices {
            for g in copy.indicators.categories[c].groups.indices {
                for i in copy.indicators.categories[c].groups[g].indicators.indices {
                    copy.indicators.categories[c].groups[g].indicators[i].source = nil
                }
            }
        }
        for index in copy.budget.breakdown.indices { copy.budget.breakdown[index].source = nil }
        copy.budget.source = nil
        copy.statedTotal.source = nil
        copy.baseData?.staffing.source = nil
        for index in copy.baseData?.costLines.indices ?? 0..<0 { copy.baseData?.costLines[index].source = nil }
        for index in copy.baseData?.buildings.indices ?? 0..<0 { copy.baseData?.buildings[index].source = nil }
        return copy
    }

    @Test func exportingAndImportingGivesTheSameModel() throws {
        let original = try #require(try SelfEvaluationImporter.load(Seed004ScoreTests.fixture).first)
        let data = try SelfEvaluationWorkbook.data(original)
        let again = try #require(try SelfEvaluationImporter.fromWorkbook(Workbook(data: data, file: "roundtrip.xlsx")).first)
        #expect(Self.withoutSources(again) == Self.withoutSources(original))
    }

    @Test func theTableHasTheOfficialMergesAndExactNumbers() throws {
        let original = try #require(try SelfEvaluationImporter.load(Seed004ScoreTests.fixture).first)
        let workbook = try Workbook(data: try SelfEvaluationWorkbook.data(original), file: "t.xlsx")
        let sheet = try workbook.sheet(at: 0)
        #expect(sheet.text(row: 1, column: 1) == "2023年度部门（单位）整体支出绩效自评表")
        // 产出指标（40分） spans its three rows; 总分 spans A:F.
        let output = try #require(sheet.merges.first { sheet.text(row: $0.start.row, column: $0.start.column) == "产出指标（40分）" })
        #expect(output.end.row - output.start.row == 2)
        #expect(sheet.merges.contains { sheet.text(row: $0.start.row, column: 1) == "总分" && $0.end.column == 6 })
        let spent = try #require(sheet.cells.first { $0.value == .number("320.25") })
        #expect(spent.key.column == 5)
    }

    @Test func theScoredWorkbookCarriesRecomputedScoresAndTheAnnex() throws {
        let original = try #require(try SelfEvaluationImporter.load(Seed004ScoreTests.fixture).first)
        let scores = Scorer(profile: try ProfileCatalog.builtin().profile(id: "hunan-2023-agency")).score(original)
        let workbook = try Workbook(data: try SelfEvaluationWorkbook.data(original, scores: .recomputed(scores)), file: "s.xlsx")
        #expect(workbook.sheetNames == ["自评表", "附件2 基础数据表", "计分说明"])
        let table = try workbook.sheet(at: 0)
        #expect(table.cells.values.contains(.number("75.98")))
        let baseData = try workbook.sheet(at: 1)
        #expect(baseData.cells.values.contains(.text("1、公务用车购置和维护经费")) && baseData.cells.values.contains(.text("其中：办公经费")))
        let annex = try workbook.sheet(at: 2)
        #expect(annex.cells.values.contains(.text("执行率 = 320.25 / 320.28 = 99.99%；得分 = 10 × 99.99% = 10.00")))
    }
}
