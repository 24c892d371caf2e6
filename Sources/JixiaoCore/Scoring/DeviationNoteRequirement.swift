import Foundation

/// Whether a row needs a deviation explanation (偏差原因分析及改进措施) that it lacks.
struct DeviationNoteRequirement {
    let rule: ScoringProfile.DeviationNoteRule

    func isMissing(row: RowScore, note: String) -> Bool {
        guard row.provenance.rule != .notApplicable, isRequired(row) else { return false }
        let trimmed = note.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty || NotApplicable.matches(trimmed)
    }

    private func isRequired(_ row: RowScore) -> Bool {
        if rule.belowWeight, let score = row.roundedScore, let weight = row.weight, score < weight {
            return true
        }
        if let ratio = rule.aboveTargetRatio,
            case .quantity(let target) = row.targetValue, case .quantity(let actual) = row.actualValue,
            target.unit == actual.unit, target.number > 0, actual.number >= target.number * ratio
        {
            return true
        }
        return false
    }
}
