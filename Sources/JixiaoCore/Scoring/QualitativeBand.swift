import Foundation

/// Qualitative scoring: the level fixes a band of the weight; the evaluator picks the point in it
/// (the stated score, clamped into the band), or the top of the band when no score was stated.
struct QualitativeBand {
    let profile: ScoringProfile

    func score(level: Achievement, word: String, weight: ExactDecimal, stated: ExactDecimal?) -> RowScoring.Outcome {
        let band = profile.qualitativeBands.band(for: level)
        let low = weight * band.min.percent
        let high = weight * band.max.percent
        let range = "\(band.min.plainText)%–\(band.max.plainText)%（\(low.fixed(2))–\(high.fixed(2)) 分）"
        let formula = "定性：“\(word)”属\(level.label)档，得分在分值的 \(range)"
        guard let stated else {
            return .scored(high, .qualitative, formula: formula, explanation: "\(level.label)档，未填报得分，取档次上限 \(high.fixed(2))")
        }
        if stated > high {
            return .scored(high, .qualitative, formula: formula, explanation: "填报得分 \(stated.plainText) 高于\(level.label)档上限，按上限 \(high.fixed(2)) 计")
        }
        if stated < low {
            return .scored(low, .qualitative, formula: formula, explanation: "填报得分 \(stated.plainText) 低于\(level.label)档下限，按下限 \(low.fixed(2)) 计")
        }
        return .scored(stated, .qualitative, formula: formula, explanation: "\(level.label)档，填报得分 \(stated.plainText) 在档次范围内，予以采用")
    }
}
