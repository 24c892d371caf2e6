import HTTPTypes
import Hummingbird

/// The headers every answer carries, errors and redirects included: a Content-Security-Policy that allows only the
/// site's own script and style files (no inline script, no framing: `frame-ancestors 'none'`), `nosniff`, no
/// referrer sent to other sites, and no framing by browsers that predate CSP.
struct SecurityHeaders: RouterMiddleware {
    typealias Context = WebContext

    static let fields: HTTPFields = [
        .contentSecurityPolicy: "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
        .xContentTypeOptions: "nosniff",
        HTTPField.Name("Referrer-Policy")!: "same-origin",
        HTTPField.Name("X-Frame-Options")!: "DENY",
        HTTPField.Name("Cross-Origin-Opener-Policy")!: "same-origin",
    ]

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        do {
            var response = try await next(request, context)
            Self.add(to: &response.headers)
            return response
        } catch var error as HTTPError {
            Self.add(to: &error.headers)
            throw error
        }
    }

    private static func add(to headers: inout HTTPFields) {
        for field in fields where headers[field.name] == nil { headers.append(field) }
    }
}
