import Foundation
import Hummingbird
import JixiaoCore
import JixiaoDocuments
import JixiaoStore

/// The web application: pages for units, reviewers, the finance bureau and the public, and the JSON API, over
/// one store. `router()` is what both the server and the router tests run.
public struct WebApp: Sendable {
    let database: StoreDatabase
    let pages: Pages
    let profiles: ProfileCatalog
    /// The report outlines; a document is reported in the first for its kind.
    let outlines: [ReportOutline]
    /// bcrypt's cost for new passwords (12 in production; tests lower it to stay fast).
    let bcryptCost: UInt8
    /// Whether cookies carry `Secure`: set when users reach the site over HTTPS (through a proxy).
    let secureCookies: Bool
    /// Whether publishing makes the report's PDF in the background (the server does; tests need not start LibreOffice).
    let warmsPublishedPDFs: Bool
    let documentPages = DocumentPageCache()
    let pdfs = PDFQueue()
    /// In-year monitoring: the province's rules and the working calendars, by year.
    let monitoring: MonitoringRules
    let calendars: [Int: WorkingCalendar]
    /// When each kind of a year's documents is due (the collection dashboard's "late").
    let schedule: CollectionSchedule
    /// The year ZIPs being made and made, one per fiscal year.
    let yearArchives = YearArchives()

    public var store: DocumentStore { database.store }
    public var accounts: AccountStore { database.accounts }

    public init(database: StoreDatabase, profiles: ProfileCatalog, bcryptCost: UInt8 = 12, secureCookies: Bool = false,
        warmsPublishedPDFs: Bool = false
    ) async throws {
        self.database = database
        self.pages = try await Pages.load()
        self.profiles = profiles
        self.outlines = try ReportOutline.builtins()
        self.monitoring = try RuleFiles.monitoringRules()
        self.calendars = try RuleFiles.calendars()
        self.schedule = try RuleFiles.collectionSchedule()
        self.bcryptCost = bcryptCost
        self.secureCookies = secureCookies
        self.warmsPublishedPDFs = warmsPublishedPDFs
    }

    public func router() -> Router<WebContext> {
        let router = Router(context: WebContext.self)
        router.add(middleware: ConnectionLoop())
        router.add(middleware: SecurityHeaders())
        router.add(middleware: ErrorPages(pages: pages))
        router.add(middleware: SessionMiddleware(accounts: accounts))
        router.get(RouterPath(.stylesheet)) { _, _ in Self.stylesheet }
        router.get(RouterPath(.editorScript)) { _, _ in Self.editorScript }
        addAuthRoutes(to: router)
        addDocumentRoutes(to: router)
        addProjectRoutes(to: router)
        addLedgerRoutes(to: router)
        addMonitoringRoutes(to: router)
        addPreviewRoutes(to: router)
        addWorkflowRoutes(to: router)
        addReviewRoutes(to: router)
        addCollectionRoutes(to: router)
        addBulkRoutes(to: router)
        addAdminRoutes(to: router)
        addPublicRoutes(to: router)
        addAPIRoutes(to: router)
        return router
    }

    /// The server on `host`:`port`. A connection that sends nothing for 30 seconds is closed, so slow or silent
    /// clients cannot hold connections open.
    public func application(host: String, port: Int) -> some ApplicationProtocol {
        Application(
            router: router(), server: .http1(configuration: .init(idleTimeout: .seconds(30))),
            configuration: .init(address: .hostname(host, port: port), serverName: "Jixiao"))
    }

    private static let stylesheet = staticFile("site.css", type: "text/css; charset=utf-8")
    private static let editorScript = staticFile("editor.js", type: "text/javascript; charset=utf-8")

    /// A file of Resources/Static, read once.
    private static func staticFile(_ name: String, type: String) -> Response {
        let url = Bundle.module.resourceURL?.appendingPathComponent("Static/" + name)
        let data = url.flatMap { try? Data(contentsOf: $0) } ?? Data()
        return Response(
            status: .ok, headers: [.contentType: type, .cacheControl: "public, max-age=3600"],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
