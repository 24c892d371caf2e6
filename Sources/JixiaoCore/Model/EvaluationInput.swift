/// What a self-evaluation must satisfy before it is stored, whichever way it came in (the editor's form, the JSON
/// API, an imported table, the examples): every text one that XML 1.0 and the official documents can carry and of a
/// bounded length, a fiscal year in ``FiscalYear/acceptedYears``, an indicator tree of bounded size. The store
/// calls it on every write, so no way in can skip it.
public enum EvaluationInput {
    /// Names (unit, project, indicator, category): far above any real one.
    public static let maximumNameCharacters = 500
    /// Free text (goal, targets, notes, each narrative paragraph).
    public static let maximumTextCharacters = 20_000
    /// Indicator rows in one tree (a real 自评表 has a few dozen).
    public static let maximumIndicators = 2_000

    /// The first problem, as a message that names the field; nil when the evaluation may be stored.
    public static func problem(in evaluation: SelfEvaluation) -> String? {
        if let year = evaluation.fiscalYear, !FiscalYear.acceptedYears.contains(year) {
            return "“年度”应为 \(FiscalYear.acceptedYears.lowerBound) 至 \(FiscalYear.acceptedYears.upperBound) 之间的年份，收到 \(year)"
        }
        let rows = evaluation.indicators.indicators.count
        if rows > maximumIndicators { return "指标有 \(rows) 行，超过上限 \(maximumIndicators) 行" }
        if let data = evaluation.baseData, let problem = negative(in: data) { return problem }
        if let lines = evaluation.baseData?.costLines {
            if lines.count > maximumIndicators { return "基础数据表经费控制有 \(lines.count) 行，超过上限 \(maximumIndicators) 行" }
            if let index = lines.indices.first(where: { index in lines[index].parent.map { $0 < 0 || $0 >= index } ?? false }) {
                return "基础数据表第 \(index + 1) 行“\(lines[index].name)”的所属行应为它之前的一行"
            }
        }
        let review = evaluation.managementReview
        if review.count > maximumIndicators { return "管理指标自评有 \(review.count) 项，超过上限 \(maximumIndicators) 项" }
        if let judgment = review.first(where: { $0.pointsLost < 0 }) {
            return "管理指标“\(judgment.indicator)”的扣分应为 0 或正数，收到 \(judgment.pointsLost.plainText)"
        }
        for (field, text, limit) in texts(of: evaluation) {
            if let problem = problem(in: text, limit: limit) { return "“\(field)”\(problem)" }
        }
        return nil
    }

    /// A count, amount or area of the 基础数据表 below zero, named; nil when there is none.
    static func negative(in data: AgencyBaseData) -> String? {
        let counts = [("编制数", data.staffing.authorized), ("实际在职人数", data.staffing.inPost), ("年末实有人数", data.staffing.yearEnd)]
        if let (name, _) = counts.first(where: { ($0.1 ?? 0) < 0 }) { return "基础数据表“\(name)”不能为负数" }
        let lines = data.costLines.map { ($0.name, $0.figures) } + [("政府采购金额", data.procurement), ("基本支出预算调整", data.basicBudgetAdjustment)]
        for (name, figures) in lines {
            for (column, figure, _) in CostFigures.columns where (figures[keyPath: figure]?.fen ?? 0) < 0 {
                return "基础数据表“\(name)”的\(column)不能为负数"
            }
        }
        for building in data.buildings {
            let values = [building.approvedArea, building.actualArea, building.budgetedInvestment?.amount(in: .wan), building.actualInvestment?.amount(in: .wan)]
            if values.contains(where: { ($0 ?? 0) < 0 }) { return "基础数据表楼堂馆所的规模和投资不能为负数" }
        }
        return nil
    }

    /// The first problem among named texts of any document (a ledger's payees, a monitoring table's reasons), naming
    /// the field; nil when all may be stored.
    public static func problem(inFields fields: [(String, String)]) -> String? {
        for (field, text) in fields {
            if let problem = problem(in: text, limit: maximumTextCharacters) { return "“\(field)”\(problem)" }
        }
        return nil
    }

    /// Why `text` cannot be stored (a character XML cannot carry, a control character, too long), or nil.
    public static func problem(in text: String, limit: Int) -> String? {
        var count = 0
        for scalar in text.unicodeScalars {
            count += 1
            if !isAllowed(scalar) {
                return "含有不可用的字符 U+\(String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4))（控制字符或 XML 不能表示的字符），请删除后重试"
            }
        }
        if count > limit { return "长度 \(count) 个字符，超过上限 \(limit) 个" }
        return nil
    }

    /// Tab and line breaks, and any character that is not a control character or a Unicode noncharacter.
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: true
        case 0..<0x20, 0x7F...0x9F, 0xFDD0...0xFDEF: false
        default: scalar.value & 0xFFFE != 0xFFFE
        }
    }

    /// Every text of the evaluation with the name of its field and its length limit.
    private static func texts(of evaluation: SelfEvaluation) -> [(String, String, Int)] {
        let (name, text) = (maximumNameCharacters, maximumTextCharacters)
        var texts: [(String, String, Int)] = [
            ("单位名称", evaluation.agency.name, name), ("主管部门", evaluation.agency.supervisingAgency ?? "", name),
            ("项目名称", evaluation.project ?? "", name), ("年度绩效目标", evaluation.goal.expected, text),
            ("实际完成情况", evaluation.goal.actual, text), ("等级", evaluation.statedGrade ?? "", name),
        ]
        texts += evaluation.budget.breakdown.map { ("资金明细", $0.label, name) }
        for (c, category) in evaluation.indicators.categories.enumerated() {
            texts.append(("第\(c + 1)类一级指标", category.name, name))
            for (g, group) in category.groups.enumerated() {
                texts.append(("第\(c + 1)类第\(g + 1)组二级指标", group.name, name))
                for (r, row) in group.indicators.enumerated() {
                    let place = "第\(c + 1)类第\(g + 1)组第\(r + 1)行"
                    texts += [("\(place)三级指标", row.name, name), ("\(place)年度指标值", row.target, text),
                              ("\(place)实际完成值", row.actual, text), ("\(place)偏差原因", row.deviationNote, text)]
                }
            }
        }
        for (section, paragraphs) in evaluation.narrative.sorted(by: { $0.key < $1.key }) {
            texts.append(("报告章节名", section, name))
            texts += paragraphs.map { ("报告正文（\(section)）", $0, text) }
        }
        if let data = evaluation.baseData {
            texts += data.costLines.map { ("基础数据表行名", $0.name, name) }
            texts.append(("厉行节约保障措施", data.savingMeasures, text))
        }
        texts += evaluation.managementReview.flatMap { [("管理指标", $0.indicator, name), ("管理指标自评（\($0.indicator)）", $0.reason, text)] }
        var sources = [evaluation.source, evaluation.budget.source, evaluation.statedTotal.source]
            + evaluation.indicators.indicators.map(\.source) + evaluation.budget.breakdown.map(\.source)
        if let data = evaluation.baseData {
            sources += [data.staffing.source] + data.costLines.map(\.source) + data.buildings.map(\.source)
        }
        for source in sources.compactMap({ $0 }) {
            texts += [("来源文件", source.file ?? "", name), ("来源工作表", source.sheet ?? "", name), ("来源单元格", source.cell ?? "", name)]
            texts += (source.fields ?? [:]).values.map { ("来源单元格", $0, name) }
        }
        return texts
    }
}

extension String {
    /// The string with leading zeros up to `width` characters ("FFFE", "001F").
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
