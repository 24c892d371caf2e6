import JixiaoCore
import JixiaoOffice

/// A disclosure's charts against what they draw: a series still named as the template names it ("销售额", "系列1"),
/// and a pie's slices (the 一般公共预算 classes, the "三公" items, the kinds of spending, the sources of income)
/// against the statements' figures, read from the data the chart part caches.
struct DisclosureChartChecks {
    static let templateNames: Set<String> = ["销售额", "系列1", "系列2", "系列3", "Series1", "Series 1", "列1", "列2"]

    let file: String

    func findings(_ charts: [WordChart], accounts: FinalAccounts?) -> [Finding] {
        var findings: [Finding] = []
        for (index, chart) in charts.enumerated() {
            let location = SourceLocation(file: file, sheet: "图表 \(index + 1)")
            for series in chart.series where Self.templateNames.contains(series.name.trimmingCharacters(in: .whitespaces)) {
                findings.append(Finding(
                    rule: "chart.template", severity: .warning, location: location, quote: series.name, expected: "系列的实际名称",
                    stated: series.name, explanation: "图表 \(index + 1) 的数据系列名称仍是模板里的“\(series.name)”，未改为图中所画的内容"))
            }
            guard let accounts, chart.kind == .pie, let series = chart.series.first else { continue }
            let figures = Self.figures(accounts)
            for (category, value) in zip(chart.categories, series.values) {
                guard let drawn = ExactDecimal(value), let (label, expected) = figures.first(where: { Self.names(category, $0.0) }) else { continue }
                let stated = expected.amount(in: .wan)
                guard (drawn - stated).magnitude > ExactDecimal(significand: 5, exponent: -3) else { continue }
                findings.append(Finding(
                    rule: "chart.data", severity: .error, location: location, quote: "\(category) \(value)",
                    expected: expected.wanText + "万元", stated: drawn.plainText + "万元",
                    explanation: "图表 \(index + 1) 中“\(category)”画的是 \(drawn.plainText)万元，决算表中\(label)为 \(expected.wanText)万元"))
            }
        }
        return findings
    }

    /// What a pie may draw: the 一般公共预算 classes, the "三公" items, the kinds of spending, the sources of income.
    static func figures(_ accounts: FinalAccounts) -> [(String, Money)] {
        var figures = FinalAccounts.classes(accounts.generalBudgetLines).map { ($0.name, $0.amount) }
        let expenses = accounts.officialExpenses
        figures += [("因公出国", expenses.overseas.actual), ("公务用车", expenses.vehicles.actual), ("公务接待", expenses.reception.actual)]
            .compactMap { name, amount in amount.map { (name, $0) } }
        figures += accounts.spending.lines.compactMap { line in line.amount.map { (line.label, $0) } }
        figures += accounts.income.map { ($0.source.label, $0.amount) }
        return figures
    }

    /// Whether a slice's label names a figure: the same words once "（类）" and a closing "支出" or "费用支出" are set aside.
    static func names(_ category: String, _ label: String) -> Bool {
        func core(_ text: String) -> String {
            var text = text.replacingOccurrences(of: "（类）", with: "").replacingOccurrences(of: "(类)", with: "")
            for suffix in ["费用支出", "支出"] where text.hasSuffix(suffix) { text.removeLast(suffix.count) }
            return text.filter { !$0.isWhitespace }
        }
        let slice = core(category)
        let name = core(label)
        return !slice.isEmpty && !name.isEmpty && (slice == name || HeaderWords.includes(slice, name) && name.count >= 4)
    }
}
