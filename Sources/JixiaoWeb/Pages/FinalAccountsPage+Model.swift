import JixiaoCore
import JixiaoDocuments
import JixiaoStore

/// A final-accounts disclosure's page: its key figures, what the checks find, the workflow's buttons, and the
/// disclosure itself as it will be published (sentences, SVG charts, statements).
struct FinalAccountsPage: Encodable {
    var csrf: String
    var urls: DocumentURLs
    var title: String
    var agency: String
    var fiscalYear: Int
    var state: String
    var version: Int
    var figures: [Figure]
    var findings: [DocumentPage.FindingView]
    var hasFindings: Bool
    var canSubmit: Bool
    var canReview: Bool
    var canPublish: Bool
    /// The disclosure's body, rendered and escaped by ``ReportRenderers/htmlBody(_:)``.
    var disclosure: String

    struct Figure: Encodable { var label: String; var value: String }

    init(_ head: DocumentHead, accounts: FinalAccounts, findings: [Finding], disclosure: String, capabilities: DocumentPage.Capabilities, csrf: String) {
        self.csrf = csrf
        urls = DocumentURLs(head)
        title = accounts.title
        agency = head.agency
        fiscalYear = accounts.fiscalYear
        state = head.state.label
        version = head.version
        figures = [AccountsFigure.incomeTotal, .spendingTotal, .income, .spending, .generalBudgetSpending, .officialExpenses].compactMap { figure in
            accounts.value(of: figure).map { Figure(label: figure.label, value: $0.wanText + " 万元") }
        }
        self.findings = findings.map {
            DocumentPage.FindingView(severity: $0.severity.label, isError: $0.severity == .error, explanation: $0.explanation, location: $0.location.description)
        }
        hasFindings = !findings.isEmpty
        canSubmit = capabilities.submit
        canReview = capabilities.review
        canPublish = capabilities.publish
        self.disclosure = disclosure
    }
}
