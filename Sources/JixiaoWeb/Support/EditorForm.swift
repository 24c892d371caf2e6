import Foundation
import Hummingbird
import JixiaoCore

/// The project editor's form, read back into a self-evaluation. Field names follow the tree: `c0.weight`,
/// `c0.g1.name`, `c0.g1.r2.target`; money in 万元. The structure is the stored one, so a form cannot invent rows;
/// rows are added, removed and moved by the `op` button (`add:c0.g1`, `remove:c0.g1.r2`, `up:…`, `down:…`).
struct EditorForm {
    let form: FormData
    /// The management block of the profile in force: which items the unit may review (`mgmt.<id>.lost`).
    var management: ManagementRules? = nil

    /// `current` with the form's values, then the form's structural operation applied.
    func apply(to current: SelfEvaluation) throws -> SelfEvaluation {
        var evaluation = current
        if current.kind == .project { evaluation.project = try required("project", "项目名称") }
        evaluation.fiscalYear = try year()
        evaluation.goal = PerformanceGoal(expected: form.text("goal.expected"), actual: form.text("goal.actual"))
        evaluation.budget.total = BudgetFigures(
            initialBudget: try money("budget.initial", "年初预算数"), adjustedBudget: try money("budget.adjusted", "全年预算数"),
            spent: try money("budget.spent", "全年执行数"))
        for (c, category) in current.indicators.categories.enumerated() {
            evaluation.indicators.categories[c].statedWeight = try number("c\(c).weight", "“\(category.name)”的权重")?.value
            for (g, group) in category.groups.enumerated() {
                let prefix = "c\(c).g\(g)"
                evaluation.indicators.categories[c].groups[g].name = form[prefix + ".name"].map(Self.trim) ?? group.name
                for (r, row) in group.indicators.enumerated() {
                    let key = "\(prefix).r\(r)"
                    let place = "第\(c + 1)类第\(g + 1)组第\(r + 1)行"
                    guard form[key + ".name"] != nil else { continue }
                    evaluation.indicators.categories[c].groups[g].indicators[r] = Indicator(
                        name: form.text(key + ".name"), target: form.text(key + ".target"), actual: form.text(key + ".actual"),
                        weight: try number(key + ".weight", "\(place)“分值”") ?? .absent,
                        statedScore: try number(key + ".score", "\(place)“得分”") ?? .absent,
                        deviationNote: form.text(key + ".note"), source: row.source)
                }
            }
        }
        if let data = current.baseData, form["base.authorized"] != nil { evaluation.baseData = try baseData(data) }
        if let management, current.kind == .agency { evaluation.managementReview = try review(management, current: current.managementReview) }
        try applyOperation(to: &evaluation.indicators)
        // What the ledger gives (全年执行数) is not the form's: the preview and a refused save show it as stored.
        return evaluation.keepingDerived(from: current)
    }

    /// The 基础数据表's figures from the form: the staff and each line's three amounts (the lines are the stored ones).
    private func baseData(_ current: AgencyBaseData) throws -> AgencyBaseData {
        var data = current
        data.staffing.authorized = try count("base.authorized", "编制数")
        data.staffing.inPost = try count("base.inPost", "实际在职人数")
        data.staffing.statedRate = try percent("base.statedRate", "控制率")
        for index in data.costLines.indices where form["base.l\(index).actual"] != nil {
            let name = data.label(of: index)
            data.costLines[index].figures = CostFigures(
                previousActual: try amount("base.l\(index).previous", "\(name)的上年决算数"),
                budget: try amount("base.l\(index).budget", "\(name)的本年预算数"),
                actual: try amount("base.l\(index).actual", "\(name)的本年决算数"))
        }
        data.procurement.budget = try amount("base.procurement.budget", "政府采购预算")
        data.procurement.actual = try amount("base.procurement.actual", "政府采购金额")
        return data
    }

    /// The unit's review of its management block: for each item of the profile's block the form has, the points it
    /// deducts (blank: not reviewed) and why; reviews of items the form does not show are kept.
    private func review(_ rules: ManagementRules, current: [ManagementJudgment]) throws -> [ManagementJudgment] {
        var review = current
        for rule in rules.indicators where form["mgmt.\(rule.id).lost"] != nil {
            review.removeAll { $0.indicator == rule.id }
            let text = form.text("mgmt.\(rule.id).lost")
            guard !text.isEmpty else {
                if !form.text("mgmt.\(rule.id).reason").isEmpty {
                    throw HTTPError(.unprocessableContent, message: "“\(rule.name)”有自评说明但没有扣分：请填写扣分（计满分填 0）")
                }
                continue
            }
            guard let lost = try? ExactDecimal(parsing: text), lost >= 0, lost <= 1000 else {
                throw HTTPError(.unprocessableContent, message: "“\(rule.name)”的扣分应为 0 或正数（分），读到“\(text.prefix(20))”")
            }
            review.append(ManagementJudgment(indicator: rule.id, pointsLost: lost, reason: form.text("mgmt.\(rule.id).reason")))
        }
        let order = Dictionary(rules.indicators.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        return review.sorted { (order[$0.indicator] ?? .max) < (order[$1.indicator] ?? .max) }
    }

    /// A count of persons: a whole number from 0, or blank.
    private func count(_ field: String, _ label: String) throws -> Int? {
        let text = form.text(field)
        if text.isEmpty { return nil }
        guard let count = Int(text), count >= 0, count <= 10_000_000 else {
            throw HTTPError(.unprocessableContent, message: "“\(label)”应为不小于 0 的整数（人），读到“\(text.prefix(20))”")
        }
        return count
    }

    /// A rate as the table prints it, in percent ("71.4%" or "71.4"); blank is not stated.
    private func percent(_ field: String, _ label: String) throws -> StatedNumber {
        var text = form.text(field)
        if text.isEmpty { return .absent }
        if text.hasSuffix("%") || text.hasSuffix("％") { text.removeLast() }
        guard let number = try? ExactDecimal(parsing: text), number >= 0 else {
            throw HTTPError(.unprocessableContent, message: "“\(label)”应为百分比（如 71.43%），读到“\(form.text(field).prefix(20))”")
        }
        return .value(number)
    }

    /// An amount of the 基础数据表: an amount in 万元, never negative.
    private func amount(_ field: String, _ label: String) throws -> Money? {
        let money = try money(field, label)
        if let money, money < Money(fen: 0) {
            throw HTTPError(.unprocessableContent, message: "“\(label)”不能为负数，读到 \(money.wanText) 万元")
        }
        return money
    }

    /// The `op` button: add a row to a group, remove or move a row.
    private func applyOperation(to tree: inout IndicatorTree) throws {
        let op = form.text("op")
        guard let colon = op.firstIndex(of: ":") else { return }
        let verb = op[..<colon]
        let path = op[op.index(after: colon)...].split(separator: ".").compactMap { Int($0.dropFirst()) }
        guard path.count >= 2, tree.categories.indices.contains(path[0]), tree.categories[path[0]].groups.indices.contains(path[1]) else {
            throw HTTPError(.badRequest, message: "无法识别的编辑操作“\(op)”")
        }
        var rows = tree.categories[path[0]].groups[path[1]].indicators
        if verb == "add" {
            rows.append(Indicator(name: "新指标", target: "", actual: "", weight: .absent))
        } else if path.count == 3, rows.indices.contains(path[2]) {
            let r = path[2]
            switch verb {
            case "remove": rows.remove(at: r)
            case "up" where r > 0: rows.swapAt(r, r - 1)
            case "down" where r + 1 < rows.count: rows.swapAt(r, r + 1)
            case "up", "down": break
            default: throw HTTPError(.badRequest, message: "无法识别的编辑操作“\(op)”")
            }
        } else {
            throw HTTPError(.badRequest, message: "无法识别的编辑操作“\(op)”")
        }
        tree.categories[path[0]].groups[path[1]].indicators = rows
    }

    private static func trim(_ text: String) -> String { text.trimmingCharacters(in: .whitespacesAndNewlines) }

    private func required(_ field: String, _ label: String) throws -> String {
        let text = form.text(field)
        guard !text.isEmpty else { throw HTTPError(.unprocessableContent, message: "“\(label)”不能为空") }
        return text
    }

    private func year() throws -> Int? {
        let text = form.text("fiscalYear")
        if text.isEmpty { return nil }
        guard let year = Int(text), FiscalYear.acceptedYears.contains(year) else {
            throw HTTPError(.unprocessableContent, message: "“年度”应为 \(FiscalYear.acceptedYears.lowerBound) 至 \(FiscalYear.acceptedYears.upperBound) 之间的年份，读到“\(text.prefix(20))”")
        }
        return year
    }

    /// An amount in 万元; blank is "not stated".
    private func money(_ field: String, _ label: String) throws -> Money? {
        let text = form.text(field)
        if text.isEmpty { return nil }
        do {
            if let money = Money(try ExactDecimal(parsing: text), unit: .wan) { return money }
        } catch .outOfRange {
            throw HTTPError(.unprocessableContent, message: "“\(label)”：\(NumeralError.outOfRange.message(for: text))")
        } catch {}
        throw HTTPError(.unprocessableContent, message: "“\(label)”应为金额（万元，如 40.91），读到“\(text.prefix(40))”")
    }

    /// A weight or score: a number, "/" (not applicable) or blank.
    private func number(_ field: String, _ label: String) throws -> StatedNumber? {
        let text = form.text(field)
        if text.isEmpty { return nil }
        if text == "/" || text == "／" { return .notApplicable }
        do {
            return .value(try ExactDecimal(parsing: text))
        } catch .outOfRange {
            throw HTTPError(.unprocessableContent, message: "\(label)：\(NumeralError.outOfRange.message(for: text))")
        } catch {
            throw HTTPError(.unprocessableContent, message: "\(label)应为数字或“/”，读到“\(text.prefix(40))”")
        }
    }
}
