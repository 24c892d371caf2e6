import JixiaoCore

/// The figures a report's sentences are written from, formatted as the seeds print them ("48", "40.91", "85.23%"),
/// all taken from the evaluation and Jixiao's score sheet so the report can never disagree with the table.
public struct ReportFacts: Sendable {
    public private(set) var values: [String: String] = [:]

    /// Facts given as they are (a sentence about one indicator adds its own to the report's).
    init(values: [String: String]) {
        self.values = values
    }

    public init(evaluation: SelfEvaluation, sheet: ScoreSheet, outline: ReportOutline) {
        values["fiscalYear"] = evaluation.fiscalYear.map(String.init) ?? ""
        values["agency"] = evaluation.agency.name
        values["project"] = evaluation.project ?? evaluation.agency.name
        values["goalExpected"] = evaluation.goal.expected
        let total = evaluation.budget.total
        if let initial = total.initialBudget { values["initialBudget"] = Self.wan(initial) }
        if let adjusted = total.adjustedBudget {
            values["adjustedBudget"] = Self.wan(adjusted)
            if let initial = total.initialBudget {
                let change = adjusted - initial
                let phrase = change.fen == 0 ? outline.phrases["noAdjustment"] : outline.phrases[change.fen > 0 ? "increase" : "decrease"]
                values["adjustment"] = (phrase ?? "").replacingOccurrences(of: "{amount}", with: Self.wan(Money(fen: abs(change.fen))))
            }
            if let spent = total.spent {
                values["spent"] = Self.wan(spent)
                values["balance"] = Self.wan(adjusted - spent)
            }
        }
        values["executionRate"] = sheet.executionRate.percentText
        if let ledger = evaluation.budget.ledger {
            values["ledgerPayments"] = String(ledger.payments)
            values["ledgerExecuted"] = ledger.executed.amount(in: .yuan).plainText
            values["ledgerPending"] = ledger.pending.amount(in: .yuan).plainText
        }
        if let score = sheet.execution.roundedScore { values["executionScore"] = score.fixed(2) }
        values["executionWeight"] = sheet.execution.weight?.plainText
        values["total"] = sheet.total.fixed(2)
        values["grade"] = sheet.gradeLabel
        values["profile"] = sheet.profile
        values["profileName"] = sheet.profileName
        if let data = evaluation.baseData { addAgencyFacts(data, evaluation: evaluation, sheet: sheet, outline: outline) }
    }

    /// The figures of a department report's sentences: staff, spending by kind, projects, management rates; those the
    /// base data leave empty stay out (and the sentences that need them with them).
    private mutating func addAgencyFacts(_ data: AgencyBaseData, evaluation: SelfEvaluation, sheet: ScoreSheet, outline: ReportOutline) {
        let staffing = data.staffing
        values["authorized"] = staffing.authorized.map(String.init)
        values["inPost"] = staffing.inPost.map(String.init)
        values["yearEnd"] = staffing.yearEnd.map(String.init)
        values["staffControlRate"] = sheet.management.first { $0.id == "staff-control" && $0.rate != nil }?.rateText
        let funds = AgencyFunds(evaluation)
        values["fundName"] = funds.isAllGeneralBudget(of: evaluation.budget.total.adjustedBudget)
            ? outline.phrases["generalBudget"] ?? "" : outline.phrases["allFunds"] ?? ""
        values["projectSpending"] = funds.projects.map(Self.wan)
        values["publicFundsSpending"] = funds.publicFunds.map(Self.wan)
        values["basicSpending"] = funds.basic.map(Self.wan)
        values["personnelSpending"] = funds.personnel.map(Self.wan)
        let items = funds.projectItems.enumerated().map { "\($0.offset + 1).\($0.element.name)\(Self.wan($0.element.amount))万元" }
        if data.costLines.contains(where: { $0.kind == .projects }) {
            values["projectItems"] = items.isEmpty ? "" : "，其中：" + items.joined(separator: "；")
        }
        let rates = sheet.management.filter { $0.rate != nil }.map { "\($0.name)\($0.rateText)" }
        if !rates.isEmpty { values["managementRates"] = rates.joined(separator: "；") }
        if !sheet.managementGroups.isEmpty {
            values["managementWeight"] = sheet.managementWeight.plainText
            values["managementTotal"] = sheet.managementTotal?.rounded(scale: 2).plainText
        }
    }

    /// An amount in 万元 rounded to 2 decimals, without trailing zeros: 48, 40.91, 7.09.
    static func wan(_ money: Money) -> String {
        money.amount(in: .wan).rounded(scale: 2).description
    }

    /// `template` with every "{key}" filled; nil when a figure it needs is missing (the sentence is then left out).
    public func fill(_ template: String) -> String? {
        var result = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            result += rest[..<open]
            guard let value = values[String(rest[rest.index(after: open)..<close])] else { return nil }
            result += value
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }
}
