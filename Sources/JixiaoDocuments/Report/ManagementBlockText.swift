import JixiaoCore

/// The management block of a department report, as seed 001 prints it: each group under its header with its points
/// ("1、预算编审管理（6分）"), each item with the unit's words and how Jixiao scored it, then the group's score.
struct ManagementBlockText {
    let sheet: ScoreSheet

    /// Headings and paragraphs at `level` (the groups) and below.
    func blocks(level: Int) -> [ReportContent.Block] {
        var blocks: [ReportContent.Block] = []
        let groups = sheet.managementGroups.isEmpty
            ? Dictionary(grouping: sheet.management, by: \.group).keys.sorted().map { (name: $0, weight: ExactDecimal?.none, group: ManagementGroupScore?.none) }
            : sheet.managementGroups.map { (name: $0.name, weight: Optional($0.weight), group: Optional($0)) }
        for (number, entry) in groups.enumerated() {
            let points = entry.weight.map { "（\($0.plainText)分）" } ?? ""
            blocks.append(.heading(level, "\(number + 1)、\(entry.name)\(points)"))
            let items = sheet.management.filter { $0.group == entry.name }
            for (index, item) in items.enumerated() {
                let label = items.count > 1 ? "（\(index + 1)）\(item.name)" + (item.weight.map { "（\($0.plainText)分）" } ?? "") + "　" : ""
                let own = item.reason.isEmpty ? "" : item.reason.hasSuffix("。") ? item.reason : item.reason + "。"
                blocks.append(.paragraph(label + own + item.provenance.explanation + "。"))
            }
            if let group = entry.group { blocks.append(.paragraph(group.explanation + "。")) }
        }
        return blocks
    }
}
