/// The part of a self-evaluation its unit's other documents are compared on (its kind, project, budget and where it
/// was read from), decodable from a stored evaluation's JSON without its indicator tree: a page compares its document
/// with up to a hundred others and decodes only this of each.
public struct ComparedFigures: Sendable, Decodable {
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
}
