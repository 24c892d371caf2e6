import Foundation
import Testing
import JixiaoCore
import JixiaoDocuments

/// Several documents of one unit checked together, and the signals a reviewer wants.
@Suite struct UnitAuditTests {
    let auditor = ReportAuditor(catalog: try! ProfileCatalog.builtin())
    static let seeds = TestPaths.shared.appendingPathComponent("seeds")

    @Test func theSameFigureMustAgreeAcrossDocuments() throws {
        let example = TestPaths.examples.appendingPathComponent("seed004-self-evaluation.json")
        var json = try String(contentsOf: example, encoding: .utf8)
        json = json.replacingOccurrences(of: "\"spent\" : \"320.25\"", with: "\"spent\" : \"302.25\"")
        let altered = try TestWorkbook.write(Data(json.utf8), name: "altered.json")
        let unit = auditor.auditBatch([Seed004ScoreTests.fixture, altered])
        let across = unit.across.filter { $0.rule == "cross.documents" }
        #expect(across.count == 1)
        #expect(across.first?.explanation.contains("全年执行数") == true)
        #expect(across.first?.explanation.contains("320.25") == true && across.first?.explanation.contains("302.25") == true)
    }

    /// Two projects of one unit and year have their own budgets: their 全年预算数 are not one figure. The same
    /// project's two documents must agree.
    @Test func aProjectsFiguresAreComparedOnlyWithTheSameProject() throws {
        let example = TestPaths.examples.appendingPathComponent("seed000-project.json")
        let json = try String(contentsOf: example, encoding: .utf8)
        let otherBudget = json.replacingOccurrences(of: "\"spent\": \"40.9094\"", with: "\"spent\": \"30\"")
        let otherProject = try TestWorkbook.write(
            Data(otherBudget.replacingOccurrences(of: "\"应急管理专项经费\"", with: "\"森林防火专项经费\"").utf8), name: "other.json")
        let sameProject = try TestWorkbook.write(Data(otherBudget.utf8), name: "same.json")
        let twoProjects = auditor.auditBatch([example, otherProject])
        #expect(twoProjects.groups.count == 1)
        #expect(!twoProjects.across.contains { $0.rule == "cross.documents" })
        let oneProject = auditor.auditBatch([example, sameProject])
        #expect(oneProject.across.filter { $0.rule == "cross.documents" }.map(\.quote) == ["全年执行数 40.9094万元"])
    }

    @Test func identicalDocumentsAgree() throws {
        let unit = auditor.auditBatch([Seed004ScoreTests.fixture, Seed004ScoreTests.fixture])
        #expect(!unit.across.contains { $0.rule == "cross.documents" })
    }

    @Test func paragraphsCopiedBetweenReportsAreSignalled() throws {
        let unit = auditor.auditBatch([
            Self.seeds.appendingPathComponent("000_754483060e87962c.txt"),
            Self.seeds.appendingPathComponent("002_9ba80a09bc4930c7.txt"),
        ])
        let copies = unit.across.filter { $0.rule == "signal.boilerplate" }
        #expect(copies.count >= 3)
        #expect(copies.allSatisfy { $0.severity == .warning })
    }

    @Test func onlyDocumentsOfOneUnitAndYearAreComparedWithEachOther() throws {
        let first = Self.seeds.appendingPathComponent("000_754483060e87962c.txt")
        let batch = auditor.auditBatch([first, Self.seeds.appendingPathComponent("002_9ba80a09bc4930c7.txt"),
            Self.seeds.appendingPathComponent("004_a7de23b29f9171bb.txt")])
        let eastDistrict = DocumentIdentity(unit: "攀枝花市东区应急管理局", year: 2023)
        #expect(batch.groups.keys.sorted { $0.unit < $1.unit } == [eastDistrict])
        #expect(batch.groups[eastDistrict]?.count == 2)
        #expect(batch.alone == ["004_a7de23b29f9171bb.txt"])
        #expect(try batch.files[2].get().identity == DocumentIdentity(unit: "株洲市芦淞区应急管理局", year: 2023))
        // Another unit's report shares boilerplate with these but is not this unit's copy.
        let unrelated = auditor.auditBatch([first, Self.seeds.appendingPathComponent("004_a7de23b29f9171bb.txt")])
        #expect(unrelated.across.isEmpty)
        #expect(unrelated.groups.isEmpty)
    }

    @Test func theUnitAndYearAreReadFromEitherTitleForm() {
        func identity(_ title: String) -> DocumentIdentity? {
            DocumentIdentity.of(prose: ReportProse(paragraphs: [Paragraph(text: title, location: SourceLocation())]), evaluations: [])
        }
        #expect(identity("2023年度攀枝花市某局部门决算") == DocumentIdentity(unit: "攀枝花市某局", year: 2023))
        #expect(identity("攀枝花市某局2023年度部门决算") == DocumentIdentity(unit: "攀枝花市某局", year: 2023))
        #expect(identity("三台县应急管理局2022年度部门整体支出绩效自评报告") == DocumentIdentity(unit: "三台县应急管理局", year: 2022))
        #expect(identity("2022年度部门整体支出绩效自评报告") == nil)
    }

    @Test func noProblemsBesideUnderExecutionAndAGradeWithoutAScore() throws {
        let findings = try auditor.audit(Self.seeds.appendingPathComponent("000_754483060e87962c.txt"))
        #expect(findings.contains { $0.rule == "signal.no-problems" && $0.explanation.contains("85%") })
        #expect(findings.contains { $0.rule == "signal.grade-without-score" })
        #expect(findings.allSatisfy { $0.severity == .warning })
    }

    @Test func anUnreadableFileLeavesTheRestOfTheBatch() throws {
        let broken = try TestWorkbook.write(Data("x".utf8), name: "broken.doc")
        let unit = auditor.auditBatch([broken, Self.seeds.appendingPathComponent("004_a7de23b29f9171bb.txt")])
        #expect(throws: (any Error).self) { try unit.files[0].get() }
        #expect(try unit.files[1].get().findings.isEmpty == false)
    }
}
