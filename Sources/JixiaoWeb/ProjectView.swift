import JixiaoCore
import JixiaoStore

/// The project editor page's body: the evaluation's fields, each indicator row with its recomputed score and the
/// reason, the total and grade, the audit's findings, and the workflow actions this user may take now.
struct ProjectView {
    /// What a viewer may do with the project in its state: all of the page that depends on who is looking.
    struct Capabilities: Hashable, Sendable {
        var edit: Bool
        var submit: Bool
        var review: Bool
        var publish: Bool

        init(_ actor: Actor, agency: String, state: WorkflowState, yearIsOpen: Bool) {
            func may(_ action: WorkflowAction) -> Bool {
                (try? Workflow.apply(action, by: actor, agency: agency, in: state, yearIsOpen: yearIsOpen)) != nil
            }
            edit = may(.edit)
            submit = may(.submit)
            review = may(.approve) || may(.return(comment: "-"))
            publish = may(.publish)
        }
    }

    var csrf: String
    var id: String
    var agency: String
    var name: String
    var fiscalYear: String
    var isProject: Bool
    var state: String
    var version: Int
    var editable: Bool
    var goalExpected: String
    var goalActual: String
    var initialBudget: String
    var adjustedBudget: String
    var spent: String
    var execution: ScoreLine
    var categories: [CategoryView]
    var total: String
    var grade: String
    var profile: String
    var findings: [FindingView]
    var findingCount: Int
    var hasFindings: Bool
    var canSubmit: Bool
    var canReview: Bool
    var canPublish: Bool

    struct CategoryView { var key: String; var name: String; var weight: String; var groups: [GroupView] }
    struct GroupView { var key: String; var name: String; var rows: [RowView] }
    struct RowView {
        var key: String
        var name: String
        var target: String
        var actual: String
        var weight: String
        var statedScore: String
        var note: String
        var line: ScoreLine
        var first: Bool
        var last: Bool
    }
    struct ScoreLine: Encodable { var score: String; var explanation: String; var differs: Bool }
    struct FindingView: Encodable { var severity: String; var isError: Bool; var explanation: String; var location: String }

    /// The body for `record` showing `evaluation` (what is stored, or what the user typed when a save was refused),
    /// scored by `profile`, with `csrf` in its forms.
    init(_ record: ProjectRecord, evaluation: SelfEvaluation, capabilities: Capabilities, csrf: String, profile: ScoringProfile?) {
        self.csrf = csrf
        id = record.id
        agency = record.agency
        name = evaluation.title
        fiscalYear = evaluation.fiscalYear.map(String.init) ?? ""
        isProject = evaluation.kind == .project
        state = record.state.label
        version = record.version
        editable = capabilities.edit
        goalExpected = evaluation.goal.expected
        goalActual = evaluation.goal.actual
        let total = evaluation.budget.total
        initialBudget = total.initialBudget.map { $0.amount(in: .wan).plainText } ?? ""
        adjustedBudget = total.adjustedBudget.map { $0.amount(in: .wan).plainText } ?? ""
        spent = total.spent.map { $0.amount(in: .wan).plainText } ?? ""
        let sheet = profile.map { Scorer(profile: $0).score(evaluation) }
        var lines = (sheet?.rows ?? []).makeIterator()
        func line(_ score: RowScore?) -> ScoreLine {
            guard let score else { return ScoreLine(score: "", explanation: "", differs: false) }
            let differs = score.score != nil && score.statedScore != nil && score.score != score.statedScore
            return ScoreLine(score: score.score?.fixed(2) ?? "—", explanation: score.provenance.explanation, differs: differs)
        }
        execution = line(sheet?.execution)
        categories = evaluation.indicators.categories.enumerated().map { c, category in
            CategoryView(
                key: "c\(c)", name: category.name, weight: category.statedWeight?.plainText ?? "",
                groups: category.groups.enumerated().map { g, group in
                    GroupView(
                        key: "c\(c).g\(g)", name: group.name,
                        rows: group.indicators.enumerated().map { r, row in
                            RowView(
                                key: "c\(c).g\(g).r\(r)", name: row.name, target: row.target, actual: row.actual,
                                weight: row.weight.text, statedScore: row.statedScore.text, note: row.deviationNote,
                                line: line(lines.next()), first: r == 0, last: r == group.indicators.count - 1)
                        })
                })
        }
        self.total = sheet?.total.fixed(2) ?? "—"
        grade = sheet?.gradeLabel ?? "—"
        self.profile = profile.map { "\($0.name)（\($0.reference)）" } ?? "无适用的评分规则"
        findings = (profile.map { EvaluationChecks(profile: $0).findings(for: evaluation) } ?? []).map {
            FindingView(severity: $0.severity.label, isError: $0.severity == .error, explanation: $0.explanation, location: $0.location.description)
        }
        hasFindings = !findings.isEmpty
        findingCount = findings.count
        canSubmit = capabilities.submit
        canReview = capabilities.review
        canPublish = capabilities.publish
    }
}
