import Foundation
import Testing
import JixiaoOffice

/// CSV text is held to what an XML part can carry, since it becomes the same cells (issue 5).
@Suite struct CSVTextTests {
    @Test(arguments: ["\u{01}", "\u{0B}", "\u{0C}", "\u{1F}", "\u{FFFE}", "\u{FFFF}"])
    func csvRefusesCharactersXMLCannotCarry(character: String) {
        let csv = "一级指标,二级指标\n产出指标,数量\(character)指标\n"
        #expect { try CSVReader.read(Data(csv.utf8), file: "t.csv") } throws: { error in
            let text = "\(error)"
            return text.contains("t.csv") && text.contains("B2") && text.contains("第 2 行第 2 列")
        }
    }

    @Test func csvKeepsTabsAndLineBreaksInQuotedFields() throws {
        let sheet = try CSVReader.read(Data("a,\"b\tc\nd\"\n".utf8), file: "t.csv")
        #expect(sheet.text(row: 1, column: 2) == "b\tc\nd")
    }
}
