/// One management indicator computed from the 基础数据表: its rate (nil when a figure is missing or the denominator
/// is zero: no data, never 0 % or 100 %), its score by the profile's bands, and why.
public struct ManagementScore: Hashable, Sendable, Encodable {
    public var id: String
    public var name: String
    public var group: String
    public var weight: ExactDecimal
    /// The rate in percent, exact.
    public var rate: ExactDecimal?
    public var score: ExactDecimal?
    public var provenance: Provenance

    /// The rate rounded to two decimals for display ("71.43%"), or "无数据".
    public var rateText: String { rate.map { $0.fixed(2) + "%" } ?? "无数据" }
}

/// Computes a profile's management indicators (``ManagementRules``) from an agency's base data.
public struct ManagementScoring: Sendable {
    public let profile: ScoringProfile

    public init(profile: ScoringProfile) {
        self.profile = profile
    }

    /// Every indicator of the profile's management block; empty when the profile has none.
    public func scores(_ data: AgencyBaseData) -> [ManagementScore] {
        (profile.management?.indicators ?? []).map { score($0, data) }
    }

    public func score(_ rule: ManagementIndicatorRule, _ data: AgencyBaseData) -> ManagementScore {
        let formula = rule.formula
        let numeratorName = formula.kind == .change ? "（\(formula.numerator) − \(formula.denominator)）" : "\(formula.numerator)"
        let text = "\(rule.name) = \(numeratorName) / \(formula.denominator)"
        var result = ManagementScore(
            id: rule.id, name: rule.name, group: rule.group, weight: rule.weight, rate: nil, score: nil,
            provenance: Provenance(rule: .noData, formula: text, explanation: "", profile: profile.reference))
        guard let top = data.value(of: formula.numerator), let bottom = data.value(of: formula.denominator) else {
            let missing = data.value(of: formula.numerator) == nil ? formula.numerator : formula.denominator
            result.provenance.explanation = "基础数据表未填\(missing)：无数据，不按 0 或 100% 计"
            return result
        }
        let dividend = formula.kind == .change ? top - bottom : top
        guard let quotient = dividend.divided(by: bottom) else {
            result.provenance.explanation = "\(formula.denominator)为 0，\(rule.name)的分母为零：无数据，不按 0 或 100% 计"
            return result
        }
        let rate = quotient * 100
        result.rate = rate
        let band = rule.bands.first { $0.contains(rate) }
        let place = band.map { "在“\($0.text)”档（\($0.share == 1 ? "满分档" : "得 \(($0.share * 100).plainText)%")）" } ?? "不在任何得分档"
        var explanation = "\(rule.name) = \(formula.kind == .change ? "（\(top.plainText) − \(bottom.plainText)）" : top.plainText) / \(bottom.plainText) = \(rate.fixed(2))%，\(place)"
        if profile.management?.countsInTotal == true {
            let score = rule.weight * (band?.share ?? 0)
            result.score = score
            explanation += "，得分 = \(rule.weight.plainText) × \((band?.share ?? 0).plainText) = \(score.rounded(scale: 2).plainText)"
        } else {
            explanation += "（本评分规则中不单独计分）"
        }
        result.provenance = Provenance(rule: .management, formula: text, explanation: explanation, profile: profile.reference)
        return result
    }
}
