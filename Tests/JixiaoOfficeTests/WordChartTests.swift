import Foundation
import Testing
@testable import JixiaoOffice

/// Native charts in a DOCX: a chart part per chart with its data cached and embedded as a workbook, referenced from
/// the body, typed in the package; python-docx opens the file and LibreOffice draws the charts (the report tests).
@Suite struct WordChartTests {
    static let bars = WordChart(
        kind: .bar, title: "图1：收、支决算总计变动情况图（单位：万元）", categories: ["收入", "支出"],
        series: [.init(name: "2019年", values: ["1867.1", "1950.41"]), .init(name: "2020年", values: ["4383.87", "3019.54"])])
    static let pie = WordChart(
        kind: .pie, title: "图7：“三公”经费财政拨款支出结构（单位：万元）", categories: ["因公出国（境）费", "公务用车购置及运行维护费", "公务接待费"],
        series: [.init(name: "“三公”经费", values: ["0", "21.57", "3.6"])])

    @Test func chartsArePartsOfThePackage() throws {
        let data = try WordWriter.document([.paragraph("正文"), .chart(Self.bars), .chart(Self.pie)], title: "决算")
        let package = try OfficePackage(data: data, file: "c.docx")
        func text(_ path: String) throws -> String? { try package.part(path).map { String(decoding: $0, as: UTF8.self) } }
        let chart1 = try #require(try text("word/charts/chart1.xml"))
        #expect(chart1.contains("<c:barChart>") && chart1.contains("<c:v>2019年</c:v>") && chart1.contains("<c:v>4383.87</c:v>"))
        let chart2 = try #require(try text("word/charts/chart2.xml"))
        #expect(chart2.contains("<c:pieChart>") && chart2.contains("<c:v>“三公”经费</c:v>") && !chart2.contains("销售额"))
        #expect(try text("[Content_Types].xml")?.contains("/word/charts/chart2.xml") == true)
        #expect(try text("word/_rels/document.xml.rels")?.contains("charts/chart1.xml") == true)
        #expect(try text("word/document.xml")?.contains(#"r:id="rIdChart2""#) == true)
        let embedded = try #require(try package.part("word/embeddings/chart1.xlsx"))
        let sheet = try Workbook(data: embedded, file: "chart1.xlsx").sheet(at: 0)
        #expect(sheet.text(row: 1, column: 2) == "2019年" && sheet.text(row: 3, column: 3) == "3019.54" && sheet.text(row: 2, column: 1) == "收入")
    }
}
