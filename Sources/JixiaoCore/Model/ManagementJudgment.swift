/// The unit's own review of one item of its management block: the points it deducts and why ("项目及部门整体绩效目标
/// 编制还不够完整合理…，扣0.5分"; "计满分" is 0). A checklist item is scored by it; a computed rate by its bands, the
/// unit's deduction then standing only where the rules publish no standard for the rate.
public struct ManagementJudgment: Hashable, Sendable, Codable {
    /// The indicator's id in the profile ("performance-goals").
    public var indicator: String
    /// 扣分; 0 for full marks.
    public var pointsLost: ExactDecimal
    /// The unit's words.
    public var reason: String
    public var source: SourceLocation?

    public init(indicator: String, pointsLost: ExactDecimal = 0, reason: String = "", source: SourceLocation? = nil) {
        self.indicator = indicator
        self.pointsLost = pointsLost
        self.reason = reason
        self.source = source
    }

    enum CodingKeys: String, CodingKey {
        case indicator, pointsLost, reason, source
    }

    /// `indicator` is required; no `pointsLost` is full marks.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            indicator: try c.decode(String.self, forKey: .indicator),
            pointsLost: try c.decodeIfPresent(ExactDecimal.self, forKey: .pointsLost) ?? 0,
            reason: try c.decodeIfPresent(String.self, forKey: .reason) ?? "",
            source: try c.decodeIfPresent(SourceLocation.self, forKey: .source))
    }
}
