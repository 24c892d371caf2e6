import JixiaoCore
import JixiaoStore

/// The document editor page's body (template `document.mustache`): the evaluation's fields, each indicator row with
/// its recomputed score and the reason, the total and grade, the audit's findings, and the workflow actions this user
/// may take now.
struct DocumentPage: Encodable {
    /// What a viewer may do with the document in its state: all of the page that depends on who is looking.
    struct Capabilities: Hashable, Sendable {
        var edit: Bool
        var submit: Bool
        var review: Bool
        var publish: Bool

        init(_ actor: Actor, head: DocumentHead) {
            let yearIsOpen = head.yearSetUp?.isOpen != false
            func may(_ action: WorkflowAction) -> Bool {
                (try? Workflow.apply(action, by: actor, agency: head.agencyID, in: head.state, yearIsOpen: yearIsOpen)) != nil
            }
            edit = may(.edit)
            submit = may(.submit)
            review = may(.approve) || may(.return(comment: "-"))
            publish = may(.publish)
        }
    }

    var csrf: String
    var urls: DocumentURLs
    var agency: String
    var name: String
    var kind: String
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
    /// Where 全年执行数 comes from when a payments ledger gives it.
    var fromLedger: String?
    var execution: ScoreLine
    var categories: [CategoryView]
    var total: String
    var grade: String
    var executionRate: String
    var profile: String
    var findings: [FindingView]
    var findingCount: Int
    var hasFindings: Bool
    /// This document's figures against the unit's other documents of the year.
    var across: [FindingView]
    var hasAcross: Bool
    /// The 基础数据表 of an overall evaluation, as editable fields, and the rates computed from it.
    var baseData: BaseDataView?
    var management: [ManagementGroupView]
    var hasManagement: Bool
    /// Whether the unit reviews the block item by item (the profile counts it in the total).
    var reviewsManagement: Bool
    var managementTotal: String
    var canSubmit: Bool
    var canReview: Bool
    var canPublish: Bool

    struct CategoryView: Encodable { var key: String; var name: String; var weight: String; var groups: [GroupView] }
    struct GroupView: Encodable { var key: String; var name: String; var rows: [RowView] }
    struct RowView: Encodable {
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
    struct BaseDataView: Encodable {
        var authorized: String
        var inPost: String
        var statedRate: String
        var lines: [CostLineView]
        var procurementBudget: String
        var procurementActual: String
    }
    struct CostLineView: Encodable { var key: String; var label: String; var previous: String; var budget: String; var actual: String }
    /// A group of the management block: its header's points and score (blank where the profile has no groups).
    struct ManagementGroupView: Encodable {
        var name: String
        var hasHeader: Bool
        var weight: String
        var score: String
        var explanation: String
        var items: [ManagementView]
    }
    /// One management item: its rate or the unit's deduction (`mgmt.<id>.lost`, `mgmt.<id>.reason`), and why.
    struct ManagementView: Encodable {
        var key: String
        var name: String
        var weight: String
        var rate: String
        var lost: String
        var reason: String
        var score: String
        var explanation: String
    }

    /// The body for `head` showing `evaluation` (what is stored, or what the user typed when a save was refused),
    /// with its `assessment` by the profile in force (nil when none applies), with `csrf` in its forms.
    init(_ head: DocumentHead, evaluation: SelfEvaluation, capabilities: Capabilities, csrf: String, assessment: Assessment?,
         across: [Finding] = []) {
        self.csrf = csrf
        urls = DocumentURLs(head)
        agency = head.agency
        name = evaluation.title
        kind = head.kind.label
        fiscalYear = evaluation.fiscalYear.map(String.init) ?? ""
        isProject = evaluation.kind == .project
        state = head.state.label
        version = head.version
        editable = capabilities.edit
        goalExpected = evaluation.goal.expected
        goalActual = evaluation.goal.actual
        let total = evaluation.budget.total
        initialBudget = total.initialBudget.map { $0.amount(in: .wan).plainText } ?? ""
        adjustedBudget = total.adjustedBudget.map { $0.amount(in: .wan).plainText } ?? ""
        spent = total.spent.map { $0.amount(in: .wan).plainText } ?? ""
        fromLedger = evaluation.budget.ledger.map {
            "审批齐全的支付 \($0.payments) 笔；待审批 \($0.pending.amount(in: .yuan).plainText) 元未计入"
        }
        let sheet = assessment?.sheet
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
        profile = assessment.map { "\($0.profile.name)（\($0.profile.reference)）" } ?? "无适用的评分规则"
        executionRate = sheet?.executionRate.percentText ?? "—"
        let view = { (finding: Finding) in
            FindingView(
                severity: finding.severity.label, isError: finding.severity == .error, explanation: finding.explanation,
                location: finding.location.description)
        }
        findings = (assessment?.findings ?? []).map(view)
        let amount = { (money: Money?) in money.map { $0.amount(in: .wan).plainText } ?? "" }
        baseData = evaluation.baseData.map { data in
            BaseDataView(
                authorized: data.staffing.authorized.map(String.init) ?? "", inPost: data.staffing.inPost.map(String.init) ?? "",
                statedRate: data.staffing.statedRate.value.map { $0.plainText + "%" } ?? "",
                lines: data.costLines.indices.map { index in
                    let figures = data.costLines[index].figures
                    return CostLineView(
                        key: "base.l\(index)", label: data.label(of: index), previous: amount(figures.previousActual),
                        budget: amount(figures.budget), actual: amount(figures.actual))
                },
                procurementBudget: amount(data.procurement.budget), procurementActual: amount(data.procurement.actual))
        }
        let judgments = Dictionary(evaluation.managementReview.map { ($0.indicator, $0) }, uniquingKeysWith: { $1 })
        let counts = assessment?.profile.management?.countsInTotal == true
        let items = (sheet?.management ?? []).map { item in
            ManagementView(
                key: "mgmt.\(item.id)", name: item.name, weight: counts ? item.weight?.plainText ?? "" : "", rate: item.rateText,
                lost: judgments[item.id].map { $0.pointsLost.plainText } ?? "", reason: judgments[item.id]?.reason ?? "",
                score: item.score?.rounded(scale: 2).plainText ?? "", explanation: item.provenance.explanation)
        }
        let groups = sheet?.managementGroups ?? []
        management = groups.isEmpty
            ? items.isEmpty ? [] : [ManagementGroupView(name: "", hasHeader: false, weight: "", score: "", explanation: "", items: items)]
            : groups.map { group in
                ManagementGroupView(
                    name: group.name, hasHeader: true, weight: group.weight.plainText, score: group.score?.rounded(scale: 2).plainText ?? "—",
                    explanation: group.explanation,
                    items: zip(sheet?.management ?? [], items).filter { $0.0.group == group.name }.map(\.1))
            }
        hasManagement = !management.isEmpty
        reviewsManagement = counts
        managementTotal = groups.isEmpty ? "" : sheet?.managementTotal?.rounded(scale: 2).plainText ?? "—"
        self.across = across.map(view)
        hasAcross = !across.isEmpty
        hasFindings = !findings.isEmpty
        findingCount = findings.count
        canSubmit = capabilities.submit
        canReview = capabilities.review
        canPublish = capabilities.publish
    }
}

/// The addresses a document's page links to and posts to.
struct DocumentURLs: Encodable {
    var page: String
    var history: String
    var agency: String
    var project: String?
    var docx: String
    var xlsx: String
    var pdf: String
    var html: String
    var submit: String
    var approve: String
    var `return`: String
    var publish: String
    var editorScript = SiteURL.editorScript.path

    init(_ head: DocumentHead) {
        page = SiteURL.document(head.id).path
        history = SiteURL.documentHistory(head.id).path
        agency = SiteURL.agency(head.agencyID).path
        project = head.projectID.map { SiteURL.project($0).path }
        docx = SiteURL.documentReport(head.id, format: "docx").path
        xlsx = SiteURL.documentReport(head.id, format: "xlsx").path
        pdf = SiteURL.documentReport(head.id, format: "pdf").path
        html = SiteURL.documentReport(head.id, format: "html").path
        submit = SiteURL.documentStep(head.id, .submit).path
        approve = SiteURL.documentStep(head.id, .approve).path
        `return` = SiteURL.documentStep(head.id, .return).path
        publish = SiteURL.documentStep(head.id, .publish).path
    }
}
