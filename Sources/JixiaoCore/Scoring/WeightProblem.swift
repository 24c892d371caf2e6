import Foundation

/// A fault in the weight tree: level-1 headers against their rows, the total against 100, points on rows marked "/".
public struct WeightProblem: Hashable, Sendable, Codable {
    /// A stable identifier of the rule, e.g. "weight.category-sum".
    public var rule: String
    public var severity: Severity
    /// What is wrong, in Chinese, with both figures.
    public var message: String
    public var expected: String
    public var stated: String
    public var source: SourceLocation?

    public enum Severity: String, Hashable, Sendable, Codable {
        case error, warning
    }
}
