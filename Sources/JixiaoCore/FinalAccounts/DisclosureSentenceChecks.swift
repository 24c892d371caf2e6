/// A disclosure's sentences against its statements: each amount a sentence gives under a figure's label ("收入总计",
/// "一般公共预算财政拨款支出", "“三公”经费财政拨款支出决算为" …) must be what the statements give for that figure, to the
/// precision printed. Changes and last year's amounts are not this year's figures and are left to the prose checks.
public struct DisclosureSentenceChecks: Sendable {
    /// The labels a sentence gives each figure, longest first when several end a clause.
    public let labels: [AccountsFigure: [String]]

    public init(labels: [AccountsFigure: [String]]) {
        self.labels = labels
    }

    public func findings(prose: ReportProse, accounts: FinalAccounts) -> [Finding] {
        let candidates = labels.flatMap { figure, words in words.map { (figure, $0) } }.sorted { $0.1.count > $1.1.count }
        var findings: [Finding] = []
        for sentence in prose.allSentences {
            var previous: String?
            for figure in sentence.amounts where FigureRole.of(figure) == .current {
                guard figure.wan != nil else { continue }
                let clause = Self.withoutLinkingWords(figure.leadClause(separators: "，,；;。：:、"))
                guard var (key, label) = candidates.first(where: { clause.hasSuffix($0.1) }) else { continue }
                // "财政拨款收入总计…、支出总计…": the second label shares the first one's subject.
                if let previous, let shared = Self.sharedSubject(previous, label), let match = candidates.first(where: { $0.1 == shared }) {
                    (key, label) = match
                }
                previous = label
                guard let expected = accounts.stated[key] ?? accounts.value(of: key) else { continue }
                // Compared in the unit printed (万元, 亿元 or 元), to the decimals printed.
                let unit: MoneyUnit = if case .amount(let printedUnit) = figure.kind { printedUnit ?? .wan } else { .wan }
                let decimals = figure.numeral.split(separator: ".").dropFirst().first?.count ?? 0
                let inUnit = expected.amount(in: unit)
                guard (inUnit - figure.value).magnitude > ExactDecimal(significand: 5, exponent: -(decimals + 1)) else { continue }
                findings.append(sentence.finding(
                    "final.sentence", .error, expected: expected.wanText + "万元", stated: figure.printed,
                    "文中\(label)为 \(figure.printed)，决算表中为 \(expected.wanText)万元"))
            }
        }
        return findings
    }

    /// "支出总计" after "财政拨款收入总计" → "财政拨款支出总计": a label that names the other side of the previous one
    /// takes its subject; nil when it does not.
    static func sharedSubject(_ previous: String, _ label: String) -> String? {
        for (income, spending) in [("收入总计", "支出总计"), ("收入合计", "支出合计"), ("收入", "支出")] where label == spending {
            guard previous.hasSuffix(income), previous.count > income.count else { continue }
            return String(previous.dropLast(income.count)) + spending
        }
        return nil
    }

    /// "支出决算为" → "支出决算": the verbs that link a label to its amount.
    static func withoutLinkingWords(_ clause: String) -> String {
        var text = clause.trimmingCharacters(in: .whitespaces)
        for word in ["共计", "为", "是", "达"] where text.hasSuffix(word) {
            text.removeLast(word.count)
            break
        }
        return text
    }
}
