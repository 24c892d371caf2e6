import JixiaoStore

/// A document's history, newest first (template `history.mustache`): who (by the name they had), when, what.
struct HistoryPage: Encodable {
    var frame: PageFrame
    var name: String
    var back: String
    var entries: [HistoryEntry]

    init(frame: PageFrame, head: DocumentHead, entries: [HistoryEntry]) {
        self.frame = frame
        name = head.title
        back = SiteURL.document(head.id).path
        self.entries = entries.reversed().map { entry in
            var entry = entry
            entry.at = BeijingTime.display(entry.at, seconds: true)
            return entry
        }
    }
}
