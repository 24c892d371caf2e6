/// A report's prose read once for all checks: its paragraphs and, for each, its sentences with their figures.
public struct ReportProse: Sendable {
    public let paragraphs: [Paragraph]
    let sentences: [[ProseSentence]]

    public init(paragraphs: [Paragraph]) {
        self.paragraphs = paragraphs
        sentences = paragraphs.map { paragraph in
            let texts = FigureExtractor.sentences(in: paragraph.text)
            return texts.enumerated().map { number, text in
                var location = paragraph.location
                if texts.count > 1 { location.sentence = number + 1 }
                return ProseSentence(text: text, location: location)
            }
        }
    }

    /// The characters of sentence `number` (1-based, as the checks number them) in a paragraph's `text`.
    public static func characters(ofSentence number: Int, in text: String) -> Range<Int>? {
        let texts = FigureExtractor.sentences(in: text)
        guard texts.indices.contains(number - 1) else { return nil }
        let start = texts[..<(number - 1)].reduce(0) { $0 + $1.count }
        return start..<(start + texts[number - 1].count)
    }

    /// Every sentence in order.
    var allSentences: [ProseSentence] { sentences.flatMap { $0 } }
}
