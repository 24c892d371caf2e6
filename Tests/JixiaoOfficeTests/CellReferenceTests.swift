import Foundation
import Testing
import JixiaoOffice

@Suite struct CellReferenceTests {
    @Test func parsesAndPrintsAddresses() {
        #expect(CellReference("D14") == CellReference(row: 14, column: 4))
        #expect(CellReference("$AA$3") == CellReference(row: 3, column: 27))
        #expect(CellReference(row: 3, column: 27).description == "AA3")
        #expect(CellReference("14D") == nil)
        #expect(CellReference("") == nil)
        #expect(CellReference("ZZZZ1") == nil)
    }

    @Test func rangesContainTheirCells() {
        let range = CellRange("B13:B15")!
        #expect(range.contains(CellReference(row: 14, column: 2)))
        #expect(!range.contains(CellReference(row: 16, column: 2)))
        #expect(CellRange("C3:A1") == nil)
    }

    @Test func mergedCellsShowTheirOriginValueWithinTheUsedRange() {
        let cells: [CellReference: CellValue] = [CellReference(row: 1, column: 1): .text("产出指标"), CellReference(row: 3, column: 2): .text("数量指标")]
        let sheet = Sheet(name: "s", cells: cells, merges: [CellRange("A1:A5")!])
        #expect(sheet.text(row: 3, column: 1) == "产出指标")
        #expect(!sheet.isOrigin(CellReference(row: 2, column: 1)))
        #expect(sheet.text(row: 4, column: 1) == "", "row 4 is past the last value: the merge is clipped there")
        #expect(sheet.occupiedRows == [1, 2, 3])
        #expect(sheet.entries(in: 3).map(\.columns) == [1...1, 2...2])
        #expect(sheet.entries(in: 3).map(\.isOrigin) == [false, true])
    }

    @Test func numbersKeepTheirNumeralAndDisplayWithoutFloatNoise() {
        #expect(CellValue.number("93.68000000000001").text == "93.68")
        #expect(CellValue.number("0.07000000000000001").number! > Decimal(string: "0.07")!)
    }
}
