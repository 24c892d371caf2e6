/// A total stated in one sentence and broken down in the sentences that follow it in the same paragraph
/// ("年初支出预算为2624.8万元。社会保障和就业年初预算数为18.33万元；卫生健康…20.62万元；…"): the parts, each
/// labelled like the total, must add up to it.
struct FollowingSumRule {
    func check(_ sentences: [ProseSentence]) -> [Finding] {
        var findings: [Finding] = []
        var consumed = -1
        for (index, sentence) in sentences.enumerated() where index > consumed {
            guard sentence.amounts.count == 1, let total = sentence.amounts.first, let stated = total.wan,
                let label = ["预算", "决算"].first(where: { total.lead.hasSuffix("\($0)为") || total.lead.hasSuffix("\($0)数为") })
            else { continue }
            let parts = sentences[(index + 1)...].prefix { $0.amounts.count == 1 && $0.amounts[0].lead.contains(label) }
                .map { $0.amounts[0] }
            guard parts.count >= 2 else { continue }
            consumed = index + parts.count
            let sum = parts.reduce(ExactDecimal.zero) { $0 + ($1.wan ?? .zero) }
            if PrintedPrecision.sumMatches(total: stated, sum: sum, count: parts.count, decimals: 2) { continue }
            findings.append(sentence.finding(
                "prose.sum", .warning, expected: sum.plainText + "万元", stated: total.printed,
                "\(label)总数 \(total.printed) 与其后分列的各项之和不符：\(parts.map(\.printed).joined(separator: " + ")) = \(sum.plainText)万元"))
        }
        return findings
    }
}
