/// The part of a self-evaluation its unit's other documents are compared on (its kind, project, budget and where it
/// was read from). The store keeps it beside each evaluation's version (encoded under the evaluation's own names, so
/// it also decodes from a whole evaluation's JSON): a page compares its document with up to a hundred others and
/// reads only this of each.
public struct ComparedFigures: Sendable, Codable {
    public var kind: EvaluationKind
    public var project: String?
    public var budget: Budget
    public var source: SourceLocation?

    public init(_ evaluation: SelfEvaluation) {
        kind = evaluation.kind
        project = evaluation.project
        budget = evaluation.budget
        source = evaluation.source
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: SelfEvaluation.CodingKeys.self)
        kind = try c.decode(EvaluationKind.self, forKey: .kind)
        project = try c.decodeIfPresent(String.self, forKey: .project)
        budget = try c.decodeIfPresent(Budget.self, forKey: .budget) ?? Budget()
        source = try c.decodeIfPresent(SourceLocation.self, forKey: .source)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: SelfEvaluation.CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        try c.encodeIfPresent(project, forKey: .project)
        try c.encode(budget, forKey: .budget)
        try c.encodeIfPresent(source, forKey: .source)
    }
}
