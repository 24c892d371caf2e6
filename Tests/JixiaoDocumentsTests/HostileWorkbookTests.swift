import Foundation
import Testing
import JixiaoCore
import JixiaoDocuments
import JixiaoOffice

/// Files built to exhaust the importer (issue 5): each is read at the cost of what it really holds, or refused
/// with a message naming the place, within a second.
@Suite(.timeLimit(.minutes(1))) struct HostileWorkbookTests {
    static func importing(_ data: Data) throws -> [SelfEvaluation] {
        try SelfEvaluationImporter.fromWorkbook(Workbook(data: data, file: "seed004.xlsx"))
    }

    static func seed004(adding cells: String = "", merges: String = "") throws -> Data {
        try TestWorkbook.seed004 { xml in
            Data(xml.replacingOccurrences(of: "</sheetData>", with: cells + "</sheetData>")
                .replacingOccurrences(of: "</mergeCells>", with: merges + "</mergeCells>").utf8)
        }
    }

    static let farAway = #"<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>远处</t></is></c></row>"#

    func expectRefused(_ data: Data, _ parts: [String], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(sourceLocation: sourceLocation) { try Self.importing(data) } throws: { error in
            let text = "\(error)"
            return error is OfficeError && parts.allSatisfy(text.contains)
        }
    }

    @Test func aValueFarAwayChangesNothing() throws {
        let start = ContinuousClock.now
        let stray = try Self.importing(Self.seed004(adding: Self.farAway))
        #expect(ContinuousClock.now - start < .seconds(5))
        let plain = try Self.importing(Self.seed004())
        #expect(stray == plain)
        let profile = try ProfileCatalog.builtin().profile(id: "hunan-2023-agency")
        #expect(Scorer(profile: profile).score(stray[0]).total == Scorer(profile: profile).score(plain[0]).total)
    }

    @Test func overlappingMergesAreRefused() throws {
        let data = try Self.seed004(merges: String(repeating: #"<mergeCell ref="A1:XFD61"/>"#, count: 16))
        expectRefused(data, ["seed004.xlsx", "附件3 自评表", "重叠"])
    }

    @Test func mergesCoveringTooManyCellsAreRefused() throws {
        let data = try Self.seed004(adding: Self.farAway, merges: #"<mergeCell ref="A30:XFD1048575"/>"#)
        expectRefused(data, ["seed004.xlsx", "合并区域", "200000"])
    }

    @Test func tooManyMergesAreRefused() throws {
        let merges = (100..<10_101).map { "<mergeCell ref=\"A\($0):B\($0)\"/>" }.joined()
        expectRefused(try Self.seed004(merges: merges), ["seed004.xlsx", "合并区域超过 10000 个"])
    }

    @Test func tooManyCellsAreRefused() throws {
        let row = "<row>" + String(repeating: #"<c t="b"><v>1</v></c>"#, count: 10_000) + "</row>"
        let data = try Self.seed004(adding: String(repeating: row, count: 11))
        expectRefused(data, ["seed004.xlsx", "附件3 自评表", "单元格", "超过 100000 个"])
    }

    @Test func aUTF16SheetWithAnExternalEntityIsRefused() throws {
        let data = try TestWorkbook.seed004 { xml in
            let hostile = #"<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE worksheet [<!ENTITY x SYSTEM "file:///etc/hostname">]>"#
                + xml.replacingOccurrences(of: "株洲市芦淞区应急管理局", with: "株洲市&x;芦淞区应急管理局")
            return Data([0xFF, 0xFE]) + (hostile.data(using: .utf16LittleEndian) ?? Data())
        }
        expectRefused(data, ["seed004.xlsx", "xl/worksheets/sheet1.xml", "DTD"])
    }

    @Test func aUTF16SheetReadsLikeItsUTF8Original() throws {
        let data = try TestWorkbook.seed004 { xml in
            Data([0xFE, 0xFF]) + ((#"<?xml version="1.0" encoding="UTF-16"?>"# + xml).data(using: .utf16BigEndian) ?? Data())
        }
        #expect(try Self.importing(data) == Self.importing(Self.seed004()))
    }
}
