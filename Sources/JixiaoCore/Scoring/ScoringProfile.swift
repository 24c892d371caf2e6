import Foundation

/// A versioned set of scoring rules (评分规则): weights, formulas' parameters, bands and grades.
///
/// Profiles are data (JSON), one file each, so a province or a new year's rules are added without
/// recompiling. The built-in ones live in `Resources/Profiles`; see ``ProfileCatalog``.
public struct ScoringProfile: Hashable, Sendable, Codable {
    public var id: String
    public var version: String
    public var name: String
    /// Whether this is the profile a kind is scored by where nothing else is chosen (one per kind; optional in files).
    public var isDefault: Bool?
    public var evaluationKind: EvaluationKind
    public var execution: ExecutionRule
    public var categories: [CategoryRule]
    public var defaultDirection: DirectionRule
    /// A negative-direction indicator scores 0 once actual reaches this multiple of the target (2 by default).
    public var negativeZeroAtMultiple: ExactDecimal
    public var qualitativeBands: QualitativeBands
    public var grades: [GradeRule]
    public var deviationNote: DeviationNoteRule
    /// Scores are rounded to this many decimals, once, at the end.
    public var scoreDecimals: Int
    /// The management indicators computed from an agency's 基础数据表, for agency profiles that have them.
    public var management: ManagementRules?

    /// "mof-2020-project@2020.1"
    public var reference: String { "\(id)@\(version)" }

    /// The execution-rate item (预算执行率): weight × min(rate, cap).
    public struct ExecutionRule: Hashable, Sendable, Codable {
        public var weight: ExactDecimal
        /// Which budget figure is the denominator.
        public var basis: Basis
        /// The highest rate that counts (1 = 100 %).
        public var cap: ExactDecimal

        public enum Basis: String, Hashable, Sendable, Codable {
            /// 全年预算数
            case adjustedBudget
            /// 年初预算数
            case initialBudget
        }
    }

    /// A level-1 category and its weight under this profile.
    public struct CategoryRule: Hashable, Sendable, Codable {
        public var kind: CategoryKind
        public var name: String
        public var weight: ExactDecimal
        /// Header texts that name this category in real tables ("项目完成指标" for 产出).
        public var aliases: [String]
        public var groups: [String]
    }

    /// The direction used when a quantitative target has no comparator ("26人", "180万元").
    public struct DirectionRule: Hashable, Sendable, Codable {
        public var `default`: Direction
        /// Level-2 or level-1 names containing `contains` take `direction` ("成本" → negative); first match wins.
        public var matches: [Match]

        public struct Match: Hashable, Sendable, Codable {
            public var contains: String
            public var direction: Direction
        }
    }

    /// The share of the weight each qualitative level may score, in percent.
    public struct QualitativeBands: Hashable, Sendable, Codable {
        public var achieved: Band
        public var partial: Band
        public var notAchieved: Band

        public func band(for level: Achievement) -> Band {
            switch level {
            case .achieved: achieved
            case .partial: partial
            case .notAchieved: notAchieved
            }
        }
    }

    /// A range of percentages of the weight.
    public struct Band: Hashable, Sendable, Codable {
        public var min: ExactDecimal
        public var max: ExactDecimal
    }

    /// The lowest total that earns a grade.
    public struct GradeRule: Hashable, Sendable, Codable {
        public var grade: Grade
        public var label: String
        public var minimum: ExactDecimal
    }

    /// When a deviation explanation (偏差原因分析) is required.
    public struct DeviationNoteRule: Hashable, Sendable, Codable {
        /// Whenever a row scores below its weight.
        public var belowWeight: Bool
        /// Whenever actual ≥ this ratio of the target (1.3 in some provinces); nil when not required.
        public var aboveTargetRatio: ExactDecimal?
    }

    /// The category rule a level-1 header names, matched by alias.
    public func category(named header: String) -> CategoryRule? {
        categories.first { rule in rule.aliases.contains { header.holds($0) } }
    }

    /// The direction for a target written without a comparator in `group` under `category`.
    public func direction(category: String, group: String) -> Direction {
        let match = defaultDirection.matches.first { group.holds($0.contains) || category.holds($0.contains) }
        return match?.direction ?? defaultDirection.default
    }

    /// The grade a total earns.
    public func grade(for total: ExactDecimal) -> GradeRule? {
        grades.sorted { $0.minimum > $1.minimum }.first { total >= $0.minimum }
    }

    /// A new evaluation's indicator tree under this profile: each level-1 category with its first level-2 group.
    public var blankTree: IndicatorTree {
        IndicatorTree(categories: categories.map {
            IndicatorCategory(name: $0.name, groups: $0.groups.prefix(1).map { IndicatorGroup(name: $0) })
        })
    }

    /// The sum of the level-1 weights, the execution item and a management block that counts in the total: 100 for
    /// a well-formed profile.
    public var totalWeight: ExactDecimal {
        categories.reduce(execution.weight) { $0 + $1.weight } + (management?.countsInTotal == true ? management?.weight ?? 0 : 0)
    }
}

/// The kinds of level-1 indicator.
public enum CategoryKind: String, Hashable, Sendable, Codable {
    case output, benefit, satisfaction, cost
}

/// 等级: 优 · 良 · 中 · 差.
public enum Grade: String, Hashable, Sendable, Codable {
    case excellent, good, fair, poor
}
