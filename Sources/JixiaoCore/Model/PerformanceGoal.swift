/// The annual overall goal (年度总体目标): what was expected and what was achieved, in the unit's words.
public struct PerformanceGoal: Hashable, Sendable, Codable {
    /// 预期目标
    public var expected: String
    /// 实际完成情况
    public var actual: String

    public init(expected: String = "", actual: String = "") {
        self.expected = expected
        self.actual = actual
    }
}
