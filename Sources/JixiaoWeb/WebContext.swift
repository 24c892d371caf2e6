import Hummingbird
import JixiaoOffice
import JixiaoStore
import NIOCore

/// The per-request context: the signed-in session (nil for the public) and how it was presented.
public struct WebContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The signed-in user and their CSRF token, when the request carries a live session.
    public var session: SessionRecord?
    /// True when the session came as `Authorization: Bearer` (the JSON API), which browsers never send on their
    /// own, so such requests need no CSRF token.
    public var bearer = false
    /// The address the connection comes from, for throttling sign-in (nil in router tests).
    public var remoteAddress: String?
    /// The event loop of the request's connection (`ConnectionLoop` runs the request there).
    public var eventLoop: any EventLoop

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.remoteAddress = source.channel.remoteAddress?.ipAddress
        self.eventLoop = source.channel.eventLoop
    }

    /// Uploads (the 自评表 XLSX) are refused above this size before they are read.
    public var maxUploadSize: Int { WebLimits.uploadBytes }
}

/// The web layer's size limits.
public enum WebLimits {
    public static let uploadBytes = 10 * 1024 * 1024
    /// Form posts of the project editor (a large indicator tree is a few hundred KiB).
    public static let formBytes = 2 * 1024 * 1024
    /// The bureau's ZIP of units' files (a few hundred 自评表 of tens of KiB each).
    public static let bulkBytes = 64 * 1024 * 1024
    /// What the bureau's ZIP may hold: each file as large as one upload, 256 MiB in all, 2,000 files.
    static let bulkArchive = PackageLimits(maximumPartBytes: uploadBytes, maximumTotalBytes: 256 << 20, maximumEntries: 2_000)

    /// The request's body, refused (413) from its Content-Length before anything is read when that is over `limit`,
    /// and when more than `limit` bytes arrive.
    static func body(of request: Request, limit: Int) async throws -> ByteBuffer {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
            throw HTTPError(.contentTooLarge, message: "上传内容过大（\(length / 1024) KiB），上限为 \(limit / 1024 / 1024) MiB")
        }
        var request = request
        do { return try await request.collectBody(upTo: limit) } catch {
            throw HTTPError(.contentTooLarge, message: "上传内容过大，上限为 \(limit / 1024 / 1024) MiB")
        }
    }
}
