import Testing
@testable import JixiaoCore

/// "4、预决算信息公开管理（3分）" and the points its items print (seed 001's management block written as prose).
@Suite struct HeaderPointsRuleTests {
    func findings(_ lines: [String]) -> [Finding] {
        let paragraphs = lines.enumerated().map { Paragraph(text: $0.element, location: SourceLocation(file: "例.txt", cell: "段\($0.offset + 1)")) }
        return ProseChecks().findings(in: ReportProse(paragraphs: paragraphs)).filter { $0.rule == "prose.header-points" }
    }

    static let disclosure = ["4、预决算信息公开管理（3分）", "（1）预决算信息公开性", "能够按规定内容公开预决算信息。满分2分，计2分。",
                             "（2）基础信息完善性", "基础数据信息和会计信息资料真实。满分1分，计1分。", "5、部门预算管理（5分）"]

    @Test func itemsThatAddUpToTheirHeaderHold() {
        #expect(findings(Self.disclosure).isEmpty, "seed 001: 2 + 1 = 3")
        #expect(findings(["3、部门结余结转管理（2分）", "2022年度结转结余额为0，小于目标值5%。计满分2分"]).isEmpty)
        #expect(findings(["1、预算编审管理（6分）", "（1）预算编制完整性　计满分。", "（3）绩效目标管理　还不够明确量化，扣0.5分。"]).isEmpty)
    }

    @Test func itemsAboveTheirHeaderAreErrors() {
        let more = findings(Self.disclosure.map { $0.replacingOccurrences(of: "满分1分，计1分", with: "满分2分，计2分") })
        #expect(more.count == 1 && more.first?.expected == "3" && more.first?.stated == "4")
        #expect(more.first?.location.cell == "段1")
        let fewer = findings(Self.disclosure.map { $0.replacingOccurrences(of: "满分1分，计1分", with: "满分0.5分，计0.5分") })
        #expect(fewer.first?.stated == "2.5", "every item prints its points: they must make the header")
        let lost = findings(["1、预算编审管理（6分）", "（1）预算编制完整性　扣4分。", "（2）绩效目标管理　扣2.5分。", "二、部门整体支出绩效实现情况"])
        #expect(lost.first?.explanation.contains("扣分合计 6.5 分") == true)
        let scoredAbove = findings(Self.disclosure.map { $0.replacingOccurrences(of: "满分1分，计1分", with: "满分1分，计1.5分") })
        #expect(scoredAbove.first?.explanation.contains("满分 1 分，却计 1.5 分") == true)
    }
}
