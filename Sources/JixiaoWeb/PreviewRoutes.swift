import Hummingbird
import JixiaoCore
import JixiaoStore

extension WebApp {
    /// `POST /projects/:id/preview`: the editor's current values scored and checked without saving, for the page's
    /// script to show the scores, grade and findings as the user types. Answers JSON; a value that cannot be read
    /// is `{"error": …}` naming the field.
    func addPreviewRoutes(to router: Router<WebContext>) {
        router.post("/projects/:id/preview") { request, context -> Response in
            let user = try Guard.user(request, context)
            var form = try await FormData.read(request, limit: WebLimits.formBytes)
            try Guard.csrf(form, context)
            let record = try await Guard.store { try await store.project(context.parameters.require("id"), for: user.actor) }
            form.fields["op"] = nil
            let edited: SelfEvaluation
            do {
                edited = try EditorForm(form: form).apply(to: record.evaluation)
            } catch let error as HTTPError {
                return try Self.json(["error": error.body ?? "无法读取表单"], status: .unprocessableContent)
            }
            let year = try await store.fiscalYear(record.fiscalYear)
            let capabilities = ProjectView.Capabilities(user.actor, agency: record.agency, state: record.state, yearIsOpen: year?.isOpen != false)
            let view = ProjectView(record, evaluation: edited, capabilities: capabilities, csrf: "", profile: try? await profile(for: edited))
            return try Self.json(ProjectPreview(view))
        }
    }
}

/// What the editor's script updates: the total, the grade, each row's recomputed score by its form key, the findings.
struct ProjectPreview: Encodable {
    var total: String
    var grade: String
    var execution: ProjectView.ScoreLine
    var rows: [String: ProjectView.ScoreLine]
    var findings: [ProjectView.FindingView]

    init(_ view: ProjectView) {
        total = view.total
        grade = view.grade
        execution = view.execution
        rows = Dictionary(uniqueKeysWithValues: view.categories.flatMap(\.groups).flatMap(\.rows).map { ($0.key, $0.line) })
        findings = view.findings
    }
}
