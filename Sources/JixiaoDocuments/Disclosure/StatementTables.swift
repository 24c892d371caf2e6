import JixiaoCore
import JixiaoOffice

/// Which of Jixiao's layouts a statement of a set uses.
public enum StatementTable: String, Codable, Sendable {
    /// 收入支出决算总表
    case summary
    /// 收入决算表
    case income
    /// 支出决算表
    case spending
    /// 财政拨款收入支出决算总表
    case appropriationSummary
    /// 一般公共预算财政拨款支出决算表 (功能分类, 基本 / 项目 / 合计)
    case generalBudget
    /// 一般公共预算财政拨款基本支出决算表 (经济分类)
    case generalBudgetBasic
    /// 一般公共预算财政拨款项目支出决算表 (功能分类, 项目支出)
    case generalBudgetProject
    /// 一般公共预算财政拨款"三公"经费支出决算表
    case officialExpenses
    /// 政府性基金预算财政拨款收入支出决算表
    case governmentFunds
    /// 国有资本经营预算财政拨款支出决算表
    case stateCapital
    /// A statement by 经济分类 detail the final accounts do not hold (财政拨款支出决算明细表 …): its title and a note.
    case notHeld
}

/// The statements (附表) as tables in the national layout, from the final accounts: each a worksheet with its title,
/// the unit and year, its header and its lines (万元, two decimals).
struct StatementTables {
    let accounts: FinalAccounts

    func worksheet(_ spec: DisclosureOutline.StatementSpec) -> WorksheetContent {
        var sheet = WorksheetContent(name: String(spec.title.prefix(28)))
        var row = 1
        func line(_ values: [WorksheetContent.Value], styles: [CellStyle]? = nil) {
            for (index, value) in values.enumerated() {
                sheet.set(CellReference(row: row, column: index + 1), value, style: styles?[index] ?? (index == 0 ? .text : .amount))
            }
            row += 1
        }
        func money(_ amount: Money?) -> WorksheetContent.Value { amount.map { .number($0.amount(in: .wan).fixed(2)) } ?? .text("") }
        func header(_ names: [String]) { line(names.map { .text($0) }, styles: names.map { _ in CellStyle(bold: true) }) }
        switch spec.table {
        case .summary:
            header(["收入项目", "金额", "支出项目", "金额"])
            let left: [(String, Money?)] = accounts.income.map { ($0.source.label, $0.amount) }
                + [("本年收入合计", accounts.value(of: .income)), ("使用非财政拨款结余", accounts.nonFiscalBalanceUsed),
                   ("年初结转和结余", accounts.openingBalance), ("总计", accounts.value(of: .incomeTotal))]
            var right: [(String, Money?)] = FinalAccounts.classes(accounts.generalBudgetLines + accounts.governmentFundsLines + accounts.stateCapitalLines)
                .map { ($0.name, $0.amount) }
            if let spending = accounts.value(of: .spending), let fiscal = accounts.value(of: .appropriationSpending), spending != fiscal {
                right.append(("非财政拨款支出", spending - fiscal))
            }
            right += [("本年支出合计", accounts.value(of: .spending)), ("结余分配", accounts.balanceAllocation),
                      ("年末结转和结余", accounts.closingBalance), ("总计", accounts.value(of: .spendingTotal))]
            for index in 0..<max(left.count, right.count) {
                let l = index < left.count ? left[index] : ("", nil)
                let r = index < right.count ? right[index] : ("", nil)
                line([.text(l.0), money(l.1), .text(r.0), money(r.1)], styles: [.text, .amount, .text, .amount])
            }
        case .income:
            header(["项目", "本年收入合计"] + accounts.income.map(\.source.label))
            line([.text("合计"), money(accounts.value(of: .income))] + accounts.income.map { money($0.amount) })
        case .spending:
            header(["项目", "本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"])
            let kinds = accounts.spending
            line([.text("合计"), money(accounts.value(of: .spending)), money(kinds.basic), money(kinds.project), money(kinds.toSuperior),
                  money(kinds.operating), money(kinds.subsidiaries)])
        case .appropriationSummary:
            header(["收入项目", "金额", "支出项目", "金额"])
            let funds: [(String, IncomeSource, AccountsFigure)] = [
                ("一般公共预算财政拨款", .generalBudget, .generalBudgetSpending), ("政府性基金预算财政拨款", .governmentFunds, .governmentFundsSpending),
                ("国有资本经营预算财政拨款", .stateCapital, .stateCapitalSpending)]
            for (name, source, figure) in funds {
                line([.text(name), money(accounts.income.first { $0.source == source }?.amount), .text(name), money(accounts.value(of: figure))],
                     styles: [.text, .amount, .text, .amount])
            }
            line([.text("年初财政拨款结转和结余"), money(accounts.appropriation.openingBalance), .text("年末财政拨款结转和结余"),
                  money(accounts.appropriation.closingBalance)], styles: [.text, .amount, .text, .amount])
            line([.text("总计"), money(accounts.value(of: .appropriationIncomeTotal)), .text("总计"), money(accounts.value(of: .appropriationSpendingTotal))],
                 styles: [.text, .amount, .text, .amount])
        case .generalBudget, .generalBudgetProject, .governmentFunds, .stateCapital:
            let lines = spec.table == .governmentFunds ? accounts.governmentFundsLines
                : spec.table == .stateCapital ? accounts.stateCapitalLines : accounts.generalBudgetLines
            let projectOnly = spec.table == .generalBudgetProject
            header(["科目编码", "科目名称"] + (projectOnly ? ["项目支出"] : ["预算数", "基本支出", "项目支出", "合计"]))
            for entry in Self.withSubtotals(lines) {
                let name = String(repeating: "　", count: entry.level - 1) + (entry.names.last ?? "")
                let values: [WorksheetContent.Value] = projectOnly ? [money(entry.project)]
                    : [money(entry.budget), money(entry.basic), money(entry.project), money(entry.actual)]
                line([.text(entry.code ?? ""), .text(name)] + values, styles: [.body, .text] + values.map { _ in .amount })
            }
            let total = FinalAccounts.sum(FinalAccounts.leaves(lines).map { projectOnly ? $0.project : $0.actual })
            if lines.isEmpty {
                line([.text(""), .text("（此表无数据）")], styles: [.body, .text])
            } else {
                line([.text(""), .text("合计")] + (projectOnly ? [money(total)] : [.text(""), .text(""), .text(""), money(total)]),
                     styles: [.body, .text] + (projectOnly ? [.amount] : [.amount, .amount, .amount, .amount]))
            }
        case .generalBudgetBasic:
            header(["科目编码", "科目名称", "决算数"])
            for (group, name) in [(EconomicLine.BasicGroup.personnel, "人员经费"), (.publicFunds, "公用经费")] {
                let lines = accounts.basicLines.filter { $0.group == group }
                line([.text(""), .text(name), money(FinalAccounts.sum(lines.map(\.amount)))], styles: [.body, .text, .amount])
                for entry in lines { line([.text(entry.code ?? ""), .text("　" + entry.name), money(entry.amount)], styles: [.body, .text, .amount]) }
            }
            line([.text(""), .text("合计"), money(accounts.value(of: .generalBudgetBasic))], styles: [.body, .text, .amount])
        case .officialExpenses:
            header(["项目", "预算数", "决算数"])
            let expenses = accounts.officialExpenses
            for (name, item) in [("合计", expenses.total), ("1.因公出国（境）费", expenses.overseas), ("2.公务用车购置及运行维护费", expenses.vehicles),
                                 ("（1）公务用车购置费", expenses.vehiclePurchase), ("（2）公务用车运行维护费", expenses.vehicleOperation),
                                 ("3.公务接待费", expenses.reception)] {
                line([.text(name), money(item.budget), money(item.actual)])
            }
        case .notHeld:
            line([.text("所录决算数据未含本表的明细，本表未生成。")], styles: [.text])
        }
        // Names wide, codes and amounts narrow.
        let names: Set<Int> = switch spec.table {
        case .summary, .appropriationSummary: [1, 3]
        case .generalBudget, .generalBudgetProject, .governmentFunds, .stateCapital, .generalBudgetBasic: [2]
        default: [1]
        }
        let coded = [.generalBudget, .generalBudgetProject, .governmentFunds, .stateCapital, .generalBudgetBasic].contains(spec.table)
        sheet.columnWidths = Dictionary(uniqueKeysWithValues: (1...max(sheet.usedRange?.end.column ?? 1, 1)).map { column in
            (column, names.contains(column) ? 30 : coded && column == 1 ? 9 : 11)
        })
        return sheet
    }

    /// The lines with a 类 and 款 line before what is under them (a stated one's code kept, its figures the sum of what
    /// is under it), in order; one pass over the lines and one over their groups.
    static func withSubtotals(_ lines: [FunctionalLine]) -> [FunctionalLine] {
        let leaves = FinalAccounts.leaves(lines)
        var under: [[String]: [FunctionalLine]] = [:]
        for leaf in leaves where leaf.level > 1 {
            for level in 1..<leaf.level { under[Array(leaf.names.prefix(level)), default: []].append(leaf) }
        }
        let codes = Dictionary(lines.compactMap { line in line.code.map { (line.names, $0) } }, uniquingKeysWith: { first, _ in first })
        var result: [FunctionalLine] = []
        var seen: Set<[String]> = []
        for leaf in leaves {
            for level in 1..<max(leaf.level, 1) {
                let names = Array(leaf.names.prefix(level))
                guard seen.insert(names).inserted, let group = under[names] else { continue }
                result.append(FunctionalLine(
                    code: codes[names], names: names,
                    budget: group.contains { $0.budget == nil } ? nil : FinalAccounts.sum(group.map(\.budget)),
                    basic: FinalAccounts.sum(group.map(\.basic)), project: FinalAccounts.sum(group.map(\.project)),
                    actual: FinalAccounts.sum(group.map(\.actual)) ?? Money(fen: 0)))
            }
            result.append(leaf)
        }
        return result
    }
}
