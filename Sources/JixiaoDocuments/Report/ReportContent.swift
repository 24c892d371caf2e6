import JixiaoCore
import JixiaoOffice

/// A report laid out independently of its format: title, headings, paragraphs and tables, in order. The DOCX,
/// HTML and Markdown renderers all write this one content, so the formats cannot differ.
public struct ReportContent: Sendable {
    public enum Block: Sendable {
        case heading(Int, String)
        case paragraph(String)
        /// A centred line (an annex title).
        case caption(String)
        /// A table with its merges and relative column widths; the first `headerRows` repeat on each page.
        case table(WorksheetContent, headerRows: Int)
        case pageBreak
    }

    public var title: String
    public var subtitle: String?
    public var blocks: [Block]

    /// The project self-evaluation report (seeds 000/002) with the 自评表 and the scoring annex, from the evaluation
    /// and its assessment by the profile in force.
    public static func projectReport(_ evaluation: SelfEvaluation, assessment: Assessment, outline: ReportOutline) -> ReportContent {
        let sheet = assessment.sheet
        let facts = ReportFacts(evaluation: evaluation, sheet: sheet, outline: outline)
        var blocks: [Block] = []
        func add(_ section: ReportOutline.Section, level: Int) {
            blocks.append(.heading(level, section.heading))
            let own = section.narrative.flatMap { evaluation.narrative[$0] }?.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? []
            var keys = section.sentences ?? []
            if own.isEmpty { keys = (section.defaultSentences ?? []) + keys }
            var paragraphs = keys.compactMap { key in outline.sentences[key].flatMap(facts.fill) }.filter { !$0.isEmpty }
            paragraphs += own
            if own.isEmpty, let key = section.fromData, let sentences = outline.fromData[key] {
                paragraphs += DataFindings(evaluation: evaluation, assessment: assessment, facts: facts).sentences(sentences)
            }
            blocks += paragraphs.map(Block.paragraph)
            for child in section.sections ?? [] { add(child, level: level + 1) }
        }
        for section in outline.sections { add(section, level: 1) }
        let layout = SelfEvaluationSheetLayout(evaluation: evaluation, scores: .recomputed(sheet))
        blocks += [.pageBreak, .caption("附件1"), .table(layout.worksheet(), headerRows: 0)]
        blocks += [.pageBreak, .caption("附件2　计分说明（\(sheet.profileName)）"),
                   .table(SelfEvaluationWorkbook.annex(sheet), headerRows: 1)]
        return ReportContent(
            title: facts.fill(outline.title) ?? layout.title,
            subtitle: outline.subtitle.flatMap(facts.fill), blocks: blocks)
    }
}
