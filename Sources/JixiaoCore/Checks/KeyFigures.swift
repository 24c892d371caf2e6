/// The headline figures of one document, by label, for comparing the documents of one unit: 全年预算数,
/// 全年执行数, 基本支出, 项目支出, 人员经费, 公用经费 … as the tables and the prose state them.
public struct KeyFigures: Sendable {
    public static let labels = ["年初预算数", "全年预算数", "全年执行数", "基本支出", "项目支出", "人员经费", "公用经费",
                                "收入总计", "支出总计", "财政拨款支出"]

    /// The labels whose figures are a project's, not the unit's: two documents' are compared only when both are about
    /// the same project (two projects of one unit have their own budgets).
    static let projectLabels: Set = ["年初预算数", "全年预算数", "全年执行数"]

    public let file: String
    /// The project the document is about; nil for a unit-wide document or a project report that does not name it.
    public let project: String?
    /// Whether the document is about one project (a 项目支出 evaluation or report), named or not.
    public let isProjectDocument: Bool
    /// Each label's values in 万元, with where the first of each was read.
    public private(set) var values: [String: [ExactDecimal: SourceLocation]] = [:]

    /// `project` names the project when the caller knows it better than the document (the web's project id);
    /// else the evaluation's project name.
    public init(file: String, prose: ReportProse, evaluations: [SelfEvaluation], project: String? = nil) {
        self.init(file: file, prose: prose, budgets: evaluations.map(ComparedFigures.init), project: project)
    }

    /// The figures of a document's prose and of the budgets of the evaluations it holds.
    public init(file: String, prose: ReportProse, budgets: [ComparedFigures], project: String? = nil) {
        self.file = file
        let title = prose.paragraphs.prefix(4).map(\.text).joined()
        self.project = project ?? budgets.lazy.compactMap(\.project).first
        isProjectDocument = budgets.contains { $0.kind == .project } || (budgets.isEmpty && title.contains("项目支出"))
        for sentence in prose.allSentences {
            for figure in sentence.amounts {
                guard let value = figure.wan,
                    let label = Self.labels.first(where: { figure.lead.hasSuffix($0) || figure.lead.hasSuffix($0 + "为") })
                else { continue }
                record(label, value, sentence.location)
            }
        }
        for evaluation in budgets {
            let place = evaluation.source ?? SourceLocation(file: file)
            let row = evaluation.budget.source
            let total = evaluation.budget.total
            if let value = total.initialBudget { record("年初预算数", value.amount(in: .wan), row?.at(.initial) ?? place) }
            if let value = total.adjustedBudget { record("全年预算数", value.amount(in: .wan), row?.at(.target) ?? place) }
            if let value = total.spent { record("全年执行数", value.amount(in: .wan), row?.at(.actual) ?? place) }
            for item in evaluation.budget.breakdown where Self.labels.contains(item.label) {
                record(item.label, item.amount.amount(in: .wan), item.source ?? place)
            }
        }
    }

    private mutating func record(_ label: String, _ value: ExactDecimal, _ location: SourceLocation) {
        if values[label]?[value] == nil { values[label, default: [:]][value] = location }
    }
}

/// The same figure must agree across the documents of one unit: a label whose values in two documents have
/// nothing in common is reported.
public struct CrossDocumentChecks: Sendable {
    public init() {}

    /// Every pair of `documents` compared.
    public func findings(_ documents: [KeyFigures]) -> [Finding] {
        KeyFigures.labels.flatMap { label in
            documents.indices.flatMap { index in
                documents[(index + 1)...].compactMap { finding(label, documents[index], $0) }
            }
        }
    }

    /// `document` compared with each of `others` (the web's page of one document beside its unit's other documents
    /// of the year).
    public func findings(_ document: KeyFigures, against others: [KeyFigures]) -> [Finding] {
        KeyFigures.labels.flatMap { label in others.compactMap { finding(label, document, $0) } }
    }

    /// The finding when the two documents state `label` and no value of one is a value of the other.
    private func finding(_ label: String, _ first: KeyFigures, _ second: KeyFigures) -> Finding? {
        guard Self.comparable(first, second, on: label), let a = first.values[label], let b = second.values[label],
            Set(a.keys).isDisjoint(with: b.keys), let (value, place) = a.min(by: { $0.key < $1.key }), let other = b.keys.min()
        else { return nil }
        return Finding(
            rule: "cross.documents", severity: .warning, location: place,
            quote: "\(label) \(value.plainText)万元", expected: "\(other.plainText)万元（\(second.file)）",
            stated: "\(value.plainText)万元（\(first.file)）",
            explanation: "同一单位的两份文件中“\(label)”不一致：\(first.file) 为 \(a.keys.sorted().map(\.plainText).joined(separator: "、"))万元，\(second.file) 为 \(b.keys.sorted().map(\.plainText).joined(separator: "、"))万元")
    }

    /// A project's figure (年初预算数, 全年预算数, 全年执行数) is compared only between documents about that same project;
    /// a unit's figure (基本支出, 公用经费 …) between any two of the unit's documents.
    static func comparable(_ first: KeyFigures, _ second: KeyFigures, on label: String) -> Bool {
        guard KeyFigures.projectLabels.contains(label) else { return true }
        if first.isProjectDocument || second.isProjectDocument {
            return first.project != nil && first.project == second.project
        }
        return true
    }
}
