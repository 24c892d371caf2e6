import JixiaoCore

/// The values a disclosure's sentences are written from, all computed from the final accounts: each figure ("{income}"),
/// its change against last year ("{income.change}": 增加2516.77万元，增长134.80%), its share of another
/// ("{generalBudgetSpending.share.spending}") and its completion of the budget ("{officialExpenses.completion}"), the
/// lists with their shares, the counts. A share or rate is computed, never copied, so 0.57 % comes out right.
struct DisclosureFacts {
    let accounts: FinalAccounts
    let outline: DisclosureOutline
    private(set) var values: [String: String] = [:]

    init(_ accounts: FinalAccounts, outline: DisclosureOutline) {
        self.accounts = accounts
        self.outline = outline
        values["agency"] = accounts.agency.name
        values["fiscalYear"] = String(accounts.fiscalYear)
        values["previousYear"] = String(accounts.fiscalYear - 1)
        // Each figure once (a figure sums its lines), then the shares of each in each other.
        let figures = AccountsFigure.allCases.compactMap { figure in amount(figure).map { (figure, $0) } }
        for (figure, value) in figures {
            values[figure.rawValue] = ReportFacts.wan(value)
            if let previous = accounts.previous[figure] { values[figure.rawValue + ".change"] = change(from: previous, to: value) }
            for (whole, total) in figures {
                if let share = Self.percent(value, of: total) { values["\(figure.rawValue).share.\(whole.rawValue)"] = share }
            }
        }
        let expenses = accounts.officialExpenses
        for (key, item) in [("officialExpenses", expenses.total), ("overseas", expenses.overseas), ("vehicles", expenses.vehicles),
                            ("vehiclePurchase", expenses.vehiclePurchase), ("vehicleOperation", expenses.vehicleOperation),
                            ("reception", expenses.reception)] {
            if let actual = item.actual, let budget = item.budget, budget.fen != 0 {
                values[key + ".completion"] = Self.completion(actual, of: budget)
                values[key + ".completionClause"] = phrase("completionClause", ["rate": Self.completion(actual, of: budget)])
            } else {
                values[key + ".completionClause"] = ""
            }
        }
        if let spent = amount(.generalBudgetSpending), let budget = amount(.generalBudgetBudget) {
            values["generalBudgetSpending.completion"] = Self.completion(spent, of: budget)
        }
        for (key, count) in expenses.counts { values["counts." + key] = String(count) }
        addProcurement()
        addLists()
    }

    /// A figure; 政府性基金 and 国有资本经营 spending without lines is 0 (the statement has no data).
    private func amount(_ figure: AccountsFigure) -> Money? {
        if let value = accounts.value(of: figure) { return value }
        return [.governmentFundsSpending, .stateCapitalSpending].contains(figure) ? Money(fen: 0) : nil
    }

    private func phrase(_ key: String, _ fills: [String: String]) -> String {
        fills.reduce(outline.phrases[key] ?? "") { $0.replacingOccurrences(of: "{\($1.key)}", with: $1.value) }
    }

    /// "增加2516.77万元，增长134.80%", "减少8.06万元，下降27.20%", "持平"; from nothing, "增加…万元" alone.
    private func change(from previous: Money, to current: Money) -> String {
        // Both are bounded (``FinalAccounts/maximumAmount``), so their difference fits.
        let difference = current - previous
        if difference.fen == 0 { return phrase("flat", [:]) }
        let amount = ReportFacts.wan(Money(fen: abs(difference.fen)))
        guard let rate = Self.percent(Money(fen: abs(difference.fen)), of: previous) else { return phrase("fromZero", ["amount": amount]) }
        return phrase(difference.fen > 0 ? "increase" : "decrease", ["amount": amount, "rate": rate])
    }

    private mutating func addProcurement() {
        let procurement = accounts.procurement
        for (key, value) in [("goods", procurement.goods), ("works", procurement.works), ("services", procurement.services),
                             ("smallAndMedium", procurement.smallAndMedium), ("small", procurement.small)] {
            guard let value else { continue }
            values["procurement.\(key)"] = ReportFacts.wan(value)
            if let total = procurement.total, let share = Self.percent(value, of: total) { values["procurement.\(key).share"] = share }
        }
    }

    private mutating func addLists() {
        let separator = outline.phrases["listSeparator"] ?? "；"
        func shares(_ items: [(String, Money)], of total: Money?) -> String? {
            guard let total, !items.isEmpty else { return nil }
            return items.map { name, amount in
                phrase("shareItem", ["name": name, "amount": ReportFacts.wan(amount), "share": Self.percent(amount, of: total) ?? "—"])
            }.joined(separator: separator)
        }
        values["incomeList"] = shares(accounts.income.map { ($0.source.label, $0.amount) }, of: amount(.income))
        values["spendingList"] = shares(accounts.spending.lines.compactMap { line in line.amount.map { (line.label, $0) } }, of: amount(.spending))
        values["classList"] = shares(FinalAccounts.classes(accounts.generalBudgetLines).map { ("\($0.name)（类）", $0.amount) }, of: amount(.generalBudgetSpending))
        let expenses = accounts.officialExpenses
        values["officialList"] = shares(
            [("因公出国（境）费", expenses.overseas.actual), ("公务用车购置及运行维护费", expenses.vehicles.actual), ("公务接待费", expenses.reception.actual)]
                .compactMap { name, amount in amount.map { (name, $0) } },
            of: expenses.total.actual)
        let economic = outline.phrases["economicSeparator"] ?? "、"
        for group in [EconomicLine.BasicGroup.personnel, .publicFunds] {
            let lines = accounts.basicLines.filter { $0.group == group }
            if !lines.isEmpty {
                values["\(group.rawValue)List"] = lines.map { phrase("economicItem", ["name": $0.name, "amount": ReportFacts.wan($0.amount)]) }.joined(separator: economic)
            }
        }
        let vehicles = accounts.assets.vehicles
        if !vehicles.isEmpty {
            values["vehicleCount"] = String(vehicles.reduce(0) { $0 + $1.count })
            values["vehicleList"] = vehicles.map { phrase("countItem", ["name": $0.name, "count": String($0.count)]) }.joined(separator: economic)
        }
        let equipment = accounts.assets.equipment
        if !equipment.isEmpty {
            values["equipmentList"] = equipment.map { phrase("equipmentItem", ["name": $0.name, "count": String($0.count)]) }.joined(separator: "，")
        }
    }

    /// The numbered paragraph of each 一般公共预算财政拨款支出 项: its path, spending, completion and the unit's reason.
    func itemParagraphs() -> [String] {
        FinalAccounts.leaves(accounts.generalBudgetLines).enumerated().map { index, line in
            var fills = ["number": String(index + 1), "path": line.path, "amount": ReportFacts.wan(line.actual)]
            fills["completion"] = line.budget.map { Self.completion(line.actual, of: $0) } ?? "—"
            return phrase(line.budget == nil ? "itemWithoutBudget" : "item", fills) + (line.note ?? "")
        }
    }

    func fill(_ template: String) -> String? {
        ReportFacts(values: values).fill(template)
    }


    /// part / whole in percent to two decimals ("0.57%"); nil when the whole is zero.
    static func percent(_ part: Money, of whole: Money) -> String? {
        part.ratio(to: whole).map { ($0 * 100).fixed(2) + "%" }
    }

    /// actual / budget in percent; "—" for a zero budget with nothing spent, which has no rate.
    static func completion(_ actual: Money, of budget: Money) -> String {
        percent(actual, of: budget) ?? (actual.fen == 0 ? "—" : "无预算")
    }
}
