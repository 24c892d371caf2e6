/// A paragraph of a report (or a table cell), with where it stands, as the prose checks read it.
public struct Paragraph: Hashable, Sendable {
    public var text: String
    public var location: SourceLocation

    public init(text: String, location: SourceLocation) {
        self.text = text
        self.location = location
    }
}
