import JixiaoCore
import JixiaoOffice

/// A final-accounts disclosure laid out from the data: the outline's headings, the standard sentences its figures
/// write, the unit's own paragraphs, the seven charts and the statements annexed (``ReportContent``, so the DOCX with
/// native charts, the HTML with SVG and the Markdown all come from one content).
public enum DisclosureContent {
    public static func disclosure(_ accounts: FinalAccounts, outline: DisclosureOutline) throws -> ReportContent {
        let facts = DisclosureFacts(accounts, outline: outline)
        guard let statements = outline.statementSets[accounts.statementSet] else {
            throw DisclosureError.unknownStatementSet(accounts.statementSet, known: outline.statementSets.keys.sorted())
        }
        var blocks: [ReportContent.Block] = []
        func add(_ section: DisclosureOutline.Section, level: Int) {
            if let heading = facts.fill(section.heading) { blocks.append(.heading(min(level, 2), heading)) }
            var paragraphs = (section.sentences ?? []).compactMap { key in outline.sentences[key].flatMap(facts.fill) }
            paragraphs += section.narrative.flatMap { accounts.narrative[$0] } ?? []
            if section.items == true { paragraphs += facts.itemParagraphs() }
            if section.glossary == true { paragraphs += outline.glossary.enumerated().map { "\($0.offset + 1).\($0.element)" } }
            blocks += paragraphs.filter { !$0.isEmpty }.map(ReportContent.Block.paragraph)
            if let key = section.chart, let spec = outline.charts[key], let chart = chart(spec, accounts: accounts) {
                blocks.append(.chart(chart))
            }
            if section.statements == true {
                let tables = StatementTables(accounts: accounts)
                let unit = "编制单位：\(accounts.agency.name)　　\(accounts.fiscalYear)年度　　单位：万元"
                for spec in statements {
                    blocks += [.caption(spec.title), .caption(unit), .table(tables.worksheet(spec), headerRows: 1)]
                }
            }
            for child in section.sections ?? [] { add(child, level: level + 1) }
        }
        for section in outline.sections { add(section, level: 1) }
        return ReportContent(title: facts.fill(outline.title) ?? outline.title, subtitle: nil, blocks: blocks)
    }

    /// The chart `spec` draws from the accounts; nil when they lack its figures.
    static func chart(_ spec: DisclosureOutline.ChartSpec, accounts: FinalAccounts) -> WordChart? {
        let numeral = ReportFacts.wan
        if spec.kind == "bar" {
            let figures = (spec.figures ?? []).compactMap { pair -> (String, AccountsFigure)? in
                guard pair.count == 2, let figure = AccountsFigure(rawValue: pair[1]) else { return nil }
                return (pair[0], figure)
            }
            let current = figures.map { accounts.value(of: $0.1) }
            let previous = figures.map { accounts.previous[$0.1] }
            guard !figures.isEmpty, !current.contains(where: { $0 == nil }) else { return nil }
            var series: [WordChart.Series] = []
            if !previous.contains(where: { $0 == nil }) {
                series.append(.init(name: "\(accounts.fiscalYear - 1)年", values: previous.compactMap { $0 }.map(numeral)))
            }
            series.append(.init(name: "\(accounts.fiscalYear)年", values: current.compactMap { $0 }.map(numeral)))
            return WordChart(kind: .bar, title: spec.title, categories: figures.map(\.0), series: series)
        }
        let items: [(String, Money)]
        switch spec.list {
        case "income": items = accounts.income.map { ($0.source.label, $0.amount) }
        case "spendingKinds": items = accounts.spending.lines.compactMap { line in line.amount.map { (line.label, $0) } }
        case "classes": items = FinalAccounts.classes(accounts.generalBudgetLines).map { ("\($0.name)", $0.amount) }
        case "officialExpenses":
            let expenses = accounts.officialExpenses
            items = [("因公出国（境）费", expenses.overseas.actual), ("公务用车购置及运行维护费", expenses.vehicles.actual),
                     ("公务接待费", expenses.reception.actual)].compactMap { name, amount in amount.map { (name, $0) } }
        default: items = []
        }
        guard !items.isEmpty else { return nil }
        return WordChart(kind: .pie, title: spec.title, categories: items.map(\.0),
                         series: [.init(name: spec.series ?? spec.title, values: items.map { numeral($0.1) })])
    }
}

/// Why a disclosure could not be produced.
public enum DisclosureError: Error, CustomStringConvertible {
    case unknownStatementSet(String, known: [String])

    public var description: String {
        switch self {
        case .unknownStatementSet(let id, let known): "没有附表套“\(id)”；可用：\(known.joined(separator: "、"))"
        }
    }
}
