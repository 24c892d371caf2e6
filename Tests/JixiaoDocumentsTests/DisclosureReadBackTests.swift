import Foundation
import Testing
import JixiaoCore
@testable import JixiaoOffice
@testable import JixiaoDocuments

/// A disclosure read back into the same model: the statements of the DOCX Jixiao wrote from seed 003's data come back
/// as the figures they were written from; a statement or a sentence changed afterwards is found, naming the figure.
@Suite struct DisclosureReadBackTests {
    /// The DOCX Jixiao writes from seed 003's data, with `changes` (old text → new) made in its body afterwards.
    static func document(changing changes: [(String, String)] = []) throws -> ReportDocument {
        var blocks = try DisclosureTests.content().blocks
        for (old, new) in changes {
            blocks = blocks.map { block in
                if case .paragraph(let text) = block { return .paragraph(text.replacingOccurrences(of: old, with: new)) }
                if case .table(var sheet, let header) = block {
                    for (reference, (value, style)) in sheet.cells {
                        if case .number(let numeral) = value, numeral == old { sheet.set(reference, .number(new), style: style) }
                    }
                    return .table(sheet, headerRows: header)
                }
                return block
            }
        }
        let content = ReportContent(title: "攀枝花市应急管理局\n2020年度部门决算", subtitle: nil, blocks: blocks)
        return try DocxReport.read(data: ReportRenderers.docx(content), file: "决算.docx")
    }

    static func read(_ document: ReportDocument) throws -> FinalAccounts {
        let tables = document.titledTables.map { FinalAccountsReader.Table(title: $0.title, sheet: $0.sheet) }
        let (accounts, problems) = try #require(FinalAccountsReader(file: document.file).read(tables, agency: "攀枝花市应急管理局", year: 2020))
        #expect(problems.isEmpty, "\(problems.map(\.explanation))")
        return accounts
    }

    @Test func theStatementsComeBackAsTheirFigures() throws {
        let source = try DisclosureTests.accounts()
        let read = try Self.read(Self.document())
        #expect(read.income == source.income)
        #expect(read.openingBalance == source.openingBalance && read.closingBalance == source.closingBalance)
        #expect(read.spending == source.spending)
        #expect(read.appropriation == source.appropriation)
        #expect(FinalAccounts.leaves(read.generalBudgetLines).map(\.actual) == FinalAccounts.leaves(source.generalBudgetLines).map(\.actual))
        #expect(FinalAccounts.leaves(read.generalBudgetLines).compactMap(\.code) == FinalAccounts.leaves(source.generalBudgetLines).compactMap(\.code))
        #expect(read.basicLines == source.basicLines)
        #expect(read.officialExpenses.total == source.officialExpenses.total)
        #expect(read.officialExpenses.vehicleOperation == source.officialExpenses.vehicleOperation)
        #expect(read.stated[.incomeTotal] == source.value(of: .incomeTotal) && read.stated[.generalBudgetSpending] == source.value(of: .generalBudgetSpending))
        #expect(read.value(of: .governmentFundsSpending) == source.value(of: .governmentFundsSpending) || read.stated[.governmentFundsSpending] == source.value(of: .governmentFundsSpending))
    }

    /// Changed after writing, a statement no longer adds up and a sentence no longer says what the statements say.
    @Test func aChangedStatementOrSentenceIsFound() throws {
        let auditor = try ReportAuditor(catalog: ProfileCatalog.builtin())
        let clean = try auditor.audit(Self.document()).findings
        #expect(clean.filter { $0.severity == .error }.isEmpty, "\(clean.map(\.explanation))")
        // 行政运行 1161.64 printed as 161.64 in the statement (seed 003's slip, now in a table).
        let statement = try auditor.audit(Self.document(changing: [("1161.64", "161.64")])).findings
        #expect(statement.contains { $0.rule == "final.subtotal" && $0.explanation.contains("应急管理事务") })
        // The sentence says 4383.87 where the statements say 4659.77 (seed 003's 本年 figure under 总计).
        let sentence = try auditor.audit(Self.document(changing: [("收入总计4659.77万元", "收入总计4383.87万元")])).findings
        let wrong = try #require(sentence.first { $0.rule == "final.sentence" })
        #expect(wrong.expected == "4659.77万元" && wrong.stated == "4383.87万元")
        #expect(wrong.location.sheet?.hasSuffix("段") == true)
        // A cell with text where an amount belongs is named and the rest still read.
        let cell = try auditor.audit(Self.document(changing: [("3852.43", "三千八百")])).findings
        #expect(cell.contains { $0.rule == "final.cell" && $0.location.cell != nil })
    }

    /// A chart still named as the template names it, and a slice that is not the statements' figure.
    @Test func theChartsAreCheckedAgainstTheStatements() throws {
        let data = try ReportRenderers.docx(DisclosureTests.content())
        let package = try OfficePackage(data: data, file: "决算.docx")
        let parts = try package.partPaths.map { path -> (String, Data) in
            var part = try #require(try package.part(path))
            if path == "word/charts/chart7.xml" {
                part = Data(String(decoding: part, as: UTF8.self).replacingOccurrences(of: "<c:v>“三公”经费</c:v>", with: "<c:v>销售额</c:v>").utf8)
            }
            if path == "word/charts/chart6.xml" {
                part = Data(String(decoding: part, as: UTF8.self).replacingOccurrences(of: "<c:v>14.31</c:v>", with: "<c:v>1.43</c:v>").utf8)
            }
            return (path, part)
        }
        let document = try DocxReport.read(data: OfficeArchive.write(parts), file: "决算.docx")
        #expect(document.charts.count == 7 && document.charts[5].kind == .pie && document.charts[5].categories.first == "一般公共服务支出")
        let findings = try ReportAuditor(catalog: ProfileCatalog.builtin()).audit(document).findings
        let template = try #require(findings.first { $0.rule == "chart.template" })
        #expect(template.stated == "销售额" && template.location.sheet == "图表 7")
        let slice = try #require(findings.first { $0.rule == "chart.data" })
        #expect(slice.stated == "1.43万元" && slice.expected == "14.31万元" && slice.location.sheet == "图表 6")
        let clean = try ReportAuditor(catalog: ProfileCatalog.builtin()).audit(Self.document()).findings
        #expect(!clean.contains { $0.rule.hasPrefix("chart.") })
    }
}
