import Foundation

/// How a score was computed: the rule, the formula, the explanation and the profile. The inputs are the row's own
/// figures (``RowScore/inputs``), so every point can explain itself.
public struct Provenance: Hashable, Sendable, Codable {
    /// Which rule applied.
    public var rule: ScoreRule
    /// The formula in words, e.g. "分值 × 实际值 / 目标值".
    public var formula: String
    /// One sentence in Chinese explaining the result.
    public var explanation: String
    /// "mof-2020-project@2020.1"
    public var profile: String

    /// A named input of a formula.
    public struct Input: Hashable, Sendable, Codable {
        public var name: String
        public var value: String

        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    public init(rule: ScoreRule, formula: String, explanation: String, profile: String) {
        self.rule = rule
        self.formula = formula
        self.explanation = explanation
        self.profile = profile
    }
}

/// The rules of DOMAIN.md §3 a score can come from.
public enum ScoreRule: String, Hashable, Sendable, Codable {
    case execution
    case positive
    case negative
    case equality
    case qualitative
    case period
    case matchingStatement
    case parts
    case notApplicable
    case noData
    /// The value needs an evaluator's judgement or could not be read: the stated score is kept, capped at the weight.
    case acceptedStated
    /// A management indicator's rate over the base data, scored by the profile's bands.
    case management
}
