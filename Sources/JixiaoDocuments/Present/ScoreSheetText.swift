import Foundation
import JixiaoCore
import JixiaoOffice

/// Renders a ``ScoreSheet`` for people: the indicator table with stated and recomputed scores side by side,
/// the total and grade, the weight-tree problems, and the reason for every difference.
public enum ScoreSheetText {
    public static func render(_ sheet: ScoreSheet) -> String {
        var lines: [String] = []
        lines.append("【\(sheet.title)】")
        lines.append("评分规则：\(sheet.profile)（\(sheet.profileName)）")
        lines.append("")
        lines.append(row("#", "一级指标", "二级指标", "三级指标", "分值", "填报", "重算", "差异"))
        lines.append(String(repeating: "─", count: 100))
        for (index, score) in sheet.allRows.enumerated() {
            lines.append(row(
                String(index + 1), score.category, score.group, score.displayName,
                score.weight?.plainText ?? "/", score.statedScore?.plainText ?? "—",
                score.roundedScore?.fixed(2) ?? "—", signed(score.difference)))
        }
        lines.append(String(repeating: "─", count: 100))
        let statedTotal = sheet.statedTotal.score.value ?? sheet.statedScoreTotal
        lines.append(row(
            "", "合计", "", "", sheet.itemWeightTotal.plainText, statedTotal.plainText, sheet.total.fixed(2),
            signed(sheet.total - statedTotal)))
        lines.append("")
        lines.append("重算总分：\(sheet.total.fixed(2))　等级：\(sheet.gradeLabel ?? "—")"
            + "　（填报总分：\(sheet.statedTotal.score.value?.plainText ?? "—")"
            + (sheet.statedGrade.map { "，填报等级：\($0)" } ?? "") + "）")
        if !sheet.weightProblems.isEmpty {
            lines.append("")
            lines.append("分值结构问题：")
            for problem in sheet.weightProblems {
                let level = problem.severity == .error ? "错误" : "提示"
                let place = problem.source?.cell.map { "（\($0)）" } ?? ""
                lines.append("  [\(level)] \(problem.message)\(place)")
            }
        }
        if !sheet.management.isEmpty {
            lines.append("")
            lines.append("管理指标（按基础数据表和单位自评计算）：")
            for score in sheet.management {
                let reason = score.reason.isEmpty ? "" : "（单位自评：\(score.reason)）"
                lines.append("  \(DisplayWidth.fit(score.name, 24)) \(DisplayWidth.fit(score.rateText, 10, alignRight: true))　\(score.provenance.explanation)\(reason)")
            }
            for group in sheet.managementGroups {
                lines.append("  \(group.explanation)")
            }
        }
        let differing = sheet.allRows.enumerated().filter { $0.element.difference.map { $0 != 0 } ?? false }
        if !differing.isEmpty {
            lines.append("")
            lines.append("得分差异及原因：")
            for (index, score) in differing {
                lines.append("  #\(index + 1) \(score.displayName)：填报 \(score.statedScore?.plainText ?? "—")，重算 \(score.roundedScore?.fixed(2) ?? "—")。\(score.provenance.explanation)")
            }
        }
        let judged = sheet.allRows.enumerated().filter {
            [.acceptedStated, .noData].contains($0.element.provenance.rule) || $0.element.deviationNoteMissing
        }
        if !judged.isEmpty {
            lines.append("")
            lines.append("需要人工关注：")
            for (index, score) in judged {
                var notes: [String] = []
                if score.provenance.rule == .acceptedStated || score.provenance.rule == .noData {
                    notes.append(score.provenance.explanation)
                }
                if score.deviationNoteMissing { notes.append("得分低于分值或超额完成，但未填写偏差原因分析") }
                lines.append("  #\(index + 1) \(score.displayName)：\(notes.joined(separator: "；"))")
            }
        }
        lines.append("")
        lines.append("计分依据：")
        for (index, score) in sheet.allRows.enumerated() {
            lines.append("  #\(index + 1) [\(score.provenance.rule.rawValue)] \(score.provenance.explanation)")
        }
        return lines.joined(separator: "\n")
    }

    private static func row(
        _ number: String, _ level1: String, _ level2: String, _ level3: String,
        _ weight: String, _ stated: String, _ recomputed: String, _ difference: String
    ) -> String {
        DisplayWidth.fit(number, 3) + DisplayWidth.fit(level1, 12) + " " + DisplayWidth.fit(level2, 14) + " "
            + DisplayWidth.fit(level3, 36) + DisplayWidth.fit(weight, 6, alignRight: true)
            + DisplayWidth.fit(stated, 7, alignRight: true) + DisplayWidth.fit(recomputed, 9, alignRight: true)
            + DisplayWidth.fit(difference, 9, alignRight: true)
    }

    private static func signed(_ value: ExactDecimal?) -> String {
        guard let value, value != 0 else { return "" }
        return (value > 0 ? "+" : "") + value.fixed(2)
    }
}
