/// What a reviewer wants pointed out even where the arithmetic holds: a report that says it has no problems while
/// money went unspent, a grade that no score supports, and paragraphs copied word for word between reports.
public struct ReviewerSignals: Sendable {
    public init() {}

    public func findings(in prose: ReportProse) -> [Finding] {
        noProblems(prose) + gradeWithoutScore(prose)
    }

    /// "存在的问题：无" in a report whose own figures show under-execution (a usage or execution rate below 100 %).
    private func noProblems(_ prose: ReportProse) -> [Finding] {
        let paragraphs = prose.paragraphs
        guard let heading = paragraphs.firstIndex(where: { $0.text.contains("存在的问题") }),
            heading + 1 < paragraphs.count
        else { return [] }
        let answer = paragraphs[heading + 1].text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard ["无", "无。", "暂无", "暂无。"].contains(answer) else { return [] }
        for sentence in prose.allSentences {
            guard let keyword = ["使用率", "执行率", "完成率", "预算完成率"].first(where: sentence.has),
                let offset = sentence.offset(after: keyword),
                let rate = sentence.figures.first(where: { $0.isPercent && $0.range.lowerBound >= offset }), rate.value < 100
            else { continue }
            return [ProseSentence(text: paragraphs[heading + 1].text, location: paragraphs[heading + 1].location).finding(
                "signal.no-problems", .warning, expected: "说明未执行部分的原因", stated: "存在的问题：无",
                "报告称不存在问题，但\(keyword)只有 \(rate.printed)（\(sentence.quote)），未执行部分应作为问题说明")]
        }
        return []
    }

    /// "项目绩效总体评价优秀" with no score anywhere in the report.
    private func gradeWithoutScore(_ prose: ReportProse) -> [Finding] {
        let grades = ["优秀", "良好", "中等", "较差"]
        guard let sentence = prose.allSentences.first(where: { sentence in
            sentence.has("评价") && grades.contains(where: { sentence.has("评价\($0)") || sentence.has("评价为\($0)") })
        }) else { return [] }
        let scored = prose.allSentences.contains { $0.has("得分") || $0.has("总分") || $0.has("自评分") }
        guard !scored else { return [] }
        return [sentence.finding(
            "signal.grade-without-score", .warning, expected: "自评得分及计分过程", stated: "仅有等级",
            "给出了评价等级，但全文没有支撑该等级的自评得分")]
    }
}

/// Paragraphs repeated word for word across reports (or across sections of one): copied boilerplate.
public struct BoilerplateSignal: Sendable {
    /// Shorter paragraphs (headings, "无。") repeat legitimately.
    public static let minimumLength = 40

    public init() {}

    /// Findings for each paragraph that appears more than once; with `acrossReportsOnly`, only for paragraphs
    /// that appear in two or more of the reports.
    public func findings(in reports: [ReportProse], acrossReportsOnly: Bool = false) -> [Finding] {
        var seen: [String: [(Int, Paragraph)]] = [:]
        var order: [String] = []
        for (report, prose) in reports.enumerated() {
            for paragraph in prose.paragraphs {
                let key = paragraph.text.filter { !$0.isWhitespace }
                guard key.count >= Self.minimumLength else { continue }
                if seen[key] == nil { order.append(key) }
                seen[key, default: []].append((report, paragraph))
            }
        }
        return order.compactMap { key -> Finding? in
            guard let found = seen[key], found.count > 1,
                !acrossReportsOnly || Set(found.map(\.0)).count > 1
            else { return nil }
            let copies = found.map(\.1)
            let places = copies.map { "\($0.location.file ?? "") \($0.location.sheet ?? "")" }.joined(separator: "；")
            let first = copies[0]
            return Finding(
                rule: "signal.boilerplate", severity: .warning, location: first.location,
                quote: String(first.text.prefix(80)), expected: "针对本项目的表述", stated: "相同段落 \(copies.count) 处",
                explanation: "同一段文字出现 \(copies.count) 次（\(places)），疑为套用模板，请核实是否针对本项目")
        }
    }
}
