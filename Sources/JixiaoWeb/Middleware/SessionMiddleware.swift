import Crypto
import Foundation
import Hummingbird
import JixiaoStore

/// Finds the session of a request: the `jixiao_session` cookie (pages) or `Authorization: Bearer` (the API, which
/// ignores cookies, so no page can make a browser call it). An unknown or expired token is no session at all. A request
/// that may change something reads its session from the database; one that only reads may be served from a kept one.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let accounts: AccountStore

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        var context = context
        let fresh = request.method != .get && request.method != .head
        if let authorization = request.headers[.authorization], authorization.hasPrefix("Bearer ") {
            context.session = try await accounts.session(tokenHash: SessionToken.hash(String(authorization.dropFirst(7))), fresh: fresh)
            context.bearer = context.session != nil
        } else if !request.uri.path.hasPrefix(SiteURL.apiPrefix), let token = request.cookies[SessionToken.cookieName]?.value {
            context.session = try await accounts.session(tokenHash: SessionToken.hash(token), fresh: fresh)
        }
        return try await next(request, context)
    }
}

/// Session tokens: 256 random bits, kept by the browser in an HttpOnly, SameSite=Lax cookie and by the database
/// only as their SHA-256.
enum SessionToken {
    static let cookieName = "jixiao_session"
    static let lifetime: TimeInterval = 12 * 3600

    static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        return hex((0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) })
    }

    static func hash(_ token: String) -> String {
        hex(SHA256.hash(data: Data(token.utf8)))
    }

    /// Lower-case hexadecimal, two digits a byte (String(format:) costs 4 % of a cached page on Linux).
    private static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The session cookie; `secure` when the site is served over HTTPS (the browser then never sends it in clear).
    static func cookie(_ token: String, secure: Bool) -> Cookie {
        Cookie(name: cookieName, value: token, maxAge: Int(lifetime), path: "/", secure: secure, httpOnly: true, sameSite: .lax)
    }

    static func expiredCookie(secure: Bool) -> Cookie {
        Cookie(name: cookieName, value: "", maxAge: 0, path: "/", secure: secure, httpOnly: true, sameSite: .lax)
    }
}
