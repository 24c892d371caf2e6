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
        /// A chart with its caption printed under it.
        case chart(WordChart)
        case pageBreak
    }

    public var title: String
    public var subtitle: String?
    public var blocks: [Block]

    /// The self-evaluation report in `outline` (a project report for seeds 000/002, a department report for seed
    /// 004), its annexed tables as the outline lists them, from the evaluation and its assessment by the profile in
    /// force. A section with neither the unit's text nor a sentence the data can write says what the unit must add.
    public static func report(_ evaluation: SelfEvaluation, assessment: Assessment, outline: ReportOutline) throws -> ReportContent {
        guard outline.evaluationKind == evaluation.kind else {
            throw ReportError.wrongKind(outline: outline.id, evaluation: evaluation.kind)
        }
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
            if paragraphs.isEmpty, section.sections == nil, let placeholder = outline.phrases["emptySection"] {
                paragraphs = [placeholder]
            }
            blocks += paragraphs.map(Block.paragraph)
            if section.management == true { blocks += ManagementBlockText(sheet: sheet).blocks(level: level + 1) }
            for child in section.sections ?? [] { add(child, level: level + 1) }
        }
        for section in outline.sections { add(section, level: 1) }
        let layout = SelfEvaluationSheetLayout(evaluation: evaluation, scores: .recomputed(sheet))
        for annex in outline.annexes {
            let table: (WorksheetContent, Int)?
            switch annex.table {
            case .selfEvaluation: table = (layout.worksheet(), 0)
            case .baseData: table = evaluation.baseData.map { (AgencyBaseDataSheet(data: $0, year: evaluation.fiscalYear).worksheet(), 0) }
            case .scoring: table = (SelfEvaluationWorkbook.annex(sheet), 1)
            }
            guard let (worksheet, headerRows) = table else { continue }
            blocks += [.pageBreak, .caption(facts.fill(annex.caption) ?? annex.caption), .table(worksheet, headerRows: headerRows)]
        }
        return ReportContent(
            title: facts.fill(outline.title) ?? layout.title,
            subtitle: outline.subtitle.flatMap(facts.fill), blocks: blocks)
    }
}
