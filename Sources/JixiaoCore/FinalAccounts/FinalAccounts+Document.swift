extension FinalAccounts: DocumentBody {
    public var documentKind: DocumentKind { .finalAccounts }
    public var documentYear: Int? { fiscalYear }
    public var agencyName: String { agency.name }
    public var projectName: String? { nil }
    /// "攀枝花市应急管理局2020年度部门决算"
    public var title: String { "\(agency.name)\(fiscalYear)年度部门决算" }

    /// Lines of bounded number, a year Jixiao accepts, texts XML can carry.
    public var inputProblem: String? {
        if !FiscalYear.acceptedYears.contains(fiscalYear) {
            return "“年度”应为 \(FiscalYear.acceptedYears.lowerBound) 至 \(FiscalYear.acceptedYears.upperBound) 之间的年份，收到 \(fiscalYear)"
        }
        let lines = generalBudgetLines.count + governmentFundsLines.count + stateCapitalLines.count + basicLines.count
        if lines > EvaluationInput.maximumIndicators { return "决算表有 \(lines) 行，超过上限 \(EvaluationInput.maximumIndicators) 行" }
        var fields: [(String, String)] = [("单位名称", agency.name)]
        fields += (generalBudgetLines + governmentFundsLines + stateCapitalLines).flatMap { line in line.names.map { ("科目名称", $0) } + [("说明", line.note ?? "")] }
        fields += basicLines.map { ("经济分类科目名称", $0.name) } + assets.vehicles.map { ("车辆用途", $0.name) } + assets.equipment.map { ("设备", $0.name) }
        fields += narrative.sorted { $0.key < $1.key }.flatMap { key, paragraphs in [("章节名", key)] + paragraphs.map { ("正文（\(key)）", $0) } }
        return EvaluationInput.problem(inFields: fields)
    }

    /// The 一般公共预算 completion of the budget, and how many identities fail.
    public func summary(by rules: DocumentRules, in year: FiscalYear?) -> DocumentSummary? {
        let completion = value(of: .generalBudgetSpending).flatMap { spent in value(of: .generalBudgetBudget).flatMap { spent.ratio(to: $0) } }
        let findings = FinalAccountsChecks(classifications: []).findings(for: self).filter { $0.severity == .error }.count
        return DocumentSummary(total: nil, grade: nil, executionRate: completion, findings: findings, profile: "")
    }
}
