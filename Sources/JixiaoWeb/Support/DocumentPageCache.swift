import Foundation
import JixiaoStore

/// Rendered document-page bodies by document version and by what the viewer may do there. A body depends on nothing
/// else: it is rendered with an empty CSRF token and the viewer's token is put into its forms on the way out. Every
/// save or workflow step makes a new version, so an entry is never stale; the oldest entries go first when the cache
/// is over its size.
final class DocumentPageCache: Sendable {
    struct Key: Hashable, Sendable {
        var head: DocumentHead
        var capabilities: DocumentPage.Capabilities
        /// The unit's other documents of the year the page is compared with ("id@version"): a change to one is a new page.
        var siblings: [String]
    }

    /// The token the cached body is rendered with.
    static let renderedToken = ""
    /// The forms' token field as the template writes it. It is found by its markup: the raw `"` it holds is one
    /// that text a user typed can never produce, since the templates HTML-escape every field (`"` → `&quot;`), so
    /// only the template's own fields are filled, whatever the page's text.
    private static let emptyField = #"name="_csrf" value="""#

    /// A body cut at its token fields: the viewer's token goes between the pieces.
    private struct Body: Sendable {
        var pieces: [Substring]
        var bytes: Int

        /// Cut where the field's bytes are, found with `memchr` and `memcmp` (a generic substring search was a
        /// tenth of a page).
        init(_ html: String) {
            var html = html
            let field = Array(DocumentPageCache.emptyField.utf8)
            let offsets: [Int] = html.withUTF8 { text in
                guard let base = text.baseAddress else { return [] }
                var found: [Int] = []
                var from = 0
                while from + field.count <= text.count,
                    let hit = memchr(base + from, Int32(field[0]), text.count - from) {
                    let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    if at + field.count <= text.count, memcmp(base + at, field, field.count) == 0 {
                        found.append(at)
                        from = at + field.count
                    } else {
                        from = at + 1
                    }
                }
                return found
            }
            var pieces: [Substring] = []
            var start = html.utf8.startIndex
            for offset in offsets {
                let at = html.utf8.index(html.utf8.startIndex, offsetBy: offset)
                pieces.append(html[start..<at])
                start = html.utf8.index(at, offsetBy: field.count)
            }
            pieces.append(html[start...])
            self.pieces = pieces
            self.bytes = html.utf8.count
        }
    }

    private let bodies: BoundedCache<Key, Body>

    init(capacityBytes: Int = 64 << 20) {
        bodies = BoundedCache(capacity: capacityBytes, cost: \.bytes)
    }

    /// The body for `key` with `csrf` in its forms, rendering and keeping it if it is not cached yet.
    func body(for key: Key, csrf: String, render: () async throws -> String) async rethrows -> String {
        let body: Body
        if let cached = bodies.value(for: key) {
            body = cached
        } else {
            body = Body(try await render())
            bodies.keep(body, for: key)
        }
        let field = #"name="_csrf" value=""# + Self.attribute(csrf) + "\""
        var html = ""
        html.reserveCapacity(body.bytes + field.utf8.count * body.pieces.count)
        for (index, piece) in body.pieces.enumerated() {
            if index > 0 { html += field }
            html += piece
        }
        return html
    }

    /// A session token is hexadecimal; anything else is dropped rather than written into an attribute.
    private static func attribute(_ token: String) -> String {
        String(token.unicodeScalars.filter { $0.properties.isASCIIHexDigit }.map(Character.init))
    }
}
