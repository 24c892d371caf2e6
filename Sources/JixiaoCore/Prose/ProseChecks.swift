/// Checks the figures of a report's prose against each other: rates against their amounts, shares against
/// totals, totals against parts, class totals against items, announced counts against enumerations, and
/// accounting identities, with the printed-precision tolerances of DOMAIN.md §8.
public struct ProseChecks: Sendable {
    public init() {}

    public func findings(in prose: ReportProse) -> [Finding] {
        let paragraphs = prose.paragraphs
        var findings: [Finding] = []
        var classes = ClassTotalRule()
        var sectionBudget: ProseFigure?
        for (index, paragraph) in paragraphs.enumerated() {
            let whole = ProseSentence(text: paragraph.text, location: paragraph.location)
            if Self.isHeading(paragraph.text) { sectionBudget = whole.amounts.last }
            findings += ListSumRule().check(whole)
            if let finding = AggregateRateRule().check(paragraphs, at: index) { findings.append(finding) }
            findings += ShareRule().check(Self.clauses(of: whole), totals: Self.shareTotals(of: whole))
            let sentences = prose.sentences[index]
            findings += FollowingSumRule().check(sentences)
            findings += ChangeRateRule().check(sentences)
            for sentence in sentences {
                if let finding = RateRule().check(sentence, sectionBudget: sectionBudget) { findings.append(finding) }
                if let finding = IdentityRule().totals(sentence) { findings.append(finding) }
                if let finding = IdentityRule().balance(sentence) { findings.append(finding) }
                if let finding = FullMarksRule().check(sentence) { findings.append(finding) }
                if let finding = EnumerationCountRule().check(sentence, following: paragraphs[(index + 1)...]) {
                    findings.append(finding)
                }
                classes.collect(sentence)
            }
        }
        findings += ComparisonYearRule().check(prose.allSentences)
        findings += HeaderPointsRule().check(paragraphs)
        return (findings + classes.findings()).uniqued()
    }

    /// "（4）2020年第二批科技资金4万元。": a short numbered heading whose amount is the budget of the section below.
    static func isHeading(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        return trimmed.count <= 60 && (trimmed.hasPrefix("（") || trimmed.hasPrefix("(")) && trimmed.dropFirst().first?.isNumber == true
    }

    /// The clauses of a paragraph split at "；".
    static func clauses(of paragraph: ProseSentence) -> [ProseSentence] {
        paragraph.text.split(whereSeparator: { $0 == "；" || $0 == ";" }).map {
            ProseSentence(text: String($0), location: paragraph.location)
        }
    }

    /// The amounts a list of shares may be a part of: this period's amounts (not carry-overs) before the list mark, the
    /// nearest first
    /// ("预算为44.52万元，决算为22.62万元。其中公务接待费20.10万元，占88.86%" is a share of 22.62).
    static func shareTotals(of paragraph: ProseSentence) -> [ProseFigure] {
        guard let mark = ["主要用于", "其中", "如下"].compactMap(paragraph.offset(after:)).min(),
            !paragraph.figures.contains(where: { $0.isPercent && $0.range.lowerBound < mark })
        else { return [] }
        return paragraph.amounts.filter { $0.range.upperBound <= mark && FigureRole.of($0) == .current && !ListSumRule.isFlow($0) }
            .reversed()
    }
}

extension Array where Element == Finding {
    /// The findings with repeats of the same rule, place and stated figure removed, first kept.
    func uniqued() -> [Finding] {
        var seen = Set<String>()
        return filter { seen.insert("\($0.rule)|\($0.location)|\($0.stated)").inserted }
    }
}
