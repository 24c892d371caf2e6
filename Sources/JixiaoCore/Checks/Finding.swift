/// One inconsistency found by the audit: a stable rule id, how serious it is, where it is, what was expected
/// against what is stated, and an explanation in Chinese a reviewer can act on.
public struct Finding: Hashable, Sendable, Codable {
    /// A stable identifier of the rule, e.g. "prose.rate", "weight.category-sum".
    public var rule: String
    public var severity: Severity
    public var location: SourceLocation
    /// The words the finding is about, as printed.
    public var quote: String
    public var expected: String
    public var stated: String
    public var explanation: String

    /// error: the document contradicts itself or gets the arithmetic wrong; warning: small differences,
    /// scoring against the usual rules, narrative contradictions, format or unit problems.
    public enum Severity: String, Hashable, Sendable, Codable, Comparable {
        case error, warning

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .error && rhs == .warning
        }

        public var label: String { self == .error ? "错误" : "提示" }
    }

    public init(
        rule: String, severity: Severity, location: SourceLocation, quote: String, expected: String, stated: String,
        explanation: String
    ) {
        self.rule = rule
        self.severity = severity
        self.location = location
        self.quote = quote
        self.expected = expected
        self.stated = stated
        self.explanation = explanation
    }
}
