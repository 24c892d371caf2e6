import Foundation
import Hummingbird
import Mustache

/// The server-rendered pages: swift-mustache templates shipped as resources, one view-model struct per page.
struct Pages: Sendable {
    let library: MustacheLibrary

    static func load() async throws -> Pages {
        guard let folder = Bundle.module.resourceURL?.appendingPathComponent("Templates") else {
            throw HTTPError(.internalServerError, message: "找不到页面模板")
        }
        return Pages(library: try await MustacheLibrary(directory: folder.path))
    }

    /// The page `template` filled from `model`, as an HTML response.
    func render(_ template: String, _ model: Any, status: HTTPResponse.Status = .ok) -> Response {
        respond(html(template, model), status: status)
    }

    /// `body` (HTML made by `html`) inside the header and footer of `frame`, as an HTML response.
    func render(_ frame: PageFrame, body: String, status: HTTPResponse.Status = .ok) -> Response {
        struct Framed { var frame: PageFrame; var body: String }
        return render("framed", Framed(frame: frame, body: body), status: status)
    }

    /// The HTML of `template` filled from `model`.
    func html(_ template: String, _ model: Any) -> String {
        library.render(TemplateModel.convert(model), withTemplate: template) ?? "模板 \(template) 不存在"
    }

    private func respond(_ html: String, status: HTTPResponse.Status) -> Response {
        Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}

/// What every page shows around its content: the title, the signed-in user, the navigation and the CSRF token
/// its forms carry.
struct PageFrame: Sendable {
    var title: String
    var userName: String?
    var roleLabel: String?
    var csrf: String
    var isUnit = false
    var isReviewer = false
    var isAdmin = false
    var flash: String?
    var site: SiteLinks

    init(_ title: String, _ context: WebContext, flash: String? = nil) {
        self.title = title
        self.flash = flash
        csrf = context.session?.csrfToken ?? ""
        site = SiteLinks(agency: context.session?.user.agency.map { SiteURL.agency($0.id).path })
        if let user = context.session?.user {
            userName = user.displayName
            roleLabel = user.role.label
            isUnit = user.role == .unitFiller || user.role == .unitLead
            isReviewer = user.role == .reviewer || user.role == .bureauAdmin
            isAdmin = user.role == .bureauAdmin
        }
    }
}

/// The addresses every page's header and footer link to.
struct SiteLinks: Sendable {
    var home = SiteURL.home.path
    var login = SiteURL.login.path
    var logout = SiteURL.logout.path
    var password = SiteURL.password.path
    var stylesheet = SiteURL.stylesheet.path
    var editorScript = SiteURL.editorScript.path
    var documents = SiteURL.documents.path
    var inbox = SiteURL.inbox.path
    var overview = SiteURL.overview.path
    var admin = SiteURL.admin.path
    var publicList = SiteURL.publicList.path
    /// The signed-in unit user's own agency page.
    var agency: String?
}
