import Foundation
import JixiaoCore
import JixiaoOffice

/// A copy of a DOCX report with a Word comment on each finding, anchored on the paragraph (or the table) it
/// is about, so the author sees every finding where it is.
public enum AnnotatedReport {
    public static func write(_ url: URL, findings: [Finding]) throws -> Data {
        let package = try OfficePackage(url: url)
        let document = try DocxReport.read(url: url)
        let comments = findings.map { finding in
            WordCommenter.Comment(paragraph: paragraph(for: finding.location, in: document), text: text(of: finding))
        }
        return try WordCommenter.annotate(package, comments: comments)
    }

    /// The paragraph a finding's location names: "第 N 段", or the first paragraph of "表K"; else the first.
    static func paragraph(for location: SourceLocation, in document: ReportDocument) -> Int {
        guard let sheet = location.sheet else { return document.paragraphs.first.map { number($0.location) } ?? 1 }
        if sheet.hasPrefix("表"), let table = Int(sheet.dropFirst()), document.tableAnchors.indices.contains(table - 1) {
            return document.tableAnchors[table - 1]
        }
        return number(location)
    }

    private static func number(_ location: SourceLocation) -> Int {
        Int((location.sheet ?? "").filter(\.isNumber)) ?? 1
    }

    static func text(of finding: Finding) -> String {
        var lines = ["[\(finding.severity.label)] \(finding.explanation)", "应为：\(finding.expected)；文中：\(finding.stated)"]
        if let cell = finding.location.cell { lines.append("位置：\(finding.location.sheet ?? "") \(cell)") }
        lines.append("规则：\(finding.rule)")
        return lines.joined(separator: "\n")
    }
}
