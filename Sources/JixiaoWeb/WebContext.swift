import Hummingbird
import JixiaoStore

/// The per-request context: the signed-in session (nil for the public) and how it was presented.
public struct WebContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The signed-in user and their CSRF token, when the request carries a live session.
    public var session: SessionRecord?
    /// True when the session came as `Authorization: Bearer` (the JSON API), which browsers never send on their
    /// own, so such requests need no CSRF token.
    public var bearer = false

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
    }

    /// Uploads (the 自评表 XLSX) are refused above this size before they are read.
    public var maxUploadSize: Int { WebLimits.uploadBytes }
}

/// The web layer's size limits.
public enum WebLimits {
    public static let uploadBytes = 10 * 1024 * 1024
    /// Form posts of the project editor (a large indicator tree is a few hundred KiB).
    public static let formBytes = 2 * 1024 * 1024
}
