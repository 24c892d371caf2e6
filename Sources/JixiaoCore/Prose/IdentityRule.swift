/// Accounting identities printed in one sentence: 收入总计 = 支出总计 (both include carry-overs), and for a
/// fund: 预算 ± 调整 − 实际支出 (− 收回) = 结余结转.
struct IdentityRule {
    func totals(_ sentence: ProseSentence) -> Finding? {
        guard let income = sentence.amounts.first(where: { $0.lead.hasSuffix("收入总计") }),
            let expense = sentence.amounts.first(where: { $0.lead.hasSuffix("支出总计") }),
            let left = income.wan, let right = expense.wan, left != right
        else { return nil }
        return sentence.finding(
            "prose.identity", .error, expected: "收入总计 = 支出总计", stated: "\(income.printed) ≠ \(expense.printed)",
            "收入总计与支出总计（均含年初、年末结转和结余）应相等，文中分别为 \(income.printed) 和 \(expense.printed)")
    }

    /// "预算支出29.50万元，年中执行调增270.08万元，实际支出56.58万元，结余结转0万元".
    func balance(_ sentence: ProseSentence) -> Finding? {
        /// The first amount led by the first of `words` that leads any (so "实际支出" wins over "支出").
        func amount(_ words: [String]) -> ProseFigure? {
            for word in words {
                if let figure = sentence.amounts.first(where: { $0.lead.hasSuffix(word) && !$0.lead.hasSuffix("收回" + word) }) {
                    return figure
                }
            }
            return nil
        }
        guard let budget = amount(["预算支出", "预算数", "预算", "项目支出"]),
            let spent = amount(["实际支出", "已支付", "支出"]), spent != budget,
            let balance = amount(["结余结转", "结转结余", "年末结转", "结余"]),
            let b = budget.wan, let s = spent.wan, let c = balance.wan
        else { return nil }
        let increase = amount(["调增", "追加"])?.wan ?? .zero
        let decrease = amount(["调减"])?.wan ?? .zero
        let recovered = amount(["收回预算", "收回"])?.wan ?? .zero
        let expected = b + increase - decrease - s - recovered
        if expected == c { return nil }
        // The one amount in 元 that, read in 万元, closes the identity is a unit slip.
        if case .amount(.yuan) = spent.kind, b + increase - decrease - spent.value - recovered == c {
            return sentence.finding(
                "prose.unit", .error, expected: spent.numeral + "万元", stated: spent.printed,
                "“\(spent.printed)”应为 \(spent.numeral)万元：按万元计 \(b.plainText) − \(spent.numeral) − \(recovered.plainText) = \(c.plainText)，与结转数相符")
        }
        var terms = budget.printed
        if increase != .zero { terms += " + \(increase.plainText)" }
        if decrease != .zero { terms += " − \(decrease.plainText)" }
        terms += " − \(spent.printed)"
        if recovered != .zero { terms += " − \(recovered.plainText)" }
        let named: [(String, ProseFigure?, Int)] = [
            ("结余结转", balance, -1), ("预算", budget, 1), ("调增", amount(["调增", "追加"]), 1), ("调减", amount(["调减"]), -1),
            ("实际支出", spent, -1), ("收回", amount(["收回预算", "收回"]), -1),
        ]
        let corrections = CandidateCorrections(terms: named.compactMap { name, figure, sign in
            guard let figure, let value = figure.wan else { return nil }
            return CandidateCorrections.Term(name: name, value: value, sign: sign)
        })
        let gap = expected - c
        return sentence.finding(
            "prose.balance", .error, expected: corrections.text(gap: gap), stated: balance.printed,
            "预算、调整、支出与结余结转不平：\(terms) = \(expected.plainText)万元，文中结余结转为 \(balance.printed)，相差 \(gap.plainText)万元；以下任一更正都能使其平衡")
    }
}
