/// A sentence of a paragraph with its figures, the unit of most prose checks.
struct ProseSentence {
    var text: String
    /// The text as the figure extractor saw it (full-width folded, spaces dropped); figure ranges index it.
    var scalars: [Unicode.Scalar]
    var figures: [ProseFigure]
    var location: SourceLocation

    init(text: String, location: SourceLocation) {
        self.text = text
        self.location = location
        scalars = TextNormalization.normalize(text)
        figures = FigureExtractor.figures(in: scalars)
    }

    /// The offset just after the first occurrence of `word` in ``scalars``.
    func offset(after word: String) -> Int? {
        let pattern = Array(word.unicodeScalars)
        guard pattern.count <= scalars.count else { return nil }
        for start in 0...(scalars.count - pattern.count) where Clause.matches(pattern, in: scalars[...], at: start) {
            return start + pattern.count
        }
        return nil
    }

    /// Whether the sentence holds `word`.
    func has(_ word: String) -> Bool { offset(after: word) != nil }

    var amounts: [ProseFigure] { figures.filter(\.isAmount) }

    /// The sentence trimmed for quoting in a finding.
    var quote: String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.count > 160 ? String(trimmed.prefix(160)) + "…" : trimmed
    }
}

/// Building findings about prose with the location and quote filled in.
extension ProseSentence {
    func finding(_ rule: String, _ severity: Finding.Severity, expected: String, stated: String, _ explanation: String) -> Finding {
        Finding(rule: rule, severity: severity, location: location, quote: quote, expected: expected, stated: stated,
                explanation: explanation)
    }

    /// A finding about `figures` of a whole paragraph: quoting the sentences that hold them, located at the first.
    func finding(covering figures: [ProseFigure], _ rule: String, _ severity: Finding.Severity, expected: String,
                 stated: String, _ explanation: String) -> Finding {
        var finding = finding(rule, severity, expected: expected, stated: stated, explanation)
        let sentences = FigureExtractor.sentences(in: text)
        guard location.sentence == nil, sentences.count > 1, let first = figures.map(\.range.lowerBound).min(),
            let last = figures.map(\.range.lowerBound).max()
        else { return finding }
        func sentence(at offset: Int) -> Int {
            min(scalars[..<offset].filter { FigureExtractor.sentenceEnds.contains($0) }.count, sentences.count - 1)
        }
        let range = sentence(at: first)...sentence(at: last)
        let quoted = sentences[range].joined().trimmingCharacters(in: .whitespacesAndNewlines)
        finding.quote = quoted.count > 240 ? String(quoted.prefix(240)) + "…" : quoted
        finding.location.sentence = range.lowerBound + 1
        return finding
    }
}
