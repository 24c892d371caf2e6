/// A report's prose read once for all checks: its paragraphs and, for each, its sentences with their figures.
public struct ReportProse: Sendable {
    public let paragraphs: [Paragraph]
    let sentences: [[ProseSentence]]

    public init(paragraphs: [Paragraph]) {
        self.paragraphs = paragraphs
        sentences = paragraphs.map { paragraph in
            FigureExtractor.sentences(in: paragraph.text).map { ProseSentence(text: $0, location: paragraph.location) }
        }
    }

    /// Every sentence in order.
    var allSentences: [ProseSentence] { sentences.flatMap { $0 } }
}
