import JixiaoCore

/// A monitoring run as the terminal prints it: each project's warnings, then the counts by milestone month, by kind,
/// overdue answers and projects marked for inspection.
public enum MonitorText {
    public static func render(_ results: [(MonitoringReport, Monitor.Result)], rules: MonitoringRules, asOf: String) -> String {
        var lines = ["\(rules.name)，截至 \(asOf)"]
        var byMonth: [Int: Int] = [:]
        var execution = 0
        var gap = 0
        var overdue = 0
        var unreported = 0
        for (report, result) in results where !result.warnings.isEmpty || result.inspection {
            lines.append("\(report.agency.name) · \(report.project)\(result.inspection ? "（连续预警，列入重点检查）" : "")")
            for warning in result.warnings {
                lines.append("  - " + warning.message)
                switch warning.kind {
                case .execution:
                    execution += 1
                    byMonth[warning.month, default: 0] += 1
                case .gap: gap += 1
                case .unreported, .noBudget: unreported += 1
                }
                if warning.isOverdue { overdue += 1 }
            }
        }
        let inspections = results.filter { $0.1.inspection }.count
        let warned = results.filter { !$0.1.warnings.isEmpty }.count
        lines.append("共 \(results.count) 个项目，\(warned) 个有预警：执行进度预警 \(execution) 条，目标与执行偏差预警 \(gap) 条，未报送或无法计算 \(unreported) 条，逾期未答复 \(overdue) 条，列入重点检查 \(inspections) 个")
        let months = rules.milestones.map(\.month).sorted().map { "\($0)月 \(byMonth[$0] ?? 0) 个" }
        lines.append("各节点执行进度预警：" + months.joined(separator: "，"))
        return lines.joined(separator: "\n")
    }
}
