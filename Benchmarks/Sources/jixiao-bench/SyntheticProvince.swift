import Foundation
import JixiaoCore

/// Generates a province's worth of project self-evaluations with the kinds of texts real tables hold,
/// deterministic for a seed, so runs compare like with like.
struct SyntheticProvince {
    var projects: Int
    var indicatorsPerProject: Int
    var seed: UInt64

    /// A small deterministic generator (SplitMix64).
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func int(_ range: ClosedRange<Int>) -> Int {
            range.lowerBound + Int(next() % UInt64(range.count))
        }
    }

    /// (target, actual, level-2 group) texts in the shapes of seeds 003 and 004.
    static func pair(_ random: inout Random) -> (String, String, String) {
        let n = random.int(1...60)
        let m = max(0, n + random.int(-3...3))
        switch random.int(0...13) {
        case 0: return ("≥\(80 + n % 20)%", "\(80 + m % 21)%", "服务对象满意度指标")
        case 1: return ("不少于\(n)次", "\(m)次", "数量指标")
        case 2: return ("\(n)万元", "已支付\(m).\(random.int(0...99))万元", "成本指标")
        case 3: return ("\(n)人", "\(m)人", "数量指标")
        case 4: return ("\(90 + n % 10)%以上", "\(90 + m % 11)%", "质量指标")
        case 5: return ("全市安全生产形势稳定向好。", ["全部完成", "基本达到预期效果", "完成"][random.int(0...2)], "社会效益指标")
        case 6: return ("1.是；\n2.是。", ["1.是；\n2.是。", "1.是；\n2.否。"][random.int(0...1)], "质量指标")
        case 7: return ("\(2020 + n % 5)年全年", "\(2020 + n % 5)年全年", "时效指标")
        case 8: return ("专线光纤网络\(n)条，每年设备维护不少于\(n % 4 + 1)次", "专线光纤网络\(m)条，每年设备维护\(m % 5)次", "数量指标")
        case 9: return ("≤\(n * 10)万元", "\(m * 10 + random.int(0...30))万元", "经济成本指标")
        case 10: return ("\(n)名在职人员和\(n % 3 + 1)名退休人员", "\(m)名在职人员和\(n % 3 + 1)名退休人员", "数量指标")
        case 11: return ("\(80 + n % 19)以上", "\(80 + m % 20)以上", "服务对象满意度指标")
        case 12: return ("持续提升安全生产和应急管理工作能力。", "持续提升安全生产和应急管理工作能力。", "可持续影响指标")
        default: return ("＞\(n % 5 + 1)年（影响年数）", "\(m % 6 + 1)年", "可持续影响指标")
        }
    }

    /// The level-1 category each level-2 group belongs to under the national profile.
    static func category(of group: String) -> String {
        switch group {
        case "服务对象满意度指标": "满意度指标"
        case "社会效益指标", "经济效益指标", "生态效益指标", "可持续影响指标": "效益指标"
        default: "产出指标"
        }
    }

    func generate() -> [SelfEvaluation] {
        var random = Random(state: seed)
        var evaluations: [SelfEvaluation] = []
        evaluations.reserveCapacity(projects)
        let weights: [String: Int] = ["产出指标": 50, "效益指标": 30, "满意度指标": 10]
        for index in 0..<projects {
            // One row for each category first, so every project has the national profile's three categories.
            var rows: [(String, String, String)] = []
            while rows.count < indicatorsPerProject {
                let pair = Self.pair(&random)
                let needed = ["产出指标", "效益指标", "满意度指标"].first { name in !rows.contains { Self.category(of: $0.2) == name } }
                if let needed, Self.category(of: pair.2) != needed, rows.count >= indicatorsPerProject - 3 { continue }
                rows.append(pair)
            }
            var categories: [IndicatorCategory] = []
            for name in ["产出指标", "效益指标", "满意度指标"] {
                let members = rows.filter { Self.category(of: $0.2) == name }
                guard !members.isEmpty, let total = weights[name] else { continue }
                let share = total / members.count
                var groups: [IndicatorGroup] = []
                for (position, (target, actual, group)) in members.enumerated() {
                    let weight = share + (position == 0 ? total - share * members.count : 0)
                    let indicator = Indicator(
                        name: "指标\(position + 1)", target: target, actual: actual, weight: .value(ExactDecimal(weight)),
                        statedScore: .value(ExactDecimal(max(0, weight - random.int(0...2)))))
                    if groups.last?.name == group { groups[groups.count - 1].indicators.append(indicator) }
                    else { groups.append(IndicatorGroup(name: group, indicators: [indicator])) }
                }
                categories.append(IndicatorCategory(name: name, statedWeight: ExactDecimal(total), groups: groups))
            }
            let budget = Int64(random.int(10_000...5_000_000)) * 100
            var evaluation = SelfEvaluation(
                kind: .project, fiscalYear: 2023, agency: Agency(name: "单位\(index / 10)"), project: "项目\(index)")
            evaluation.budget.total = BudgetFigures(
                initialBudget: Money(fen: budget), adjustedBudget: Money(fen: budget),
                spent: Money(fen: budget * Int64(random.int(60...100)) / 100))
            evaluation.budget.executionWeight = .value(10)
            evaluation.indicators = IndicatorTree(categories: categories)
            evaluations.append(evaluation)
        }
        return evaluations
    }
}
