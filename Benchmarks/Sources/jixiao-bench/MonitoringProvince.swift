import Foundation
import JixiaoCore

/// `jixiao-bench monitor-province --projects N --out FILE`: a synthetic province's monitoring tables for 2023, in
/// Jixiao's JSON format, for `jixiao monitor FILE --month M`. Projects follow four paths of cumulative execution, a
/// quarter each, so the warnings expected at every milestone are known: on track (never warned); late starter (behind
/// in April only); slow (behind in April, June and August: inspected, then on track in October); stalled (behind at
/// every milestone). A tenth of the projects report goal achievement far ahead of execution.
enum MonitoringProvince {
    static let paths: [[(Int, String)]] = [
        [(4, "30"), (6, "45"), (8, "65"), (10, "85")],
        [(4, "20"), (6, "45"), (8, "65"), (10, "85")],
        [(4, "10"), (6, "30"), (8, "50"), (10, "85")],
        [(4, "5"), (6, "15"), (8, "25"), (10, "35")],
    ]

    static func write(projects: Int, to url: URL) throws {
        var reports: [MonitoringReport] = []
        reports.reserveCapacity(projects)
        for index in 0..<projects {
            let path = paths[index % paths.count]
            let budget = Money(fen: Int64(100 + index % 400) * 1_000_000)
            let spent = path.map { month, percent in
                MonthlySpent(month: month, amount: Money(fen: budget.fen * Int64(percent)! / 100))
            }
            let completion = index % 10 == 9 ? ExactDecimal("0.99") : nil
            reports.append(MonitoringReport(
                fiscalYear: 2023, agency: Agency(name: "第\(index / 10 + 1)单位"), project: "项目\(index + 1)", initialBudget: budget,
                spent: spent,
                indicators: [IndicatorProgress(name: "完成率", target: "≥95%", progress: "按计划推进", completion: completion)]))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try encoder.encode(reports).write(to: url)
        let counts = [4, 6, 8, 10].map { month in
            let behind = paths.filter { path in
                let percent = Int(path.first { $0.0 == month }!.1)!
                let minimum = [4: 25, 6: 40, 8: 60, 10: 80][month]!
                return percent < minimum
            }.count
            return "\(month)月 \(behind * projects / paths.count)"
        }
        print("wrote \(projects) monitoring tables to \(url.path); execution warnings expected by milestone: \(counts.joined(separator: "，"))")
    }
}
