import Hummingbird
import JixiaoCore
import JixiaoStore

extension WebApp {
    /// `POST /documents/:id/preview`: the editor's current values scored and checked without saving, for the page's
    /// script to show the scores, grade and findings as the user types. Answers JSON; a value that cannot be read
    /// is `{"error": …}` naming the field.
    func addPreviewRoutes(to router: Router<WebContext>) {
        router.post(SiteURL.pattern(SiteURL.documentPreview)) { request, context -> Response in
            let user = try Guard.user(request, context)
            var form = try await FormData.read(request, limit: WebLimits.formBytes)
            try Guard.csrf(form, context)
            let document = try await Guard.store {
                try await store.document(context.parameters.require("id"), as: SelfEvaluation.self, for: user.actor)
            }
            form.fields["op"] = nil
            let edited: SelfEvaluation
            do {
                let rules = try? profiles.profile(for: document.body.kind, in: document.head.yearSetUp).management
                edited = try EditorForm(form: form, management: rules).apply(to: document.body)
            } catch let error as HTTPError {
                return try Self.json(["error": error.body ?? "无法读取表单"], status: .unprocessableContent)
            }
            let view = DocumentPage(
                document.head, evaluation: edited, capabilities: DocumentPage.Capabilities(user.actor, head: document.head), csrf: "",
                assessment: try? await assessment(of: edited))
            return try Self.json(DocumentPreview(view))
        }
    }
}

/// What the editor's script updates: the total, the grade, each row's recomputed score by its form key, the findings.
struct DocumentPreview: Encodable {
    var total: String
    var grade: String
    var execution: DocumentPage.ScoreLine
    var rows: [String: DocumentPage.ScoreLine]
    var findings: [DocumentPage.FindingView]

    init(_ view: DocumentPage) {
        total = view.total
        grade = view.grade
        execution = view.execution
        rows = Dictionary(uniqueKeysWithValues: view.categories.flatMap(\.groups).flatMap(\.rows).map { ($0.key, $0.line) })
        findings = view.findings
    }
}
