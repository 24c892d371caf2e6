import Hummingbird
import JixiaoCore

/// Every address of the site, typed: routes are registered with these (with ":id" and "{format}" as their
/// parameters) and pages link with them, so no URL is written twice.
enum SiteURL {
    case home, login, logout, password
    case stylesheet, editorScript
    /// The documents the user may see, and creating or importing one.
    case documents, documentImport
    /// One document (any kind): its editor, history, downloads, live preview and workflow steps.
    case document(String)
    case documentHistory(String)
    case documentReport(String, format: String)
    case documentPreview(String)
    case documentStep(String, WorkflowVerb)
    /// A payments ledger's new payment and its approvals; a ledger imported for a project.
    case ledgerPayments(String)
    case ledgerApprovals(String)
    case ledgerVoid(String)
    case projectLedgerImport(String)
    /// A monitoring table's edits (execution of a month, indicators' progress, an answer to a warning).
    case monitoringSave(String)
    /// A project across its years, and an agency with its overall evaluations and projects.
    case project(String)
    case agency(String)
    case inbox, overview, overviewExport
    case collection, collectionExport, collectionRemind, bulkImport
    case yearArchive(String), yearArchiveDownload(String)
    case admin, adminAgencies, adminAgency, adminUsers, adminUserPassword, adminUserPositions, adminYears
    case publicList
    case publicReport(String, format: String)
    case api(APIPath)

    var path: String {
        switch self {
        case .home: "/"
        case .login: "/login"
        case .logout: "/logout"
        case .password: "/password"
        case .stylesheet: "/static/site.css"
        case .editorScript: "/static/editor.js"
        case .documents: "/documents"
        case .documentImport: "/documents/import"
        case .document(let id): "/documents/\(id)"
        case .documentHistory(let id): "/documents/\(id)/history"
        case .documentReport(let id, let format): "/documents/\(id)/report.\(format)"
        case .documentPreview(let id): "/documents/\(id)/preview"
        case .documentStep(let id, let verb): "/documents/\(id)/\(verb.rawValue)"
        case .ledgerPayments(let id): "/documents/\(id)/payments"
        case .ledgerApprovals(let id): "/documents/\(id)/approvals"
        case .ledgerVoid(let id): "/documents/\(id)/payments/void"
        case .projectLedgerImport(let id): "/projects/\(id)/ledger"
        case .monitoringSave(let id): "/documents/\(id)/monitoring"
        case .project(let id): "/projects/\(id)"
        case .agency(let id): "/agencies/\(id)"
        case .inbox: "/inbox"
        case .overview: "/overview"
        case .overviewExport: "/overview.xlsx"
        case .collection: "/collection"
        case .collectionExport: "/collection.xlsx"
        case .collectionRemind: "/collection/remind"
        case .bulkImport: "/collection/import"
        case .yearArchive(let year): "/archives/\(year)"
        case .yearArchiveDownload(let year): "/archives/\(year)/download"
        case .admin: "/admin"
        case .adminAgencies: "/admin/agencies"
        case .adminAgency: "/admin/agencies/update"
        case .adminUsers: "/admin/users"
        case .adminUserPassword: "/admin/users/password"
        case .adminUserPositions: "/admin/users/positions"
        case .adminYears: "/admin/years"
        case .publicList: "/public"
        case .publicReport(let id, let format): "/public/\(id)/report.\(format)"
        case .api(let path): Self.apiPrefix + path.path
        }
    }

    /// Where the JSON API's addresses begin: its answers and errors are JSON, its sessions Bearer tokens.
    static let apiPrefix = "/api/"

    /// The route pattern: the path with ":id" for ids and "{format}" for formats.
    static func pattern(_ make: (String) -> SiteURL) -> RouterPath {
        RouterPath(make(":id").path)
    }

    /// The JSON API's addresses (docs/openapi.yaml).
    enum APIPath {
        case session, documents, publicDocuments
        case document(String)
        case documentScore(String)
        case documentHistory(String)
        case documentStep(String, WorkflowVerb)

        var path: String {
            switch self {
            case .session: "session"
            case .documents: "documents"
            case .publicDocuments: "public/documents"
            case .document(let id): "documents/\(id)"
            case .documentScore(let id): "documents/\(id)/score"
            case .documentHistory(let id): "documents/\(id)/history"
            case .documentStep(let id, let verb): "documents/\(id)/\(verb.rawValue)"
            }
        }
    }
}

extension RouterPath {
    init(_ url: SiteURL) {
        self.init(url.path)
    }
}

/// The workflow steps a form or the API can ask for, as their addresses spell them.
enum WorkflowVerb: String, CaseIterable, Sendable {
    case submit, `return`, approve, publish

    /// The step, with the reviewer's comment for a return.
    func action(comment: String) -> WorkflowAction {
        switch self {
        case .submit: .submit
        case .return: .return(comment: comment)
        case .approve: .approve
        case .publish: .publish
        }
    }
}
