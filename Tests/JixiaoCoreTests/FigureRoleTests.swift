import Testing
@testable import JixiaoCore

/// Figures with roles: changes against last year are not parts of this year's total, a rate is taken against the
/// amounts its name defines, and a completion rate of counts is checked (issue [10]'s examples).
@Suite struct FigureRoleTests {
    func findings(_ text: String) -> [Finding] {
        ProseChecks().findings(in: ReportProse(paragraphs: [Paragraph(text: text, location: SourceLocation(file: "例.txt"))]))
    }

    @Test func changesAgainstLastYearAreNotPartsOfThisYearsTotal() {
        let sentence = "基本支出816.80万元，同比减少62.52万元，下降7.11%。其中：人员经费702.35万元，比上年减少50.12万元；公用经费114.45万元，比上年减少12.40万元。"
        #expect(findings(sentence).isEmpty)
        #expect(findings("“三公”经费支出12.50万元，比上年的15.00万元减少2.50万元，其中：公务接待费4.50万元，公务用车运行维护费8.00万元。").isEmpty)
    }

    @Test func changesAreAddedWithTheirSigns() {
        let wrong = findings("基本支出816.80万元，同比减少62.52万元，其中：人员经费702.35万元，比上年减少50.12万元；公用经费114.45万元，比上年减少2.40万元。")
        #expect(wrong.count == 1)
        #expect(wrong.first?.stated == "62.52万元" && wrong.first?.expected == "52.52万元")
        let mixed = findings("项目支出100.00万元，比上年减少10.00万元，其中：甲项目80.00万元，比上年减少15.00万元；乙项目20.00万元，比上年增加5.00万元。")
        #expect(mixed.isEmpty)
    }

    @Test func anExecutionRateIsTakenAgainstTheFullYearBudgetNotTheAddition() {
        let found = findings("年初预算286.50万元，年中追加43.50万元，全年预算330.00万元，全年实际支出301.29万元，预算执行率93.50%。")
        #expect(found.count == 1)
        #expect(found.first?.rule == "prose.rate" && found.first?.expected == "91.30%")
        #expect(findings("年初预算286.50万元，年中追加43.50万元，全年预算330.00万元，全年实际支出301.29万元，预算执行率91.30%。").isEmpty)
    }

    @Test func aCompletionRateOfCountsIsChecked() {
        let found = findings("计划培训500人次，实际完成460人次，完成率95%。")
        #expect(found.first?.expected == "92.00%" && found.first?.stated == "95%")
        #expect(findings("计划培训500人次，实际完成460人次，完成率92%。").isEmpty)
    }

    @Test func rolesAreReadFromTheClauseBeforeTheAmount() {
        func role(_ lead: String) -> FigureRole {
            FigureRole.of(ProseFigure(kind: .amount(unit: .wan), value: ExactDecimal(1), numeral: "1", range: 0..<1, lead: lead))
        }
        #expect(role("，同比减少") == .change(negative: true))
        #expect(role("，比2022年增加") == .change(negative: false))
        #expect(role("，比上年的") == .earlier)
        #expect(role("与2021年相比收入总计减少") == .change(negative: true))
        #expect(role("上年结转") == .current)
        #expect(role("其中:因公出国(境)费支出决算增加") == .change(negative: false))
        #expect(role("其中：人员经费") == .current)
    }

    @Test func anAmbiguousMismatchListsItsCandidateCorrections() {
        let found = findings("预算支出29.50万元，年中执行调增270.08万元，实际支出56.58万元，结余结转0万元。")
        #expect(found.count == 1)
        #expect(found.first?.expected == "结余结转 243万元；或 调增 27.08万元；或 实际支出 299.58万元")
    }
}

/// Sentences of real 决算 text the role rules must not misread (from a review of the rules).
@Suite struct FigureRoleReviewTests {
    func findings(_ text: String) -> [Finding] {
        FigureRoleTests().findings(text)
    }

    @Test func aFundNameIsNotABudget() {
        #expect(findings("本年收入合计1500万元，其中一般公共预算财政拨款收入1200万元，比上年增加200万元，增长20%。").isEmpty)
        let wrong = findings("财政拨款支出决算1300万元，其中：一般公共预算财政拨款支出1200万元，政府性基金预算财政拨款支出200万元。")
        #expect(wrong.contains { $0.rule == "prose.sum" })
    }

    @Test func aVerbOpeningAnItemIsNotAChange() {
        #expect(findings("项目支出120万元，主要用于以下方面：提高干部报酬100万元，开展应急演练20万元。").isEmpty)
    }

    @Test func oneWrongShareDoesNotMakeTheOthersWrong() {
        let found = findings("本年支出合计250万元，年末结转和结余50万元。其中：基本支出200万元，占80%；项目支出50万元，占21%。")
        #expect(found.map(\.stated) == ["21%"])
    }

    @Test func anEmergencyDrillIsNotAPlan() {
        #expect(findings("组织应急演练6次，完成消防培训4次，培训完成率100%。").isEmpty)
    }
}
