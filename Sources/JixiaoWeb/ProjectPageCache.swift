import JixiaoStore
import Synchronization

/// Rendered project-page bodies by project version and by what the viewer may do there. A body depends on nothing
/// else (the viewer's CSRF token is put in on the way out), and every save or workflow step makes a new version, so
/// an entry is never stale; the oldest entries go first when the cache is over its size.
final class ProjectPageCache: Sendable {
    struct Key: Hashable, Sendable {
        var head: ProjectHead
        var capabilities: ProjectView.Capabilities
    }

    /// Stands for the viewer's CSRF token in a cached body. It is rendered HTML-escaped (`&lt;csrf/&gt;`), which user
    /// text can never produce: a user's `&` is itself escaped to `&amp;`.
    static let csrfMarker = "<csrf/>"
    private static let escapedMarker = "&lt;csrf/&gt;"

    /// A body cut at its CSRF markers: the viewer's token goes between the pieces.
    private struct Body {
        var pieces: [Substring]
        var bytes: Int
    }

    private struct Entries {
        var bodies: [Key: Body] = [:]
        var order: [Key] = []
        var bytes = 0
    }

    private let entries = Mutex(Entries())
    private let capacityBytes: Int

    init(capacityBytes: Int = 64 << 20) {
        self.capacityBytes = capacityBytes
    }

    /// The body for `key` with `csrf` in its forms, rendering and keeping it if it is not cached yet.
    func body(for key: Key, csrf: String, render: () async throws -> String) async rethrows -> String {
        let body: Body
        if let cached = entries.withLock({ $0.bodies[key] }) {
            body = cached
        } else {
            let html = try await render()
            body = Body(pieces: html.split(separator: Self.escapedMarker, omittingEmptySubsequences: false), bytes: html.utf8.count)
            keep(body, for: key)
        }
        return body.pieces.joined(separator: csrf)
    }

    private func keep(_ body: Body, for key: Key) {
        entries.withLock { entries in
            guard entries.bodies.updateValue(body, forKey: key) == nil else { return }
            entries.order.append(key)
            entries.bytes += body.bytes
            while entries.bytes > capacityBytes, !entries.order.isEmpty {
                let oldest = entries.order.removeFirst()
                entries.bytes -= entries.bodies.removeValue(forKey: oldest)?.bytes ?? 0
            }
        }
    }
}
