import Foundation
import JixiaoCore
import JixiaoOffice

/// A copy of a DOCX report with a Word comment on each finding, anchored on the sentence, paragraph or table cell
/// it is about, so the author sees every finding where it is.
public enum AnnotatedReport {
    public static func write(_ url: URL, findings: [Finding]) throws -> Data {
        let package = try OfficePackage(url: url)
        let document = try DocxReport.read(url: url)
        let texts = Dictionary(document.paragraphs.map { (number($0.location), $0.text) }, uniquingKeysWith: { first, _ in first })
        let comments = findings.map { finding in
            let paragraphs = paragraphs(for: finding.location, in: document)
            let characters = finding.location.sentence.flatMap { sentence in
                texts[paragraphs.lowerBound].flatMap { ReportProse.characters(ofSentence: sentence, in: $0) }
            }
            return WordCommenter.Comment(paragraphs: paragraphs, characters: characters, text: text(of: finding))
        }
        return try WordCommenter.annotate(package, comments: comments)
    }

    /// The paragraphs a finding's location names: "第 N 段", or in "表K" those of its cell (the table's first when no
    /// cell is named); else the first.
    static func paragraphs(for location: SourceLocation, in document: ReportDocument) -> ClosedRange<Int> {
        guard let sheet = location.sheet else {
            let first = document.paragraphs.first.map { number($0.location) } ?? 1
            return first...first
        }
        if sheet.hasPrefix("表"), let table = Int(sheet.dropFirst()), document.tableAnchors.indices.contains(table - 1) {
            return document.tableAnchors[table - 1].paragraphs(of: location.cell.flatMap { CellReference($0) })
        }
        return number(location)...number(location)
    }

    private static func number(_ location: SourceLocation) -> Int {
        Int((location.sheet ?? "").filter(\.isNumber)) ?? 1
    }

    static func text(of finding: Finding) -> String {
        var lines = ["[\(finding.severity.label)] \(finding.explanation)", "应为：\(finding.expected)；文中：\(finding.stated)"]
        if finding.location.cell != nil || finding.location.sentence != nil { lines.append("位置：\(finding.location.place)") }
        lines.append("规则：\(finding.rule)")
        return lines.joined(separator: "\n")
    }
}
