/// Checks final accounts against the identities of DOMAIN.md §5: 收入总计 = 支出总计 and the same for 财政拨款, each
/// stated total against the sum of its lines, each 类 and 款 against what is under it, 基本支出 = 人员经费 + 公用经费
/// across the two statements, a 其中 part within its total, and every code against the year's classification.
public struct FinalAccountsChecks: Sendable {
    public let classifications: [Classification]

    public init(classifications: [Classification]) {
        self.classifications = classifications
    }

    public func findings(for accounts: FinalAccounts) -> [Finding] {
        let location = accounts.source ?? SourceLocation()
        var findings = balances(accounts, location) + statedTotals(accounts, location)
        for (name, lines) in [("一般公共预算财政拨款支出决算表", accounts.generalBudgetLines),
                              ("政府性基金预算财政拨款支出决算表", accounts.governmentFundsLines),
                              ("国有资本经营预算财政拨款支出决算表", accounts.stateCapitalLines)] {
            findings += subtotals(lines, statement: name, location) + rows(lines, statement: name, location)
                + codes(lines, year: accounts.fiscalYear, statement: name, location)
        }
        findings += basicAcrossStatements(accounts, location) + procurement(accounts.procurement, location)
        findings += economicCodes(accounts, location)
        return findings
    }

    private func finding(_ rule: String, _ severity: Finding.Severity, _ location: SourceLocation, quote: String,
                         expected: Money, stated: Money, _ explanation: String) -> Finding {
        Finding(rule: rule, severity: severity, location: location, quote: quote,
                expected: expected.wanText + "万元", stated: stated.wanText + "万元", explanation: explanation)
    }

    /// 收入总计 = 支出总计, and 财政拨款收入总计 = 财政拨款支出总计, exactly: each side as the statement states it, else
    /// as its parts add up (a statement computes both from the books, so printed totals are equal to the 分).
    private func balances(_ accounts: FinalAccounts, _ location: SourceLocation) -> [Finding] {
        var findings: [Finding] = []
        func side(_ figure: AccountsFigure, complete: Bool) -> Money? {
            accounts.stated[figure] ?? (complete ? accounts.value(of: figure) : nil)
        }
        let whole = accounts.openingBalance != nil && accounts.closingBalance != nil
        if let income = side(.incomeTotal, complete: whole), let spending = side(.spendingTotal, complete: whole), income != spending {
            findings.append(finding(
                "final.balance", .error, location, quote: "收入总计 \(income.wanText)万元，支出总计 \(spending.wanText)万元",
                expected: income, stated: spending,
                "收入总计（本年收入 + 使用非财政拨款结余 + 年初结转和结余）\(income.wanText)万元，应等于支出总计（本年支出 + 结余分配 + 年末结转和结余）\(spending.wanText)万元"))
        }
        let fiscal = accounts.appropriation.openingBalance != nil && accounts.appropriation.closingBalance != nil
        if let income = side(.appropriationIncomeTotal, complete: fiscal), let spending = side(.appropriationSpendingTotal, complete: fiscal),
            income != spending {
            findings.append(finding(
                "final.appropriation-balance", .error, location, quote: "财政拨款收入总计 \(income.wanText)万元，支出总计 \(spending.wanText)万元",
                expected: income, stated: spending,
                "财政拨款收入总计（本年财政拨款收入 + 年初财政拨款结转和结余）\(income.wanText)万元，应等于财政拨款支出总计（本年财政拨款支出 + 年末财政拨款结转和结余）\(spending.wanText)万元"))
        }
        return findings
    }

    /// Each total a document states against the sum of its lines, to the printed precision.
    private func statedTotals(_ accounts: FinalAccounts, _ location: SourceLocation) -> [Finding] {
        AccountsFigure.allCases.compactMap { figure in
            guard let stated = accounts.stated[figure], let computed = accounts.value(of: figure),
                !PrintedPrecision.sumMatches(total: stated.amount(in: .wan), sum: computed.amount(in: .wan), count: accounts.lineCount(of: figure), decimals: 2)
            else { return nil }
            return finding(
                "final.total", .error, location, quote: "\(figure.label) \(stated.wanText)万元", expected: computed, stated: stated,
                "\(figure.label)为 \(stated.wanText)万元，按各项计算为 \(computed.wanText)万元")
        }
    }

    /// Each 类 and 款 line against the lines under it (the next level that has lines: a 类 whose 款 are not printed
    /// sums its 项); the lines are grouped once by the names above them.
    private func subtotals(_ lines: [FunctionalLine], statement: String, _ location: SourceLocation) -> [Finding] {
        var below: [[String]: [FunctionalLine]] = [:]
        for line in lines where line.level > 1 {
            for level in 1..<line.level { below[Array(line.names.prefix(level)), default: []].append(line) }
        }
        return lines.compactMap { line in
            guard let under = below[line.names], let next = under.map(\.level).min() else { return nil }
            let children = under.filter { $0.level == next }
            guard let sum = FinalAccounts.sum(children.map(\.actual)),
                !PrintedPrecision.sumMatches(total: line.actual.amount(in: .wan), sum: sum.amount(in: .wan), count: children.count, decimals: 2)
            else { return nil }
            let list = children.map { "\($0.names.last ?? "") \($0.actual.wanText)" }.joined(separator: " + ")
            return finding(
                "final.subtotal", .error, location, quote: "\(line.path) \(line.actual.wanText)万元", expected: sum, stated: line.actual,
                "\(statement)中“\(line.path)”为 \(line.actual.wanText)万元，其下各项之和为 \(list) = \(sum.wanText)万元")
        }
    }

    /// Each line's 基本支出 + 项目支出 against its 合计, where the line gives all three.
    private func rows(_ lines: [FunctionalLine], statement: String, _ location: SourceLocation) -> [Finding] {
        lines.compactMap { line in
            guard let basic = line.basic, let project = line.project, let sum = FinalAccounts.sum([basic, project]), sum != line.actual,
                !PrintedPrecision.sumMatches(total: line.actual.amount(in: .wan), sum: sum.amount(in: .wan), count: 2, decimals: 2)
            else { return nil }
            return Finding(
                rule: "final.row", severity: .error, location: location, quote: "\(line.code ?? "") \(line.names.last ?? "")",
                expected: "合计 \(line.actual.wanText)万元", stated: "基本支出 \(basic.wanText)万元 + 项目支出 \(project.wanText)万元",
                explanation: "\(statement)中“\(line.path)”的基本支出 \(basic.wanText)万元 + 项目支出 \(project.wanText)万元 = \(sum.wanText)万元，与合计 \(line.actual.wanText)万元不符")
        }
    }

    /// 一般公共预算财政拨款基本支出 by 经济分类 against the 基本支出 column of the same spending by 功能分类.
    private func basicAcrossStatements(_ accounts: FinalAccounts, _ location: SourceLocation) -> [Finding] {
        let leaves = FinalAccounts.leaves(accounts.generalBudgetLines)
        guard let economic = accounts.value(of: .generalBudgetBasic), !leaves.isEmpty, leaves.allSatisfy({ $0.basic != nil }) else { return [] }
        guard let functional = FinalAccounts.sum(leaves.map(\.basic)) else { return [] }
        guard !PrintedPrecision.sumMatches(total: economic.amount(in: .wan), sum: functional.amount(in: .wan), count: leaves.count, decimals: 2)
        else { return [] }
        return [finding(
            "final.basic", .error, location, quote: "基本支出 \(economic.wanText)万元", expected: functional, stated: economic,
            "一般公共预算财政拨款基本支出决算表（人员经费 + 公用经费）合计 \(economic.wanText)万元，一般公共预算财政拨款支出决算表的基本支出为 \(functional.wanText)万元")]
    }

    /// 授予小微企业 within 授予中小企业 within 政府采购支出总额.
    private func procurement(_ procurement: Procurement, _ location: SourceLocation) -> [Finding] {
        var findings: [Finding] = []
        if let part = procurement.small, let whole = procurement.smallAndMedium, part > whole {
            findings.append(finding(
                "final.subset", .error, location, quote: "授予小微企业合同金额 \(part.wanText)万元", expected: whole, stated: part,
                "授予小微企业合同金额 \(part.wanText)万元是授予中小企业合同金额的一部分，不能大于它（\(whole.wanText)万元）"))
        }
        if let part = procurement.smallAndMedium, let whole = procurement.total, part > whole {
            findings.append(finding(
                "final.subset", .error, location, quote: "授予中小企业合同金额 \(part.wanText)万元", expected: whole, stated: part,
                "授予中小企业合同金额 \(part.wanText)万元不能大于政府采购支出总额 \(whole.wanText)万元"))
        }
        return findings
    }

    private func codes(_ lines: [FunctionalLine], year: Int, statement: String, _ location: SourceLocation) -> [Finding] {
        guard let classification = classifications.of(.functional, year: year) else {
            guard let code = lines.compactMap(\.code).first else { return [] }
            return [Finding(rule: "final.code", severity: .warning, location: location, quote: statement, expected: "", stated: code,
                            explanation: "\(statement)：没有 \(year) 年度的支出功能分类科目，其编码未核对")]
        }
        return lines.compactMap { line in
            guard let code = line.code, let problem = classification.problem(with: code) else { return nil }
            return Finding(rule: "final.code", severity: .error, location: location, quote: "\(code) \(line.names.last ?? "")",
                           expected: "\(year) 年度科目编码", stated: code, explanation: "\(statement)：\(problem)")
        }
    }

    private func economicCodes(_ accounts: FinalAccounts, _ location: SourceLocation) -> [Finding] {
        guard let classification = classifications.of(.economic, year: accounts.fiscalYear) else { return [] }
        return accounts.basicLines.compactMap { line in
            guard let code = line.code, let problem = classification.problem(with: code) else { return nil }
            return Finding(rule: "final.code", severity: .error, location: location, quote: "\(code) \(line.name)",
                           expected: "\(accounts.fiscalYear) 年度科目编码", stated: code,
                           explanation: "一般公共预算财政拨款基本支出决算表：\(problem)")
        }
    }
}
