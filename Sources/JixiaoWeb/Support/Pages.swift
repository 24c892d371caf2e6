import Foundation
import Hummingbird

/// The server-rendered pages: Mustache templates shipped as resources, parsed once, one `Encodable` view-model
/// struct per page.
struct Pages: Sendable {
    let library: TemplateLibrary

    static func load() async throws -> Pages {
        guard let folder = Bundle.module.resourceURL?.appendingPathComponent("Templates") else {
            throw HTTPError(.internalServerError, message: "找不到页面模板")
        }
        return Pages(library: try TemplateLibrary(folder: folder))
    }

    /// The page `template` filled from `model`, as an HTML response.
    func render(_ template: String, _ model: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        respond(html(template, model), status: status)
    }

    /// `body` (HTML made by `html`) inside the header and footer of `frame`, as an HTML response.
    func render(_ frame: PageFrame, body: String, status: HTTPResponse.Status = .ok) -> Response {
        struct Framed: Encodable { var frame: PageFrame; var body: String }
        return render("framed", Framed(frame: frame, body: body), status: status)
    }

    /// The HTML of `template` filled from `model`.
    func html(_ template: String, _ model: some Encodable) -> String {
        do {
            return library.render(template, try TemplateEncoder.value(of: model)) ?? "模板 \(template) 不存在"
        } catch {
            var message = ""
            HTMLEscape.append("页面数据无法填入模板 \(template)：\(error)", to: &message)
            return message
        }
    }

    private func respond(_ html: String, status: HTTPResponse.Status) -> Response {
        Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}

/// What every page shows around its content: the title, the signed-in user, the navigation and the CSRF token
/// its forms carry.
struct PageFrame: Sendable, Encodable {
    var title: String
    var userName: String?
    var roleLabel: String?
    var csrf: String
    var isUnit = false
    var isReviewer = false
    var isAdmin = false
    var flash: String?
    var site: SiteLinks
    /// Seconds after which the page reloads itself (a progress page), nil for none.
    var refreshSeconds: Int?

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
struct SiteLinks: Sendable, Encodable {
    var home = SiteURL.home.path
    var login = SiteURL.login.path
    var logout = SiteURL.logout.path
    var password = SiteURL.password.path
    var stylesheet = SiteURL.stylesheet.path
    var editorScript = SiteURL.editorScript.path
    var documents = SiteURL.documents.path
    var inbox = SiteURL.inbox.path
    var overview = SiteURL.overview.path
    var collection = SiteURL.collection.path
    var admin = SiteURL.admin.path
    var publicList = SiteURL.publicList.path
    /// The signed-in unit user's own agency page.
    var agency: String?
}
