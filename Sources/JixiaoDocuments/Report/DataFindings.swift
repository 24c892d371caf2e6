import JixiaoCore

/// What the data of an evaluation show for 存在的问题 and 相关建议 where the unit wrote nothing: execution under
/// 100 %, indicators that lost points, the audit's findings; then the outline's placeholder for the unit's own words.
/// Never "无": a report says what the figures say.
struct DataFindings {
    let evaluation: SelfEvaluation
    let assessment: Assessment
    let facts: ReportFacts

    /// At most this many indicators are named; the rest are in the 自评表.
    static let namedIndicators = 5

    func sentences(_ templates: ReportOutline.FromData) -> [String] {
        var sentences: [String] = []
        if let rate = assessment.sheet.executionRate.rate, rate < 1, let sentence = facts.fill(templates.execution) {
            sentences.append(sentence)
        }
        let lost = assessment.sheet.rows.filter { row in
            guard let weight = row.weight, let score = row.roundedScore else { return false }
            return score < weight && row.provenance.rule != .notApplicable
        }
        let pointsTemplate = templates.points
        let namesIndicators = pointsTemplate.contains("{indicator}")
        for row in lost.prefix(namesIndicators ? Self.namedIndicators : 1) {
            var values = facts.values
            values["indicator"] = row.name
            values["weight"] = row.weight?.plainText
            values["score"] = row.roundedScore?.fixed(2)
            values["actual"] = row.actual
            values["target"] = row.target
            if let sentence = ReportFacts(values: values).fill(pointsTemplate) { sentences.append(sentence) }
        }
        let errors = assessment.findings.filter { $0.severity == .error }
        if let first = errors.first {
            var values = facts.values
            values["findingCount"] = String(errors.count)
            values["firstFinding"] = "“\(first.quote)”应为\(first.expected)。"
            if let sentence = ReportFacts(values: values).fill(templates.findings) { sentences.append(sentence) }
        }
        if sentences.isEmpty { sentences.append(templates.none) }
        return sentences + [templates.placeholder]
    }
}
