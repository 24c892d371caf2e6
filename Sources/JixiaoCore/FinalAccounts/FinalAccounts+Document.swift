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
        if let (name, amount) = amounts.first(where: { $0.1.fen.magnitude > Self.maximumAmount.fen.magnitude }) {
            return "“\(name)”\(amount.wanText)万元超出金额上限（\(Self.maximumAmount.wanText)万元）"
        }
        var fields: [(String, String)] = [("单位名称", agency.name)]
        fields += (generalBudgetLines + governmentFundsLines + stateCapitalLines).flatMap { line in line.names.map { ("科目名称", $0) } + [("说明", line.note ?? "")] }
        fields += basicLines.map { ("经济分类科目名称", $0.name) } + assets.vehicles.map { ("车辆用途", $0.name) } + assets.equipment.map { ("设备", $0.name) }
        fields += narrative.sorted { $0.key < $1.key }.flatMap { key, paragraphs in [("章节名", key)] + paragraphs.map { ("正文（\(key)）", $0) } }
        return EvaluationInput.problem(inFields: fields)
    }

    /// The largest amount a figure may have, 10 亿万元 either way: far above any unit's, and small enough that the sums of
    /// thousands of lines stay exact.
    public static let maximumAmount = Money(fen: 1_000_000_000_000_000)

    /// Every amount with the name of its field.
    var amounts: [(String, Money)] {
        var all: [(String, Money?)] = income.map { ($0.source.label, $0.amount) }
        all += [("年初结转和结余", openingBalance), ("使用非财政拨款结余", nonFiscalBalanceUsed), ("结余分配", balanceAllocation),
                ("年末结转和结余", closingBalance), ("年初财政拨款结转和结余", appropriation.openingBalance),
                ("年末财政拨款结转和结余", appropriation.closingBalance), ("机关运行经费", agencyOperating)]
        all += spending.lines.map { ($0.label, $0.amount) }
        for line in generalBudgetLines + governmentFundsLines + stateCapitalLines {
            all += [(line.path, line.actual), (line.path, line.budget), (line.path, line.basic), (line.path, line.project)]
        }
        all += basicLines.map { ($0.name, $0.amount) }
        let expenses = officialExpenses
        for (name, item) in [("因公出国（境）费", expenses.overseas), ("公务用车购置费", expenses.vehiclePurchase),
                             ("公务用车运行维护费", expenses.vehicleOperation), ("公务接待费", expenses.reception)] {
            all += [(name, item.budget), (name, item.actual)]
        }
        all += [("政府采购货物", procurement.goods), ("政府采购工程", procurement.works), ("政府采购服务", procurement.services),
                ("授予中小企业合同金额", procurement.smallAndMedium), ("授予小微企业合同金额", procurement.small)]
        all += previous.map { ("上年\($0.key.label)", $0.value) } + stated.map { ($0.key.label, $0.value) }
        return all.compactMap { name, amount in amount.map { (name, $0) } }
    }

    /// The 一般公共预算 completion of the budget, and how many identities fail.
    public func summary(by rules: DocumentRules, in year: FiscalYear?) -> DocumentSummary? {
        let completion = value(of: .generalBudgetSpending).flatMap { spent in value(of: .generalBudgetBudget).flatMap { spent.ratio(to: $0) } }
        let findings = FinalAccountsChecks(classifications: []).findings(for: self).filter { $0.severity == .error }.count
        return DocumentSummary(total: nil, grade: nil, executionRate: completion, findings: findings, profile: "")
    }
}
