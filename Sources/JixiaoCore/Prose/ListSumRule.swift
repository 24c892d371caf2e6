/// A total followed by its parts ("…320.25万元，其中：项目支出96.41万元，基本支出223.84万元"; "合计96.41万元，其中：
/// 1.…16.1万元；2.…"; "…2491.62万元，主要用于以下方面:…"). An exhaustive list must add up to the total within the
/// printed precision; a "其中" list may be partial but never larger than the total. An amount in 元 that fits only
/// when read in 万元 is reported as a unit slip.
struct ListSumRule {
    /// Amounts led by these words are flows of the total (paid, recovered, carried over), not parts of it.
    static let flowWords = ["已支付", "实际支出", "收回预算", "年末结转", "执行", "支付"] + FigureRole.adjustmentWords

    /// Whether `figure` stands inside parentheses ("（调整指标10万元…）"), a remark rather than a part.
    static func isParenthetical(_ figure: ProseFigure, in paragraph: ProseSentence) -> Bool {
        var depth = 0
        for scalar in paragraph.scalars[..<figure.range.lowerBound] {
            if scalar == "(" || scalar == "（" { depth += 1 } else if scalar == ")" || scalar == "）" { depth = max(0, depth - 1) }
        }
        return depth > 0
    }

    /// Whether a part and a total are amounts of one basis: budgets add up to a budget, 决算 to a 决算
    /// ("决算为27.46万元，完成预算29.6万元的92.8%" names a budget beside each part).
    static func sameBasis(_ part: ProseFigure, _ total: ProseFigure) -> Bool {
        switch (RateRule.side(of: part), RateRule.side(of: total)) {
        case (nil, _), (_, nil): true
        case (let a?, let b?): a == b
        }
    }

    /// Whether `figure` is a grand total ("支出总计766.75万元"), never an item of a list.
    static func isGrandTotal(_ figure: ProseFigure) -> Bool {
        figure.leadClause(separators: "，,；;、").contains("总计")
    }

    /// Whether `figure` is a flow of the total rather than a part of it.
    static func isFlow(_ figure: ProseFigure) -> Bool {
        let clause = figure.leadClause(separators: "，,；;、")
        return flowWords.contains { clause.hasPrefix($0) || clause.hasSuffix($0) }
    }

    struct Group {
        var total: ProseFigure
        /// Other amounts of the same sentence before the mark, any of which the parts may add up to instead.
        var alternatives: [ProseFigure]
        var parts: [ProseFigure]
        var exhaustive: Bool
        /// A list inside an earlier list of the same sentence ("其中：…公务用车…；其中：购置…；运行维护…；公务接待费…"):
        /// where it ends and the outer list resumes is not marked, so any leading run of its parts may be the whole.
        var nested: Bool
    }

    /// Groups of total and parts in one paragraph's text.
    static func groups(in paragraph: ProseSentence) -> [Group] {
        var groups: [Group] = []
        let marks = ["其中", "主要用于以下方面", "具体如下"]
        var markOffsets: [(Int, Bool)] = []
        for mark in marks {
            var from = 0
            let pattern = Array(mark.unicodeScalars)
            while from + pattern.count <= paragraph.scalars.count {
                if Clause.matches(pattern, in: paragraph.scalars[...], at: from) {
                    markOffsets.append((from, mark != "其中"))
                    from += pattern.count
                } else {
                    from += 1
                }
            }
        }
        markOffsets.sort { $0.0 < $1.0 }
        for (index, (offset, exhaustiveMark)) in markOffsets.enumerated() {
            let numbered = paragraph.text.contains("1.") && paragraph.text.contains("2.")
            // A list ends with its sentence, unless its items are numbered (each may be a sentence of its own).
            let sentenceEnd = numbered ? nil : paragraph.scalars[offset...].firstIndex(of: "。")
            let next = min(index + 1 < markOffsets.count ? markOffsets[index + 1].0 : paragraph.scalars.count,
                           sentenceEnd ?? paragraph.scalars.count)
            let before = paragraph.figures.filter { $0.isAmount && $0.range.upperBound <= offset }
            guard let last = before.last else { continue }
            let sentenceStart = paragraph.scalars[..<last.range.lowerBound].lastIndex(of: "。").map { $0 + 1 } ?? 0
            let nested = index > 0 && !paragraph.scalars[markOffsets[index - 1].0..<offset].contains("。")
            // This year's amounts add up to this year's total and changes to the change, each on its own; the
            // total of the other role must be in the same sentence as the amount just before the mark.
            for role in [FigureRole.current, .change(negative: false)] {
                let ofRole = before.filter { FigureRole.of($0).adds(with: role) }
                guard let total = ofRole.last, total == last || total.range.lowerBound >= sentenceStart else { continue }
                // The parts: amounts after the mark, up to the next mark; a part that leads the next mark stays a part.
                let parts = paragraph.figures.filter {
                    $0.isAmount && $0.range.lowerBound > offset && $0.range.lowerBound < next && !isFlow($0)
                        && !isParenthetical($0, in: paragraph) && FigureRole.of($0).adds(with: role) && !isGrandTotal($0) && sameBasis($0, total)
                }
                guard !parts.isEmpty else { continue }
                let alternatives = ofRole.dropLast().filter { $0.range.lowerBound >= sentenceStart && !isFlow($0) }
                groups.append(Group(
                    total: total, alternatives: Array(alternatives), parts: parts,
                    exhaustive: exhaustiveMark || numbered || parts.count >= 2 && !paragraph.text.contains("等")
                        && !paragraph.figures.contains { $0.isAmount && $0.range.lowerBound >= next },
                    nested: nested))
            }
        }
        return groups
    }

    func check(_ paragraph: ProseSentence) -> [Finding] {
        Self.groups(in: paragraph).compactMap { group in
            guard let total = group.total.wan else { return nil }
            // A change is summed with its signs, turned so that the total (as printed, without its sign) is positive.
            let turn = FigureRole.of(group.total) == .change(negative: true)
            let values = group.parts.compactMap { part in part.wan.map { FigureRole.of(part).signed($0) } }
            let sum = turn ? -values.reduce(ExactDecimal.zero, +) : values.reduce(ExactDecimal.zero, +)
            let decimals = max(2, group.parts.map { PrintedPrecision.decimals(of: $0.numeral) }.max() ?? 2)
            let fits = PrintedPrecision.sumMatches(total: total, sum: sum, count: values.count, decimals: decimals)
            // A part's change may exceed the total's (another part fell): changes are checked only in complete lists.
            let isChange = FigureRole.of(group.total) != .current
            if fits || (!group.exhaustive && (sum < total || isChange)) { return nil }
            if group.nested, values.indices.contains(where: { end in
                let head = values[...end].reduce(ExactDecimal.zero, +)
                return PrintedPrecision.sumMatches(total: total, sum: turn ? -head : head, count: end + 1, decimals: decimals)
            }) {
                return nil
            }
            if group.alternatives.contains(where: { alternative in
                alternative.wan.map { PrintedPrecision.sumMatches(total: $0, sum: sum, count: values.count, decimals: decimals) } ?? false
            }) {
                return nil
            }
            if let slip = unitSlip(group, total: total, decimals: decimals) {
                return paragraph.finding(
                    covering: [group.total] + group.parts, "prose.unit", .error, expected: slip.numeral + "万元", stated: slip.printed,
                    "“\(slip.printed)”应为 \(slip.numeral)万元：按万元计，各项之和 \(sumText(group, reading: slip)) 与合计 \(group.total.printed) 相符，其余金额均以万元计")
            }
            let parts = group.parts.map(\.printed).joined(separator: " + ")
            if group.parts.count == 1 {
                guard sum > total, !isChange else { return nil }
                return paragraph.finding(
                    covering: [group.total] + group.parts, "prose.subset", .error, expected: "≤ \(group.total.printed)", stated: group.parts[0].printed,
                    "“其中”部分 \(group.parts[0].printed) 大于其总数 \(group.total.printed)")
            }
            return paragraph.finding(
                covering: [group.total] + group.parts, "prose.sum", sum > total ? .error : .warning, expected: sum.plainText + "万元", stated: group.total.printed,
                "合计 \(group.total.printed) 与各项之和不符：\(parts) = \(sum.plainText)万元（差 \((total - sum).plainText)万元，超出四舍五入误差）")
        }
    }

    /// The one part in 元 that, read in 万元, makes the group add up.
    private func unitSlip(_ group: Group, total: ExactDecimal, decimals: Int) -> ProseFigure? {
        for part in group.parts {
            guard case .amount(.yuan) = part.kind else { continue }
            let sum = group.parts.reduce(ExactDecimal.zero) { $0 + ($1 == part ? $1.value : ($1.wan ?? .zero)) }
            if PrintedPrecision.sumMatches(total: total, sum: sum, count: group.parts.count, decimals: decimals) { return part }
        }
        return nil
    }

    private func sumText(_ group: Group, reading slip: ProseFigure) -> String {
        group.parts.reduce(ExactDecimal.zero) { $0 + ($1 == slip ? $1.value : ($1.wan ?? .zero)) }.plainText + "万元"
    }
}
