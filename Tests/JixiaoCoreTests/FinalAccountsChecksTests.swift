import Foundation
import Testing
@testable import JixiaoCore

/// Final accounts against the identities of DOMAIN.md §5: seed 003 as data holds; each identity broken is an error
/// naming the figures.
@Suite struct FinalAccountsChecksTests {
    static func seed003() throws -> FinalAccounts {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/examples/seed003-final-accounts.json")
        return try JSONDecoder().decode(FinalAccounts.self, from: Data(contentsOf: url))
    }

    static func wan(_ text: String) -> Money { Money(ExactDecimal(text)!, unit: .wan)! }

    /// The 类 of 2020–2024 (the bundled file is JixiaoDocuments'; Core takes classifications as values).
    static let classification = Classification(
        kind: .functional, firstYear: 2020, lastYear: 2024, source: "test", completeLevels: [3],
        items: [.init(code: "208", name: "社会保障和就业支出"), .init(code: "221", name: "住房保障支出"), .init(code: "224", name: "灾害防治及应急管理支出")])

    func findings(_ accounts: FinalAccounts) -> [Finding] {
        FinalAccountsChecks(classifications: [Self.classification]).findings(for: accounts)
    }

    @Test func seed003AsDataHolds() throws {
        let accounts = try Self.seed003()
        #expect(findings(accounts).isEmpty)
        #expect(accounts.value(of: .incomeTotal) == Self.wan("4659.77") && accounts.value(of: .spendingTotal) == Self.wan("4659.77"))
        #expect(accounts.value(of: .appropriationIncomeTotal) == Self.wan("4538.06"))
        #expect(accounts.value(of: .generalBudgetSpending) == Self.wan("2491.62"))
        #expect(accounts.value(of: .personnel) == Self.wan("1612.86") && accounts.value(of: .publicFunds) == Self.wan("183.72"))
        #expect(accounts.value(of: .officialExpenses) == Self.wan("25.17") && accounts.value(of: .officialExpensesBudget) == Self.wan("25.75"))
        #expect(FinalAccounts.classes(accounts.generalBudgetLines).map(\.name) == ["一般公共服务支出", "社会保障和就业支出", "住房保障支出", "灾害防治及应急管理支出"])
    }

    @Test func totalsThatDoNotBalanceAreErrors() throws {
        var accounts = try Self.seed003()
        accounts.closingBalance = Self.wan("1640.22")
        #expect(findings(accounts).map(\.rule) == ["final.balance"])
        accounts = try Self.seed003()
        // Seed 003 prints 收入总计 4383.87 and 支出总计 3019.54: its 本年 figures under the 总计 label.
        accounts.stated = [.incomeTotal: Self.wan("4383.87"), .spendingTotal: Self.wan("3019.54")]
        let found = findings(accounts)
        #expect(found.contains { $0.rule == "final.balance" && $0.stated == "3019.54万元" })
        #expect(found.contains { $0.rule == "final.total" && $0.explanation.contains("按各项计算为 4659.77万元") })
        accounts = try Self.seed003()
        accounts.appropriation.closingBalance = Self.wan("1519.45")
        #expect(findings(accounts).map(\.rule) == ["final.appropriation-balance"])
    }

    @Test func aClassShortOfItsItemsIsAnError() throws {
        var accounts = try Self.seed003()
        // Seed 003: 灾害防治及应急管理 2177.82 over items that add up to 1177.82 (行政运行 printed as 161.64).
        accounts.generalBudgetLines.insert(FunctionalLine(code: "224", names: ["灾害防治及应急管理支出"], actual: Self.wan("2177.82")), at: 0)
        let index = try #require(accounts.generalBudgetLines.firstIndex { $0.names.last == "行政运行" })
        accounts.generalBudgetLines[index].actual = Self.wan("161.64")
        let subtotal = try #require(findings(accounts).first { $0.rule == "final.subtotal" })
        #expect(subtotal.expected == "1177.82万元" && subtotal.stated == "2177.82万元")
        // Within rounding: four printed items may miss their class by up to 0.02.
        var rounded = try Self.seed003()
        rounded.generalBudgetLines.insert(FunctionalLine(names: ["社会保障和就业支出"], actual: Self.wan("168.56")), at: 0)
        #expect(!findings(rounded).contains { $0.rule == "final.subtotal" })
        rounded.generalBudgetLines[0].actual = Self.wan("168.57")
        #expect(findings(rounded).contains { $0.rule == "final.subtotal" })
    }

    @Test func aSubsetLargerThanItsTotalAndAForeignCodeAreErrors() throws {
        var accounts = try Self.seed003()
        accounts.procurement.smallAndMedium = Self.wan("0")
        #expect(findings(accounts).contains { $0.rule == "final.subset" && $0.stated == "34.02万元" })
        accounts = try Self.seed003()
        accounts.generalBudgetLines[0].code = "2250101"
        accounts.generalBudgetLines[1].code = "20A"
        let codes = findings(accounts).filter { $0.rule == "final.code" }
        #expect(codes.count == 2)
        #expect(codes.contains { $0.explanation.contains("类级编码 225 不在 2020–2024 年度支出功能分类科目中") })
        #expect(codes.contains { $0.explanation.contains("不是支出功能分类科目编码") })
        accounts.fiscalYear = 2019
        #expect(findings(accounts).contains { $0.rule == "final.code" && $0.severity == .warning }, "no classification for the year: said, not guessed")
    }

    @Test func basicSpendingMustAgreeAcrossTheTwoStatements() throws {
        var accounts = try Self.seed003()
        accounts.basicLines[0].amount = Self.wan("356.75")
        let found = try #require(findings(accounts).first { $0.rule == "final.basic" })
        #expect(found.stated == "1797.58万元" && found.expected == "1796.60万元")
    }

    @Test func sentencesAreComparedInTheUnitTheyPrint() throws {
        let accounts = try Self.seed003()
        func findings(_ text: String) -> [Finding] {
            DisclosureSentenceChecks(labels: [.generalBudgetSpending: ["一般公共预算财政拨款支出"]])
                .findings(prose: ReportProse(paragraphs: [Paragraph(text: text, location: SourceLocation())]), accounts: accounts)
        }
        #expect(findings("2020年一般公共预算财政拨款支出0.25亿元。").isEmpty, "2491.62万元 is 0.25亿元 to two decimals")
        #expect(findings("2020年一般公共预算财政拨款支出2491.62万元。").isEmpty)
        #expect(findings("2020年一般公共预算财政拨款支出0.24亿元。").first?.expected == "2491.62万元")
    }

    @Test func amountsOfAnySizeNeverStopTheChecks() throws {
        var accounts = try Self.seed003()
        accounts.generalBudgetLines[0].actual = Money(fen: .max)
        accounts.generalBudgetLines[1].actual = Money(fen: .max)
        #expect(accounts.value(of: .generalBudgetSpending) == nil, "a sum that does not fit is no sum")
        _ = findings(accounts)
        #expect(accounts.inputProblem?.contains("超出金额上限") == true)
    }
}
