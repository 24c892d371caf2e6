import Foundation
import Testing
import JixiaoCore
import JixiaoDocuments
import JixiaoOffice

/// Importing the other forms units have, and refusing bad files with a message that names the place.
@Suite struct ImportTests {

    @Test func readsAGB18030CSVSavedByChineseExcel() throws {
        let evaluations = try SelfEvaluationImporter.load(TestPaths.fixtures.appendingPathComponent("seed004-self-evaluation-gb18030.csv"))
        let evaluation = try #require(evaluations.first)
        #expect(evaluation.agency.name == "株洲市芦淞区应急管理局")
        #expect(evaluation.indicators.indicators.count == 11)
        #expect(evaluation.budget.total.spent == Money(fen: 320_250_000))
        let sheet = Scorer(profile: try ProfileCatalog.builtin().profile(id: "hunan-2023-agency")).score(evaluation)
        #expect(sheet.total.fixed(2) == "75.98")
    }

    @Test func csvAndXLSXGiveTheSameModel() throws {
        let csv = try SelfEvaluationImporter.load(TestPaths.fixtures.appendingPathComponent("seed004-self-evaluation-gb18030.csv"))[0]
        let xlsx = try SelfEvaluationImporter.load(Seed004ScoreTests.fixture)[0]
        #expect(csv.indicators.indicators.map(\.target) == xlsx.indicators.indicators.map(\.target))
        #expect(csv.indicators.indicators.map(\.weight) == xlsx.indicators.indicators.map(\.weight))
        #expect(csv.budget.total == xlsx.budget.total)
    }

    @Test func readsTheDocumentedJSONExample() throws {
        let example = TestPaths.examples.appendingPathComponent("seed004-self-evaluation.json")
        let json = try SelfEvaluationImporter.load(example)[0]
        let xlsx = try SelfEvaluationImporter.load(Seed004ScoreTests.fixture)[0]
        #expect(json.indicators.indicators.map(\.actual) == xlsx.indicators.indicators.map(\.actual))
        #expect(json.budget.total == xlsx.budget.total)
        let profile = try ProfileCatalog.builtin().profile(id: "hunan-2023-agency")
        #expect(Scorer(profile: profile).score(json).total == Scorer(profile: profile).score(xlsx).total)
    }

    @Test func jsonErrorsNameTheField() throws {
        let url = try TestWorkbook.write(Data(#"{"kind": "project", "agency": {"name": "x"}, "indicators": {"categories": [{"name": "产出指标", "groups": [{"name": "数量指标", "indicators": [{"name": "a", "target": "1", "actual": "1", "weight": "十"}]}]}]}}"#.utf8), name: "bad.json")
        #expect { try SelfEvaluationImporter.load(url) } throws: { error in
            let text = "\(error)"
            return text.contains("bad.json") && text.contains("weight") && text.contains("十")
        }
    }

    @Test func findsTheTableWhereverItStands() throws {
        let data = try TestWorkbook.make(rows: [
            [], [],
            [nil, nil, .text("一级指标"), .text("二级指标"), .text("三级指标"), .text("年度指标值"), .text("实际完成值"), .text("分值"), .text("得分")],
            [nil, nil, .text("产出指标\n(50分)"), .text("数量指标"), .text("培训"), .text("≥4次"), .text("3次"), .number("50"), .text("50")],
        ])
        let evaluation = try SelfEvaluationImporter.load(TestWorkbook.write(data, name: "moved.xlsx"))[0]
        #expect(evaluation.indicators.categories.first?.statedWeight == 50)
        #expect(evaluation.indicators.indicators.first?.statedScore == .value(50))
    }

    // MARK: - Bad input

    func expectError(_ url: URL, _ parts: [String], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(sourceLocation: sourceLocation) { try SelfEvaluationImporter.load(url) } throws: { error in
            let text = "\(error)"
            let ok = parts.allSatisfy(text.contains)
            if !ok { Issue.record("message was: \(text)", sourceLocation: sourceLocation) }
            return ok
        }
    }

    @Test func aFileThatIsNotXLSX() throws {
        expectError(try TestWorkbook.write(Data("名称,分值\n".utf8), name: "fake.xlsx"), ["fake.xlsx", "不是 .xlsx"])
        expectError(try TestWorkbook.write(Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0]), name: "old.xlsx"), ["old.xlsx", "旧版"])
        expectError(try TestWorkbook.write(Data(), name: "empty.xlsx"), ["empty.xlsx", "文件为空"])
        expectError(try TestWorkbook.write(Data([0x50, 0x4B, 0x03, 0x04, 1, 2, 3]), name: "torn.xlsx"), ["torn.xlsx", "损坏"])
    }

    @Test func anXLSXWithoutAnIndicatorTable() throws {
        let data = try TestWorkbook.make(sheet: "说明", rows: [[.text("这里没有表格")]])
        expectError(try TestWorkbook.write(data, name: "notable.xlsx"), ["notable.xlsx", "未找到绩效指标表", "说明"])
    }

    @Test func aWeightThatIsText() throws {
        let data = try TestWorkbook.minimalTable(weight: .text("十分"))
        expectError(try TestWorkbook.write(data, name: "textweight.xlsx"), ["textweight.xlsx", "Sheet1", "F4", "分值应为数字", "十"])
    }

    @Test func anEmptySheet() throws {
        let data = try TestWorkbook.make(sheet: "空表", rows: [])
        expectError(try TestWorkbook.write(data, name: "blank.xlsx"), ["blank.xlsx", "空表", "为空"])
    }

    @Test func aTenMegabyteCell() throws {
        let data = try TestWorkbook.minimalTable(longText: String(repeating: "长", count: 10 << 20))
        expectError(try TestWorkbook.write(data, name: "huge.xlsx"), ["huge.xlsx", "Sheet1", "C4", "32767"])
    }

    @Test func xmlWithEntityDeclarationsIsRefused() throws {
        let data = try TestWorkbook.make(
            rows: [[.text("&lol;")]],
            extraXML: #"<!DOCTYPE worksheet [<!ENTITY lol "lollollollollollollollol">]>"#)
        expectError(try TestWorkbook.write(data, name: "entities.xlsx"), ["entities.xlsx", "DTD"])
    }

    @Test func aWordDocumentGivenAsAWorkbook() throws {
        let data = try TestWorkbook.package(["word/document.xml": "<w:document/>", "[Content_Types].xml": "<Types/>"])
        expectError(try TestWorkbook.write(data, name: "report.xlsx"), ["report.xlsx", "Word"])
    }

    @Test func unsupportedAndLegacyExtensions() throws {
        expectError(try TestWorkbook.write(Data("x".utf8), name: "table.xls"), ["table.xls", "另存为 .xlsx"])
        expectError(try TestWorkbook.write(Data("x".utf8), name: "table.pdf"), ["table.pdf", "不支持"])
        expectError(URL(fileURLWithPath: "/nonexistent/none.xlsx"), ["none.xlsx", "不存在"])
    }
}
