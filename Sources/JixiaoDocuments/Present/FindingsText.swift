import JixiaoCore

/// Renders audit findings for people: per file, errors first, each with where, what was expected and stated, and why.
public enum FindingsText {
    public static func render(file: String, findings: [Finding]) -> String {
        let sorted = findings.sorted { ($0.severity, $0.location.sheet ?? "") < ($1.severity, $1.location.sheet ?? "") }
        let errors = findings.filter { $0.severity == .error }.count
        var lines = ["【\(file)】 错误 \(errors) 项，提示 \(findings.count - errors) 项"]
        for (index, finding) in sorted.enumerated() {
            let place = finding.location.place
            lines.append("\(index + 1). [\(finding.severity.label)] \(finding.rule)\(place.isEmpty ? "" : "（\(place)）")")
            lines.append("   \(finding.explanation)")
            lines.append("   应为：\(finding.expected)　文中：\(finding.stated)")
            if !finding.quote.isEmpty { lines.append("   原文：\(finding.quote)") }
        }
        return lines.joined(separator: "\n")
    }
}
