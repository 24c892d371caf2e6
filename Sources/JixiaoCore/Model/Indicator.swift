/// A level-3 performance indicator (三级指标): one row of the indicator table.
public struct Indicator: Hashable, Sendable, Codable {
    /// 三级指标 name.
    public var name: String
    /// 年度指标值, as written.
    public var target: String
    /// 实际完成值, as written.
    public var actual: String
    /// 分值
    public var weight: StatedNumber
    /// 得分 as the unit stated it.
    public var statedScore: StatedNumber
    /// 偏差原因分析及改进措施
    public var deviationNote: String
    /// Where the row was read from, when imported.
    public var source: SourceLocation?

    public init(
        name: String,
        target: String,
        actual: String,
        weight: StatedNumber,
        statedScore: StatedNumber = .absent,
        deviationNote: String = "",
        source: SourceLocation? = nil
    ) {
        self.name = name
        self.target = target
        self.actual = actual
        self.weight = weight
        self.statedScore = statedScore
        self.deviationNote = deviationNote
        self.source = source
    }

    enum CodingKeys: String, CodingKey {
        case name, target, actual, weight, statedScore, deviationNote, source
    }

    /// `name`, `target`, `actual` and `weight` are required; the rest may be left out.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            name: try c.decode(String.self, forKey: .name),
            target: try c.decode(String.self, forKey: .target),
            actual: try c.decode(String.self, forKey: .actual),
            weight: try c.decode(StatedNumber.self, forKey: .weight),
            statedScore: try c.decodeIfPresent(StatedNumber.self, forKey: .statedScore) ?? .absent,
            deviationNote: try c.decodeIfPresent(String.self, forKey: .deviationNote) ?? "",
            source: try c.decodeIfPresent(SourceLocation.self, forKey: .source)
        )
    }
}
