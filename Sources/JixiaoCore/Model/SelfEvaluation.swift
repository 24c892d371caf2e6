/// What is evaluated: one project's expenditure, or an agency's expenditure as a whole.
public enum EvaluationKind: String, Sendable, Codable {
    /// 项目支出绩效自评
    case project
    /// 部门（单位）整体支出绩效自评
    case agency

    public var label: String {
        switch self {
        case .project: "项目支出"
        case .agency: "部门整体"
        }
    }
}

/// The totals row (总分) as the table states it.
public struct StatedTotal: Hashable, Sendable, Codable {
    public var weight: StatedNumber
    public var score: StatedNumber
    /// Where the row was read from, when imported.
    public var source: SourceLocation?

    public init(weight: StatedNumber = .absent, score: StatedNumber = .absent, source: SourceLocation? = nil) {
        self.weight = weight
        self.score = score
        self.source = source
    }

    enum CodingKeys: String, CodingKey {
        case weight, score, source
    }

    /// Either figure may be left out of a JSON file.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            weight: try c.decodeIfPresent(StatedNumber.self, forKey: .weight) ?? .absent,
            score: try c.decodeIfPresent(StatedNumber.self, forKey: .score) ?? .absent,
            source: try c.decodeIfPresent(SourceLocation.self, forKey: .source))
    }
}

/// One self-evaluation (自评): a unit's budget, goal and indicator table for one fiscal year.
public struct SelfEvaluation: Hashable, Sendable, Codable {
    public var kind: EvaluationKind
    public var fiscalYear: Int?
    public var agency: Agency
    /// 项目 name; nil for an agency-wide evaluation.
    public var project: String?
    public var budget: Budget
    public var goal: PerformanceGoal
    public var indicators: IndicatorTree
    public var statedTotal: StatedTotal
    /// 等级 as the unit stated it ("优秀"), if any.
    public var statedGrade: String?
    /// The unit's own paragraphs for the report, by outline section key ("basic", "problems" …).
    public var narrative: [String: [String]]
    /// 基础数据表 of an agency's overall evaluation.
    public var baseData: AgencyBaseData?
    /// The unit's review of its management block, item by item (an agency evaluation whose profile has one).
    public var managementReview: [ManagementJudgment]
    /// Where the evaluation was read from.
    public var source: SourceLocation?

    public init(
        kind: EvaluationKind,
        fiscalYear: Int? = nil,
        agency: Agency,
        project: String? = nil,
        budget: Budget = Budget(),
        goal: PerformanceGoal = PerformanceGoal(),
        indicators: IndicatorTree = IndicatorTree(),
        statedTotal: StatedTotal = StatedTotal(),
        statedGrade: String? = nil,
        narrative: [String: [String]] = [:],
        baseData: AgencyBaseData? = nil,
        managementReview: [ManagementJudgment] = [],
        source: SourceLocation? = nil
    ) {
        self.kind = kind
        self.fiscalYear = fiscalYear
        self.agency = agency
        self.project = project
        self.budget = budget
        self.goal = goal
        self.indicators = indicators
        self.statedTotal = statedTotal
        self.statedGrade = statedGrade
        self.narrative = narrative
        self.baseData = baseData
        self.managementReview = managementReview
        self.source = source
    }

    /// The name to show: the project, or the agency for an agency-wide evaluation.
    public var title: String {
        project ?? agency.name
    }
}

extension SelfEvaluation {
    enum CodingKeys: String, CodingKey {
        case kind, fiscalYear, agency, project, budget, goal, indicators, statedTotal, statedGrade, narrative, baseData, managementReview, source
    }

    /// `kind`, `agency` and `indicators` are required; every other key may be left out of a JSON file.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            kind: try c.decode(EvaluationKind.self, forKey: .kind),
            fiscalYear: try c.decodeIfPresent(Int.self, forKey: .fiscalYear),
            agency: try c.decode(Agency.self, forKey: .agency),
            project: try c.decodeIfPresent(String.self, forKey: .project),
            budget: try c.decodeIfPresent(Budget.self, forKey: .budget) ?? Budget(),
            goal: try c.decodeIfPresent(PerformanceGoal.self, forKey: .goal) ?? PerformanceGoal(),
            indicators: try c.decode(IndicatorTree.self, forKey: .indicators),
            statedTotal: try c.decodeIfPresent(StatedTotal.self, forKey: .statedTotal) ?? StatedTotal(),
            statedGrade: try c.decodeIfPresent(String.self, forKey: .statedGrade),
            narrative: try c.decodeIfPresent([String: [String]].self, forKey: .narrative) ?? [:],
            baseData: try c.decodeIfPresent(AgencyBaseData.self, forKey: .baseData),
            managementReview: try c.decodeIfPresent([ManagementJudgment].self, forKey: .managementReview) ?? [],
            source: try c.decodeIfPresent(SourceLocation.self, forKey: .source)
        )
    }
}
